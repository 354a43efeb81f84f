/**
 * Password hashing and strength rules.
 * - argon2id with m = 19456 KiB, t = 2, p = 1: OWASP Password Storage Cheat Sheet's first
 *   recommended configuration.
 * - At least 12 characters, and common or trivially guessable passwords refused (NIST SP 800-63B
 *   §5.1.1.2: compare against commonly-used and compromised values).
 */
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** `algorithm: 2` is Argon2id in @node-rs/argon2's (const) enum. */
const ARGON2 = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, ARGON2);

/** A hash of a random password with the same parameters as every stored one, made once per process. */
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hash(randomBytes(24).toString('base64url'), ARGON2));

/**
 * Checks a password against its stored hash. Without one (no such account, or none set yet) the
 * password is checked against a dummy hash of the same cost, so a missing account takes the same
 * time as a wrong password (OWASP Authentication Cheat Sheet, "authentication responses").
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  try {
    const ok = await verify(stored ?? (await dummy()), password);
    return ok && stored !== null;
  } catch {
    return false;
  }
}

/** Frequent passwords of 12+ characters from public breach corpora, and base words they are built on. */
const COMMON = new Set(
  `password1234 password12345 password123456 passwordpassword 123456789012 1234567890123 12345678910
  qwertyuiopas qwertyuiop12 qwerty123456 1qaz2wsx3edc qazwsxedcrfv iloveyou1234 iloveyou12345 abcdefghijkl
  abc123456789 letmein12345 welcome12345 welcome123456 administrator admin1234567 changeme1234 trustno11234
  football1234 baseball1234 sunshine1234 princess1234 monkey123456 dragon123456 superman1234 starwars1234
  000000000000 111111111111 123123123123 987654321098 aaaaaaaaaaaa passw0rd1234 p@ssw0rd1234 p@ssword1234
  mypassword12 thisismypassword correcthorsebatterystaple ketamine1234 spravato1234 freshstart12`.split(
    /\s+/,
  ),
);
const BASE_WORDS = [
  'password',
  'passw0rd',
  'p@ssw0rd',
  'qwerty',
  'letmein',
  'welcome',
  'iloveyou',
  'changeme',
];

/** Returns why a password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string } = {}): string | null {
  if (password.length < 12) return 'must be at least 12 characters';
  if (password.length > 256) return 'must be at most 256 characters';
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'is a commonly used password';
  if (/^(.)\1+$/.test(password)) return 'is one character repeated';
  if (/^(.{1,4})\1+$/.test(lower)) return 'is a short pattern repeated';
  if ('01234567890123456789'.includes(lower) || 'abcdefghijklmnopqrstuvwxyz'.includes(lower))
    return 'is a simple sequence';
  for (const w of BASE_WORDS) {
    if (lower.replace(/[^a-z@0]/g, '').startsWith(w) && lower.length - w.length <= 6)
      return 'is a common password with a few characters added';
  }
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'must not contain your email name';
  return null;
}
