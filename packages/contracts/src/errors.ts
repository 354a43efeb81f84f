/**
 * The one closed list of API error codes and the HTTP status each maps to.
 *
 * Every error the API returns has the body `{ error: { code, message, details? } }` with a code from
 * this table; the server maps codes to statuses here and nowhere else, and the web client switches on
 * the same codes. Add a code here before using it.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  witness_invalid: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  mfa_required: 401,
  mfa_invalid: 401,
  session_expired: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  illegal_transition: 409,
  precondition_failed: 409,
  insufficient_balance: 409,
  link_used: 410,
  link_expired: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  account_locked: 429,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorDetail {
  /** Dotted path of the offending field, e.g. `body.dateOfBirth` or `answers[8]`. */
  field?: string;
  message: string;
  [key: string]: unknown;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: ErrorDetail[] };
}

/** Status for a code; unknown codes are a programming error and map to 500. */
export function statusForCode(code: ErrorCode): number {
  return ERROR_STATUS[code] ?? 500;
}
