import { ApiError } from '../../api/client.ts';
import { describeError } from '../../api/errors.ts';

/** What the login page shows for each answer of `POST /auth/login` that is not a success. */
export type LoginOutcome =
  | { kind: 'mfa' }
  | { kind: 'field'; field: 'totp'; message: string }
  | { kind: 'alert'; message: string; backToCredentials?: boolean };

export function loginOutcome(error: unknown): LoginOutcome {
  const code = error instanceof ApiError ? error.code : null;
  switch (code) {
    case 'mfa_required':
      return { kind: 'mfa' };
    case 'mfa_invalid':
      return {
        kind: 'field',
        field: 'totp',
        message: 'That code is not valid. Check your authenticator app and try again.',
      };
    case 'invalid_credentials':
      return { kind: 'alert', message: 'Email or password is incorrect.', backToCredentials: true };
    case 'account_locked':
      return {
        kind: 'alert',
        message:
          'This account is locked after too many failed sign-in attempts. Try again later, or ask a clinic admin for help.',
      };
    case 'rate_limited':
      return { kind: 'alert', message: 'Too many sign-in attempts. Wait a minute, then try again.' };
    case 'validation_failed':
      return { kind: 'alert', message: 'Enter a valid email address and your password.' };
    default:
      return { kind: 'alert', message: describeError(error) };
  }
}
