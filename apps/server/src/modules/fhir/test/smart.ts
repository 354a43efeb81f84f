/**
 * A SMART Backend Services client for the tests: a key pair made with jose, its registration by the clinic's
 * admin, assertions signed with its private key (claims overridable, to break one at a time), token requests
 * sent form-encoded as RFC 6749 §4.4.2 has them, and reads with the token.
 */
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import type { Client, Response, TestApp } from '../../../test/harness.ts';

/** The token endpoint as the app sees it under inject (Host `localhost:80`). */
export const TOKEN_URL = 'http://localhost/fhir/R4/auth/token';
export const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export interface TestKey {
  alg: 'RS384' | 'ES384';
  privateKey: CryptoKey;
  /** The public JWK, with its kid and alg. */
  jwk: JWK;
}

export async function newKey(alg: TestKey['alg'] = 'RS384'): Promise<TestKey> {
  const { publicKey, privateKey } = await generateKeyPair(alg);
  return { alg, privateKey, jwk: { ...(await exportJWK(publicKey)), kid: randomUUID(), alg } };
}

/** Registers a client (as the admin) and returns its id. */
export async function registerClient(admin: Client, publicKey: object, scopes: string[]): Promise<string> {
  const r = await admin.post('/api/v1/fhir-clients', { name: 'Registry feed', publicKey, scopes });
  if (r.status !== 201) throw new Error(`register: ${r.status} ${r.text}`);
  return r.body.id;
}

export interface Claims {
  iss?: string;
  sub?: string;
  aud?: string;
  /** Seconds from the test clock's now. */
  expIn?: number;
  jti?: string;
}

/** An assertion for `clientId` signed with `key`, valid four minutes unless a claim says otherwise. */
export async function assertion(h: TestApp, key: TestKey, clientId: string, claims: Claims = {}) {
  const now = Math.floor(h.clock.now().getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: key.alg, kid: key.jwk.kid as string, typ: 'JWT' })
    .setIssuer(claims.iss ?? clientId)
    .setSubject(claims.sub ?? clientId)
    .setAudience(claims.aud ?? TOKEN_URL)
    .setExpirationTime(now + (claims.expIn ?? 240))
    .setJti(claims.jti ?? randomUUID())
    .sign(key.privateKey);
}

/** POSTs a form-encoded token request. */
// biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely, as JSON
export async function tokenRequest(h: TestApp, form: Record<string, string>): Promise<Response<any>> {
  const res = await h.app.inject({
    method: 'POST',
    url: '/fhir/R4/auth/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(form).toString(),
  });
  return { status: res.statusCode, body: res.json(), headers: res.headers, text: res.body };
}

/** A token request with a fresh, valid assertion. */
export async function askToken(
  h: TestApp,
  key: TestKey,
  clientId: string,
  scope: string,
  claims: Claims = {},
) {
  return tokenRequest(h, {
    grant_type: 'client_credentials',
    client_assertion_type: JWT_BEARER,
    client_assertion: await assertion(h, key, clientId, claims),
    scope,
  });
}

/** A bearer token for `scope`, or the test fails. */
export async function bearer(h: TestApp, key: TestKey, clientId: string, scope: string): Promise<string> {
  const r = await askToken(h, key, clientId, scope);
  if (r.status !== 200) throw new Error(`token: ${r.status} ${r.text}`);
  return r.body.access_token;
}

/** A GET with a bearer token (and no cookie). */
// biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely, as JSON
export async function getWith(h: TestApp, token: string, url: string): Promise<Response<any>> {
  const res = await h.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  let body: unknown = res.body;
  try {
    body = JSON.parse(res.body);
  } catch {
    /* not JSON */
  }
  return { status: res.statusCode, body, headers: res.headers, text: res.body };
}
