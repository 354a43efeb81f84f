/**
 * Refuses text containing a NUL character (U+0000) anywhere in a request's body, query or params
 * with 400 validation_failed naming the field. PostgreSQL text and jsonb cannot store NUL
 * ("invalid byte sequence for encoding UTF8: 0x00"), so without this guard such input reached the
 * database and became a 500; bad input gets a 400 naming the field, never a 500.
 * Runs as a preValidation hook (after parsing, before the zod schemas), so it covers every route of
 * every module without each schema having to remember it.
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

/** The first path (e.g. `body.address.line1`, `body.items[2]`) holding a NUL, or null. */
export function findNul(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (!value || typeof value !== 'object' || depth > 32) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNul(value[i], `${path}[${i}]`, depth + 1);
      if (hit) return hit;
    }
    return null;
  }
  for (const [k, v] of Object.entries(value)) {
    if (k.includes('\u0000')) return path;
    const hit = findNul(v, `${path}.${k}`, depth + 1);
    if (hit) return hit;
  }
  return null;
}

export function installNulGuard(app: FastifyInstance) {
  // A callback hook (no promise per request): it runs for every request with a route.
  app.addHook('preValidation', (req, _reply, done) => {
    const field =
      findNul(req.params, 'params') ?? findNul(req.query, 'querystring') ?? findNul(req.body, 'body');
    if (!field) return done();
    done(
      new AppError('validation_failed', `${field}: must not contain a NUL character`, [
        { field, message: 'must not contain a NUL character' },
      ]),
    );
  });
}
