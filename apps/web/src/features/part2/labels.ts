/** Words for a Part 2 disclosure consent's codes: the kinds of record, its status, the kind of release. */
import type { Part2Consent, Part2Disclosure, Part2ResourceType } from '@plasticity/contracts';

export const RESOURCE_TYPE_LABELS: Record<Part2ResourceType, string> = {
  Patient: 'Demographics',
  Observation: 'Vital signs and measurements',
  QuestionnaireResponse: 'Questionnaire answers',
  Encounter: 'Visits',
  Consent: 'Consents',
};

export const resourceTypeLabel = (type: string): string =>
  RESOURCE_TYPE_LABELS[type as Part2ResourceType] ?? type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

export const INTERACTION_LABELS: Record<Part2Disclosure['interaction'], string> = {
  read: 'Read',
  search: 'Search',
  export: 'Bulk export',
};

export type Part2Status = 'in_force' | 'revoked' | 'entered_in_error' | 'expired';

/** In force while the server says so; otherwise the reason it no longer is (an error first, then revocation). */
export function statusOf(c: Part2Consent): Part2Status {
  if (c.enteredInErrorAt) return 'entered_in_error';
  if (c.revokedAt) return 'revoked';
  return c.active ? 'in_force' : 'expired';
}

export const STATUS_LABELS: Record<Part2Status, { label: string; color: string }> = {
  in_force: { label: 'In force', color: 'green.9' },
  revoked: { label: 'Revoked', color: 'red.9' },
  entered_in_error: { label: 'Entered in error', color: 'gray.7' },
  expired: { label: 'Expired', color: 'gray.7' },
};

export const scopeLabel = (types: string[] | null): string =>
  types === null ? 'All records' : types.map(resourceTypeLabel).join(', ');
