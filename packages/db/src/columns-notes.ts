/** Column manifest (see columns.ts) of the notes tables (migrations 0020 and 0024). */
import type { ColumnManifest } from './columns-types.ts';

const signedNote = {
  id: 'uuid',
  seq: 'int',
  clinic_id: 'uuid',
  patient_id: 'uuid',
  session_id: 'uuid?',
  author_id: 'uuid',
  body: 'text',
  signed_at: 'timestamptz',
  entered_in_error_at: 'timestamptz?',
  entered_in_error_by: 'uuid?',
  entered_in_error_reason: 'text?',
} as const;

const addendum = {
  id: 'uuid',
  seq: 'int',
  clinic_id: 'uuid',
  note_id: 'uuid',
  author_id: 'uuid',
  body: 'text',
  signed_at: 'timestamptz',
} as const;

// The literal type is the point: `as const satisfies` checks it against the table types while keeping each
// column's exact spec.
// biome-ignore lint/nursery/useExplicitType: see above
export const NOTES_COLUMNS = {
  clinical_notes: { ...signedNote, kind: 'text', author_role: 'text', sections: 'json?' },
  clinical_note_addenda: { ...addendum, author_role: 'text' },
  psychotherapy_notes: { ...signedNote, author_role: 'text', custodian_id: 'uuid' },
  psychotherapy_note_addenda: addendum,
  psychotherapy_note_handovers: {
    id: 'uuid',
    clinic_id: 'uuid',
    from_user_id: 'uuid',
    to_user_id: 'uuid',
    note_count: 'int',
    at: 'timestamptz',
  },
  clinical_note_journal_citations: {
    clinic_id: 'uuid',
    note_id: 'uuid',
    journal_entry_id: 'uuid',
    position: 'int',
  },
} as const satisfies Partial<ColumnManifest>;
