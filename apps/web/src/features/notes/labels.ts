/** Words for the notes feature: the kinds of note, who writes which, and the integration template's parts. */
import type { IntegrationSections, NoteKind, Role } from '@plasticity/contracts';

export const NOTE_KIND_LABELS: Readonly<Record<NoteKind, string>> = {
  progress: 'Progress note',
  integration: 'Integration note',
  psychotherapy: 'Psychotherapy note',
};

/** The kinds a role may write (the server decides; this only offers what it will accept). */
export const WRITABLE_KINDS: Readonly<Partial<Record<Role, readonly NoteKind[]>>> = {
  prescriber: ['progress', 'integration', 'psychotherapy'],
  nurse: ['progress'],
  therapist: ['integration', 'progress', 'psychotherapy'],
};

export const SECTION_LABELS: ReadonlyArray<[keyof IntegrationSections, string]> = [
  ['experience', 'Experience and themes'],
  ['insights', 'Insights'],
  ['intentions', 'Intentions revisited'],
  ['actions', 'Actions for daily life'],
  ['moodRisk', 'Mood and risk check'],
  ['plan', 'Plan'],
];
