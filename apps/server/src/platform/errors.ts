/**
 * AppError carries one code from the closed table in @plasticity/contracts; the error handler
 * (`platform/error-handler.ts`, installed by app.ts) is the single place that turns codes (and framework
 * errors) into HTTP responses.
 */
import type { ErrorCode, ErrorDetail } from '@plasticity/contracts';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what = 'resource') => new AppError('not_found', `${what} not found`);
export const forbidden = (msg = 'your role may not do this') => new AppError('forbidden', msg);
export const badField = (field: string, message: string) =>
  new AppError('validation_failed', `${field}: ${message}`, [{ field, message }]);
