/**
 * The one gate every request passes (onRequest, before body parsing and validation, so an
 * anonymous caller gets 401 rather than a validation error):
 * 1. the route must declare a policy (see policy.ts);
 * 2. the session cookie is resolved; a missing/unknown session → 401, an expired one → 401 session_expired;
 * 3. the caller's role must be in the policy's roles — a patient may also pass when the named route
 *    parameter is their own patient id; a patient asking for another record gets 404;
 * 4. a state-changing request authenticated by the cookie must carry the CSRF token in the
 *    `x-csrf-token` header (OWASP CSRF Prevention Cheat Sheet, synchronizer token) or gets 403.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SESSION_COOKIE, type SessionStore } from '../modules/auth/session-store.ts';
import { AppError } from './errors.ts';
import { safeEqual } from './tokens.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function installAuthGate(app: FastifyInstance, sessions: SessionStore) {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (req: FastifyRequest) => {
    const policy = req.routeOptions.config?.policy;
    if (!req.routeOptions.url) return; // 404 handler: nothing to guard
    if (!policy)
      throw new AppError('internal', `route ${req.method} ${req.routeOptions.url} has no declared policy`);
    const token = req.cookies?.[SESSION_COOKIE];
    if (policy.kind === 'public') {
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
    if (!SAFE_METHODS.has(req.method) && !policy.csrfExempt) {
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
