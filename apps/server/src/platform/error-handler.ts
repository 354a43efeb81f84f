/**
 * The one place errors become HTTP responses: `{ error: { code, message, details? } }` with the
 * status from the contracts' error table. Validation failures name each field; framework errors
 * (bad JSON, body too large, wrong content type) get their own codes; anything unexpected is a
 * generic 500 whose log line carries no request data.
 */
import { ERROR_STATUS, type ErrorCode, type ErrorDetail } from '@plasticity/contracts';
import { isConnectionError } from '@plasticity/db';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from './errors.ts';
import { installNulGuard } from './nul-guard.ts';

export function sendError(reply: FastifyReply, code: ErrorCode, message: string, details?: ErrorDetail[]) {
  return reply
    .status(ERROR_STATUS[code])
    .header('cache-control', 'no-store')
    .send({ error: { code, message, ...(details?.length ? { details } : {}) } });
}

/** `body` + JSON pointer `/answers/3` → `body.answers[3]`. */
function pathOf(prefix: string, instancePath: string): string {
  let out = prefix;
  for (const seg of instancePath.split('/').filter(Boolean))
    out += /^\d+$/.test(seg) ? `[${seg}]` : `.${seg}`;
  return out;
}

/** PostgreSQL errors that only bad input causes (SQLSTATE class 22, data exception): a 400, never a 500. */
const INPUT_SQLSTATES = new Set(['22021', '22P05', '22001', '22003', '22007', '22008', '22P02']);

export function installErrorHandler(app: FastifyInstance) {
  // Input the database cannot store is refused before validation, naming the field (nul-guard.ts).
  installNulGuard(app);
  app.setNotFoundHandler((req, reply) =>
    sendError(reply, 'not_found', `no route ${req.method} ${req.url.split('?')[0]}`),
  );
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    const f = describeFailure(err, req);
    return sendError(reply, f.code, f.message, f.details);
  });
}

/** What went wrong, as a code of the closed table with its message and fields (logged when unexpected). */
export interface Failure {
  code: ErrorCode;
  message: string;
  details?: ErrorDetail[];
}

/**
 * Classifies any error a route or hook throws: an AppError as it is, framework and validation errors by kind,
 * database refusals of bad input as 400, anything else as a logged 500. The app's JSON error shape
 * (`sendError`) and the FHIR interface's OperationOutcome both render from this one classification.
 */
export function describeFailure(err: FastifyError | AppError, req: FastifyRequest): Failure {
  if (err instanceof AppError) {
    if (err.code === 'internal') req.log.error({ code: err.code }, err.message);
    return fail(err.code, err.message, err.details);
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = (err as FastifyError).validationContext ?? 'body';
    const details = err.validation.map((v) => ({
      field: pathOf(where, v.instancePath),
      message: v.message ?? 'is invalid',
    }));
    const first = details[0];
    return fail('validation_failed', first ? `${first.field}: ${first.message}` : 'invalid request', details);
  }
  const code = (err as FastifyError).code;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return fail('payload_too_large', 'request body is too large');
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return fail('unsupported_media_type', 'send JSON (content-type: application/json)');
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
    return fail('validation_failed', 'body: the JSON body is empty', [
      { field: 'body', message: 'is empty' },
    ]);
  if ((err as FastifyError).statusCode === 400 || err instanceof SyntaxError) {
    return fail('validation_failed', 'body: is not valid JSON', [
      { field: 'body', message: 'is not valid JSON' },
    ]);
  }
  if ((err as FastifyError).statusCode === 415)
    return fail('unsupported_media_type', 'unsupported content type');
  const sqlState = (err as { code?: unknown }).code;
  if (typeof sqlState === 'string' && INPUT_SQLSTATES.has(sqlState)) {
    // Backstop for input the schemas let through but the database refuses; the transaction rolled back.
    req.log.warn({ sqlState }, 'database refused a value');
    return fail('validation_failed', 'a value is not acceptable to the database', [
      { field: 'body', message: 'contains a value that cannot be stored' },
    ]);
  }
  if (isConnectionError(err)) {
    // The database connection broke under this request (a restart, a terminated connection): the pool opens
    // a new one for the next request. Whether a write in flight committed is unknown, so say "retry" (writes
    // that matter take an idempotency key) rather than "nothing was changed".
    req.log.error({ errName: err.name, errCode: code }, 'database connection lost during a request');
    return fail('unavailable', 'the database connection was interrupted; please try again');
  }
  req.log.error({ errName: err.name, errCode: code, stack: err.stack }, 'unexpected error');
  if (process.env.PLASTICITY_DEBUG_ERRORS) console.error(err);
  return fail('internal', 'something went wrong on our side; nothing was changed');
}

const fail = (code: ErrorCode, message: string, details?: ErrorDetail[]): Failure =>
  details?.length ? { code, message, details } : { code, message };
