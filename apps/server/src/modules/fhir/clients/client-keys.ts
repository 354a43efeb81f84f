/**
 * The public key a client is registered with: one JWK (RFC 7517 §4) or a JWK Set (§5), given inline (a JWKS
 * URL is not supported). SMART Backend Services has clients sign with RS384 or ES384 (RFC 7518 §3.1), so each
 * key must be an RSA key of at least 2048 bits (RFC 7518 §3.3) or an EC key on P-384 (§3.4), meant for signing,
 * and public: a key with private members (`d`, RSA's primes) is refused so it is never stored. Each key is
 * imported with `jose` to prove it usable. Failures are 400 naming the field (`body.publicKey.keys[1].crv`).
 */
import type { FhirClientKey } from '@plasticity/contracts';
import type { StoredJwk } from '@plasticity/db/tables/fhir';
import { importJWK } from 'jose';
import { badField } from '../../../platform/errors.ts';

/** The signing algorithms SMART Backend Services names (backend-services.html, "Signature algorithms"). */
export const ASSERTION_ALGORITHMS = ['RS384', 'ES384'] as const;
type Alg = (typeof ASSERTION_ALGORITHMS)[number];

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];
/** The public members kept, by key type (RFC 7518 §6.2.1, §6.3.1); others (x5c, ext, …) are not stored. */
const PUBLIC_MEMBERS = { RSA: ['n', 'e'], EC: ['crv', 'x', 'y'] } as const;
const MAX_KEYS = 10;
const MIN_RSA_BITS = 2048;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The algorithm a key is for: its own `alg` when it names one, else the one its type implies. */
function algorithmOf(jwk: Record<string, unknown>, field: string): Alg {
  if (jwk.kty === 'RSA') {
    if (jwk.alg !== undefined && jwk.alg !== 'RS384')
      throw badField(`${field}.alg`, 'must be RS384 for an RSA key');
    return 'RS384';
  }
  if (jwk.kty === 'EC') {
    if (jwk.crv !== 'P-384') throw badField(`${field}.crv`, 'must be P-384 (ES384)');
    if (jwk.alg !== undefined && jwk.alg !== 'ES384')
      throw badField(`${field}.alg`, 'must be ES384 for an EC key');
    return 'ES384';
  }
  throw badField(`${field}.kty`, 'must be RSA or EC (RS384 or ES384 signatures)');
}

async function checkKey(jwk: unknown, field: string): Promise<StoredJwk> {
  if (!isObject(jwk) || typeof jwk.kty !== 'string') throw badField(field, 'is not a JSON Web Key (no kty)');
  const secret = PRIVATE_MEMBERS.filter((m) => m in jwk);
  if (secret.length)
    throw badField(`${field}.${secret[0]}`, 'is a private key member: register the public key only');
  const alg = algorithmOf(jwk, field);
  if (jwk.use !== undefined && jwk.use !== 'sig') throw badField(`${field}.use`, 'must be sig');
  if (jwk.kid !== undefined && (typeof jwk.kid !== 'string' || jwk.kid.length > 200))
    throw badField(`${field}.kid`, 'must be text up to 200 characters');
  const stored: StoredJwk = { kty: jwk.kty, alg };
  if (typeof jwk.kid === 'string') stored.kid = jwk.kid;
  if (jwk.use === 'sig') stored.use = 'sig';
  for (const m of PUBLIC_MEMBERS[alg === 'RS384' ? 'RSA' : 'EC']) {
    const v = jwk[m];
    if (typeof v !== 'string') throw badField(`${field}.${m}`, 'is required (base64url text)');
    stored[m] = v;
  }
  let key: CryptoKey | Uint8Array;
  try {
    key = await importJWK(stored, alg);
  } catch (e) {
    throw badField(
      field,
      `is not a usable ${alg} public key (${e instanceof Error ? e.message : 'unreadable'})`,
    );
  }
  if (alg === 'RS384' && !(key instanceof Uint8Array)) {
    const bits = (key.algorithm as RsaHashedKeyAlgorithm).modulusLength;
    if (bits < MIN_RSA_BITS)
      throw badField(`${field}.n`, `is a ${bits}-bit modulus; at least ${MIN_RSA_BITS} bits`);
  }
  return stored;
}

/** The registered key(s) as a JWK Set, every key checked; 400 naming the field otherwise. */
export async function checkPublicKey(input: Record<string, unknown>): Promise<{ keys: StoredJwk[] }> {
  const field = 'body.publicKey';
  if (!('keys' in input)) return { keys: [await checkKey(input, field)] };
  const keys = input.keys;
  if (!Array.isArray(keys) || keys.length === 0)
    throw badField(`${field}.keys`, 'must be a non-empty array of keys');
  if (keys.length > MAX_KEYS) throw badField(`${field}.keys`, `holds at most ${MAX_KEYS} keys`);
  const out: StoredJwk[] = [];
  for (const [i, k] of keys.entries()) out.push(await checkKey(k, `${field}.keys[${i}]`));
  return { keys: out };
}

/** What identifies each key, for the list. */
export function keySummaries(jwks: { keys: StoredJwk[] }): FhirClientKey[] {
  return jwks.keys.map((k) => ({ kty: k.kty, alg: k.alg, kid: k.kid ?? null, crv: k.crv ?? null }));
}
