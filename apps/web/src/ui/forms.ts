import type { FieldErrors } from '../api/errors.ts';

interface Issue {
  path: PropertyKey[];
  message: string;
  code?: string;
  minimum?: unknown;
  origin?: string;
}

/**
 * Turns zod issues (from a contract schema's `safeParse`) into form field errors, with plainer
 * wording for the two messages people meet most: an empty required field and a bad choice.
 */
export function issuesToFieldErrors(issues: readonly Issue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.');
    if (!key || key in out) continue;
    out[key] = friendlyMessage(issue);
  }
  return out;
}

function friendlyMessage(issue: Issue): string {
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) === 1)
    return 'Required';
  if (issue.code === 'invalid_value') return 'Choose an option';
  if (issue.code === 'invalid_type') return 'Required';
  if (issue.code === 'invalid_format' && issue.message.toLowerCase().includes('email'))
    return 'Enter a valid email address';
  return issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
}

/** Trims and drops empty strings, so optional fields left blank are omitted from a request. */
export function blankToUndefined(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}
