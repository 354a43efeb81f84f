/**
 * Verifies a client's authentication JWT as SMART Backend Services requires (backend-services.html,
 * "Authenticating to the token endpoint"; RFC 7523 §3): signed RS384 or ES384 with a key the client registered
 * (chosen by `kid`/`alg` from its JWKS), `iss` and `sub` both the client id, `aud` the token endpoint URL, `exp`
 * present, in the future and no more than five minutes ahead, and a `jti`. The signature is checked by `jose`,
 * never by hand. Whether the `jti` was used before is the caller's check (it needs the database). Every failure
 * is `invalid_client` (RFC 7523 §3.2) with a description that names the check, never the token's content.
 */
import type { FhirClientsTable } from '@plasticity/db/tables/fhir';
import { createLocalJWKSet, decodeJwt, errors, type JWTPayload, jwtVerify } from 'jose';
import type { Selectable } from 'kysely';
import { isUuid } from '../search-sql.ts';
import { ASSERTION_ALGORITHMS } from './client-keys.ts';
import { OAuthError } from './oauth-errors.ts';

/** SMART Backend Services: "exp … no more than five minutes in the future". */
const MAX_ASSERTION_LIFETIME_S = 5 * 60;
const MAX_JTI = 255;

const refuse = (why: string) => new OAuthError('invalid_client', why);

/** The client id an assertion claims (its `iss`), before anything is verified; refused when it cannot be one. */
export function claimedClientId(assertion: string): string {
  let payload: JWTPayload;
  try {
    payload = decodeJwt(assertion);
  } catch {
    throw refuse('client_assertion is not a JWT');
  }
  if (typeof payload.iss !== 'string' || !isUuid(payload.iss))
    throw refuse('iss is not a registered client id');
  return payload.iss.toLowerCase();
}

const CLAIM_WHY: Record<string, string> = {
  iss: 'iss must be the client id',
  sub: 'sub must be the client id (the same as iss)',
  aud: 'aud must be the token endpoint URL',
  exp: 'exp is missing or not a number',
  jti: 'jti is missing',
  iat: 'iat is not a number',
  nbf: 'the assertion is not valid yet (nbf)',
};

function reasonOf(e: unknown): string {
  if (e instanceof errors.JWTExpired) return 'the assertion has expired (exp)';
  if (e instanceof errors.JWTClaimValidationFailed)
    return CLAIM_WHY[e.claim] ?? `the ${e.claim} claim is not valid`;
  if (e instanceof errors.JOSEAlgNotAllowed)
    return `the assertion must be signed with ${ASSERTION_ALGORITHMS.join(' or ')}`;
  if (e instanceof errors.JWKSNoMatchingKey) return 'no registered key matches the assertion’s kid and alg';
  if (e instanceof errors.JWSSignatureVerificationFailed)
    return 'the signature does not verify with the registered key';
  if (e instanceof errors.JOSEError) return 'client_assertion is not a valid signed JWT';
  throw e;
}

interface VerifiedAssertion {
  jti: string;
  expiresAt: Date;
}

export async function verifyAssertion(
  assertion: string,
  client: Pick<Selectable<FhirClientsTable>, 'id' | 'jwks'>,
  opts: { audience: string; now: Date },
): Promise<VerifiedAssertion> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(assertion, createLocalJWKSet(client.jwks), {
      algorithms: [...ASSERTION_ALGORITHMS],
      issuer: client.id,
      subject: client.id,
      audience: opts.audience,
      currentDate: opts.now,
      requiredClaims: ['iss', 'sub', 'aud', 'exp', 'jti'],
    }));
  } catch (e) {
    throw refuse(reasonOf(e));
  }
  const exp = payload.exp as number;
  if (exp - opts.now.getTime() / 1000 > MAX_ASSERTION_LIFETIME_S)
    throw refuse('exp is more than five minutes ahead');
  const jti = payload.jti;
  if (typeof jti !== 'string' || jti.length === 0 || jti.length > MAX_JTI)
    throw refuse(`jti must be text of 1 to ${MAX_JTI} characters`);
  return { jti, expiresAt: new Date(exp * 1000) };
}
