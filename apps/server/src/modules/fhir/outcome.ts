/**
 * Errors under /fhir/R4 answer an OperationOutcome (FHIR R4 operationoutcome.html) as application/fhir+json,
 * never the app's `{ error }` shape. The failure is classified once, by the app's own error classification
 * (`describeFailure`, the closed error table), and only rendered here: the status comes from the same table,
 * the issue type (R4 ValueSet issue-type) from the code.
 */
import { ERROR_STATUS, type ErrorCode, type FhirOperationOutcome } from '@plasticity/contracts';
import type { FastifyError, FastifyReply } from 'fastify';
import { describeFailure, type Failure } from '../../platform/error-handler.ts';
import type { AppError } from '../../platform/errors.ts';
import type { ZodApp } from '../../platform/module.ts';

export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route sets its own content type (a Bulk Data manifest is application/json, its files NDJSON). */
    ownContentType?: boolean;
  }
}

/** Issue type (http://hl7.org/fhir/issue-type, R4 codesystem-issue-type.html) for each error code. */
const ISSUE_TYPE: Record<ErrorCode, string> = {
  validation_failed: 'invalid',
  witness_invalid: 'invalid',
  unauthenticated: 'login',
  invalid_credentials: 'login',
  mfa_required: 'login',
  mfa_invalid: 'login',
  session_expired: 'login',
  csrf_failed: 'forbidden',
  forbidden: 'forbidden',
  not_found: 'not-found',
  conflict: 'conflict',
  illegal_transition: 'business-rule',
  precondition_failed: 'business-rule',
  insufficient_balance: 'business-rule',
  link_used: 'expired',
  link_expired: 'expired',
  payload_too_large: 'too-costly',
  unsupported_media_type: 'not-supported',
  account_locked: 'throttled',
  rate_limited: 'throttled',
  internal: 'exception',
  unavailable: 'transient',
};

/** The OperationOutcome of a failure: one issue per named field (the parameter in `expression`), else one. */
export function operationOutcome(f: Failure): FhirOperationOutcome {
  const code = ISSUE_TYPE[f.code];
  const named = (f.details ?? []).filter((d) => typeof d.field === 'string');
  const issue = named.length
    ? named.map((d) => ({
        severity: 'error' as const,
        code,
        diagnostics: `${d.field}: ${d.message}`,
        expression: [String(d.field)],
      }))
    : [{ severity: 'error' as const, code, diagnostics: f.message }];
  return { resourceType: 'OperationOutcome', issue };
}

export function sendOutcome(reply: FastifyReply, f: Failure) {
  return reply
    .status(ERROR_STATUS[f.code])
    .header('cache-control', 'no-store')
    .type(FHIR_JSON)
    .send(JSON.stringify(operationOutcome(f)));
}

/**
 * Installs, in the FHIR plugin's own scope, the error and not-found handlers that answer OperationOutcomes, and
 * the headers of every FHIR answer (its content type, unless the route sets its own; `no-store`, as patient data).
 */
export function installFhirErrors(app: ZodApp) {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) =>
    sendOutcome(reply, describeFailure(err, req)),
  );
  app.setNotFoundHandler((req, reply) =>
    sendOutcome(reply, {
      code: 'not_found',
      message: `no FHIR interaction ${req.method} ${req.url.split('?')[0]} (see /fhir/R4/metadata)`,
    }),
  );
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('cache-control', 'no-store');
    if (reply.statusCode < 400 && !req.routeOptions.config?.ownContentType) reply.type(FHIR_JSON);
    return payload;
  });
}
