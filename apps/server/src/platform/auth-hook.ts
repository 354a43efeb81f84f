/**
 * The one gate every request passes (onRequest, before body parsing and validation, so an
 * anonymous caller gets 401 rather than a validation error):
 * 1. the route must declare a policy (see policy.ts);
 * 2. the session cookie is resolved; a missing/unknown session → 401, an expired one → 401 session_expired;
 * 3. the caller's role must be in the policy's roles — a patient may also pass when the named route
 *    parameter is their own patient id; a patient asking for another record gets 404;
 * 4. a state-changing request authenticated by the cookie must come from this server's own pages —
 *    its `Origin` (or, without one, its `Referer`) is the server's own origin (OWASP CSRF Prevention
 *    Cheat Sheet, "verifying origin with standard headers") — and carry the CSRF token in the
 *    `x-csrf-token` header (same sheet, synchronizer token), or it gets 403 csrf_failed before
 *    anything runs. Public state-changing routes (login, and links whose token is the credential)
 *    need neither, but one that names a foreign `Origin` is refused too, so another site cannot
 *    log a browser in to an account of its choosing.
 * A route whose policy admits system clients (`systemAccess`) takes, instead of the cookie, an
 * `Authorization: Bearer` token (RFC 6750 §2.1), resolved by the `BearerTokens` the app passes in: an
 * unknown or expired token → 401 with `WWW-Authenticate: Bearer error="invalid_token"`, a grant that does
 * not cover the route → 403 with `error="insufficient_scope"` (RFC 6750 §3.1). A bearer request carries no
 * cookie credential, so neither CSRF nor MFA enrolment applies to it.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { SESSION_COOKIE, type SessionStore } from '../modules/auth/session-store.ts';
import { AppError } from './errors.ts';
import type { Policy } from './policy.ts';
import type { BearerTokens } from './request-context.ts';
import { safeEqual } from './tokens.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `scheme://host[:port]` of a URL, normalized (default port dropped, lower case); null if unparsable. */
function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/**
 * The server's own origin: PLASTICITY_PUBLIC_URL's when set, else the request's own scheme and Host
 * (X-Forwarded-Proto and X-Forwarded-Host behind a proxy trusted with TRUST_PROXY).
 */
export function ownOrigin(req: FastifyRequest, config: Pick<Config, 'publicUrl'>): string | null {
  return originOf(config.publicUrl ?? `${req.protocol}://${req.host}`);
}

/** Whether `origin` is `own`, counting localhost, 127.0.0.1 and [::1] as one host (same scheme and port). */
export function isOwnOrigin(origin: string | null, own: string | null): boolean {
  if (!origin || !own) return false;
  if (origin === own) return true;
  const a = new URL(origin);
  const b = new URL(own);
  return (
    LOOPBACK.has(a.hostname) && LOOPBACK.has(b.hostname) && a.protocol === b.protocol && a.port === b.port
  );
}

/** Where the request says it comes from: its Origin, or without one its Referer's origin; null when neither. */
function claimedOrigin(req: FastifyRequest): { origin: string | null; named: boolean } {
  const origin = req.headers.origin;
  if (typeof origin === 'string' && origin !== '') return { origin: originOf(origin), named: true };
  const referer = req.headers.referer;
  if (typeof referer === 'string' && referer !== '') return { origin: originOf(referer), named: true };
  return { origin: null, named: false };
}

/** The token of an `Authorization: Bearer …` header (scheme case-insensitive), '' for an empty one; else null. */
function bearerToken(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (typeof h !== 'string') return null;
  const m = /^bearer(?:\s+(.*))?$/i.exec(h.trim());
  return m ? (m[1] ?? '').trim() : null;
}

/**
 * Admits a system client on a route whose policy names `systemAccess`, or refuses it (see the header comment).
 * Returns false when the request carries no bearer token, so the session rules apply.
 */
async function admitSystemClient(
  req: FastifyRequest,
  reply: FastifyReply,
  access: string,
  bearer: BearerTokens,
): Promise<boolean> {
  const token = bearerToken(req);
  if (token === null) {
    if (!req.cookies?.[SESSION_COOKIE]) reply.header('www-authenticate', 'Bearer');
    return false;
  }
  const client = token === '' ? null : await bearer.resolve(token);
  if (!client) {
    reply.header('www-authenticate', 'Bearer error="invalid_token"');
    throw new AppError('unauthenticated', 'the access token is unknown, expired or revoked');
  }
  req.systemClient = client;
  if (!client.may(access)) {
    reply.header('www-authenticate', 'Bearer error="insufficient_scope"');
    throw new AppError('forbidden', 'the access token’s scopes do not cover this');
  }
  return true;
}

const admitsSystemClients = (
  p: Policy,
): p is Extract<Policy, { kind: 'authenticated' }> & { systemAccess: string } =>
  p.kind === 'authenticated' && typeof p.systemAccess === 'string';

export function installAuthGate(
  app: FastifyInstance,
  sessions: SessionStore,
  config: Config,
  bearer: BearerTokens,
) {
  app.decorateRequest('auth', null);
  app.decorateRequest('systemClient', null);
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const policy = req.routeOptions.config?.policy;
    if (!req.routeOptions.url) return; // 404 handler: nothing to guard
    if (!policy)
      throw new AppError('internal', `route ${req.method} ${req.routeOptions.url} has no declared policy`);
    if (admitsSystemClients(policy) && (await admitSystemClient(req, reply, policy.systemAccess, bearer)))
      return;
    const token = req.cookies?.[SESSION_COOKIE];
    const changesState = !SAFE_METHODS.has(req.method);
    if (policy.kind === 'public') {
      if (changesState && typeof req.headers.origin === 'string' && req.headers.origin !== 'null') {
        if (!isOwnOrigin(originOf(req.headers.origin), ownOrigin(req, config)))
          throw new AppError('csrf_failed', 'this request did not come from this site');
      }
      if (token) {
        const r = await sessions.resolve(token);
        if (r.ok) req.auth = r.auth;
      }
      return;
    }
    if (!token) throw new AppError('unauthenticated', 'log in first');
    const r = await sessions.resolve(token);
    if (!r.ok) {
      throw r.reason === 'expired'
        ? new AppError('session_expired', 'your session expired; log in again')
        : new AppError('unauthenticated', 'log in first');
    }
    req.auth = r.auth;
    if (changesState && !policy.csrfExempt) {
      const claimed = claimedOrigin(req);
      if (!isOwnOrigin(claimed.origin, ownOrigin(req, config))) {
        throw new AppError(
          'csrf_failed',
          claimed.named
            ? 'this request did not come from this site'
            : 'missing Origin header on a state-changing request',
        );
      }
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, r.auth.csrfToken)) {
        throw new AppError('csrf_failed', 'missing or wrong x-csrf-token header');
      }
    }
    if (
      r.auth.settings.mfaRequiredRoles.includes(r.auth.role) &&
      !r.auth.mfaEnabled &&
      !policy.duringMfaEnrolment
    ) {
      throw new AppError(
        'forbidden',
        'your role requires multi-factor authentication: enroll under Account first',
      );
    }
    const roleAllowed = policy.roles === 'any' || policy.roles.includes(r.auth.role);
    if (roleAllowed) return;
    if (policy.selfParam && r.auth.role === 'patient') {
      const wanted = (req.params as Record<string, string> | undefined)?.[policy.selfParam];
      if (wanted && wanted === r.auth.patientId) return;
      throw new AppError('not_found', 'not found');
    }
    throw new AppError('forbidden', 'your role may not do this');
  });
}
