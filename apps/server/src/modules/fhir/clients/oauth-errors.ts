/**
 * The token endpoint answers errors as OAuth 2.0 does (RFC 6749 §5.2): JSON `{error, error_description}`,
 * 401 for `invalid_client` (the client failed to authenticate), 400 otherwise, never cached. A failed client
 * assertion is `invalid_client` (RFC 7523 §3.2, for client authentication); a request that fails the contract
 * (a parameter too long, a JSON body of another shape) is `invalid_request` naming the parameter.
 */
import type { OAuthErrorResponse } from '@plasticity/contracts';
import type { FastifyError, FastifyReply } from 'fastify';
import { describeFailure, sendError } from '../../../platform/error-handler.ts';
import type { AppError } from '../../../platform/errors.ts';
import type { ZodApp } from '../../../platform/module.ts';

type OAuthCode = OAuthErrorResponse['error'];

export class OAuthError extends Error {
  constructor(
    readonly error: OAuthCode,
    readonly description: string,
  ) {
    super(description);
    this.name = 'OAuthError';
  }
}

function sendOAuthError(reply: FastifyReply, e: OAuthError) {
  if (e.error === 'invalid_client') reply.header('www-authenticate', 'Bearer');
  return reply
    .status(e.error === 'invalid_client' ? 401 : 400)
    .header('cache-control', 'no-store')
    .header('pragma', 'no-cache')
    .send({ error: e.error, error_description: e.description } satisfies OAuthErrorResponse);
}

/** Installs, in the token endpoint's own scope, the error handler that answers OAuth errors. */
export function installOAuthErrors(app: ZodApp) {
  app.setErrorHandler((err: FastifyError | AppError | OAuthError, req, reply) => {
    if (err instanceof OAuthError) return sendOAuthError(reply, err);
    const f = describeFailure(err, req);
    // A failure of ours is no OAuth error of the client's: the app's own answer (500 or 503).
    if (f.code === 'internal' || f.code === 'unavailable') return sendError(reply, f.code, f.message);
    return sendOAuthError(reply, new OAuthError('invalid_request', f.message));
  });
}

/**
 * Parses `application/x-www-form-urlencoded` bodies (RFC 6749 §4.4.2 sends the token request so) in the
 * calling scope only. A parameter sent twice is `invalid_request` (RFC 6749 §5.2).
 */
export function acceptFormBodies(app: ZodApp) {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    const params = new Map<string, string>();
    for (const [k, v] of new URLSearchParams(body as string)) {
      if (params.has(k)) return done(new OAuthError('invalid_request', `${k} is sent more than once`));
      params.set(k, v);
    }
    done(null, Object.fromEntries(params));
  });
}
