/**
 * TOTP (RFC 6238: 30-second steps, 6 digits, HMAC-SHA1 — what authenticator apps use), with one step
 * of clock drift either side and replay protection (a code's step must be newer than the last one
 * accepted for the user, RFC 6238 §5.2). Recovery codes are single-use, stored as SHA-256.
 */
import { randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { hashToken } from '../../platform/tokens.ts';

export const newTotpSecret = () => generateSecret();

export async function totpEnrolment(secret: string, account: string, issuer: string) {
  const otpauthUrl = generateURI({ issuer, label: account, secret });
  const qrDataUrl = await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 220 });
  return { secret, otpauthUrl, qrDataUrl };
}

/** Returns the accepted time step, or null. */
export async function checkTotp(
  secret: string,
  code: string,
  now: Date,
  lastStep: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const epoch = Math.floor(now.getTime() / 1000);
  const r = await verify({ secret, token: code, epoch, epochTolerance: 30 });
  if (!r.valid) return null;
  const step = Math.floor(epoch / 30) + r.delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}

export function newRecoveryCodes(n = 10): { codes: string[]; hashes: string[] } {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const codes = Array.from({ length: n }, () => {
    const b = randomBytes(8);
    const s = Array.from(b, (x) => alphabet[x % alphabet.length]).join('');
    return `${s.slice(0, 4)}-${s.slice(4)}`;
  });
  return { codes, hashes: codes.map((c) => hashToken(c)) };
}

export const isRecoveryCodeFormat = (s: string) => /^[a-z0-9]{4}-[a-z0-9]{4}$/i.test(s);
