import { fieldLabel, messageInWords } from '@plasticity/contracts';
import { ApiError } from './client.ts';

/** Field path → message, keyed like the form's field names (`firstName`, `address.city`). */
export type FieldErrors = Record<string, string>;

/**
 * Normalises a server field path (`body.dateOfBirth`, `/address/city`, `answers[8]`) to the
 * dotted key the forms use (`dateOfBirth`, `address.city`, `answers.8`).
 */
export function normaliseField(field: string): string {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/\//g, '.')
    .replace(/^\.+/, '')
    .replace(/^(body|query|params)\./, '');
}

/**
 * The field errors of a `validation_failed` response, keyed by field, each message in words (a field
 * name inside a message, such as "is before startedAt", reads "is before start time").
 */
export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const out: FieldErrors = {};
  for (const detail of error.details) {
    if (!detail.field) continue;
    const key = normaliseField(detail.field);
    if (key && !(key in out)) out[key] = messageInWords(detail.message);
  }
  return out;
}

/**
 * One field error as a sentence, for a list away from the field: "Dose per kg must be positive",
 * "Weight (kg): is required". The words come from the one table of field labels in the contracts.
 */
export function describeFieldError(field: string, message: string): string {
  const label = fieldLabel(field);
  const words = messageInWords(message);
  return /^[a-z]/.test(words) ? `${label} ${words}` : `${label}: ${words}`;
}

/** Calm, plain-language text for errors shown outside a field. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError))
    return 'Something went wrong. Try again, and tell your clinic admin if it keeps happening.';
  switch (error.code) {
    case 'validation_failed':
      return 'Some details need attention. Check the highlighted fields.';
    case 'forbidden':
      return 'Your role does not allow this action.';
    case 'csrf_failed':
      return 'This page is out of date. Reload the page and try again.';
    case 'not_found':
      return 'This record could not be found. It may have been removed.';
    case 'conflict':
    case 'precondition_failed':
      return error.message
        ? messageInWords(error.message)
        : 'Someone else changed this record. Reload and try again.';
    case 'rate_limited':
      return 'Too many requests in a short time. Wait a minute and try again.';
    case 'network_error':
      return 'The server could not be reached. Check the connection and try again.';
    case 'unavailable':
      return 'The service is temporarily unavailable. Try again in a few minutes.';
    case 'bad_response':
    case 'internal':
      return 'Something went wrong on the server. Try again, and tell your clinic admin if it keeps happening.';
    default:
      return error.message ? messageInWords(error.message) : 'Something went wrong. Try again.';
  }
}

/**
 * Messages of field errors that no visible field can show (so they are not lost), given the
 * field keys the form renders.
 */
export function unplacedFieldErrors(errors: FieldErrors, shownFields: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([key]) => !shownFields.includes(key))
    .map(([key, message]) => describeFieldError(key, message));
}
