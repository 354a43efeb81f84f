/**
 * Kysely types of the notes tables (migration packages/db/migrations/0020_notes.sql): progress and
 * integration notes with their addenda, and psychotherapy notes — kept apart, readable by their custodian
 * only — with their addenda and handovers. Nothing is deleted: a wrong note is marked entered in error.
 */
import type { IntegrationSections } from '@plasticity/contracts';
import type { Generated } from 'kysely';
import type { NullableJson, NullableTimestamp, Timestamp } from '../schema.ts';

export interface ClinicalNotesTable {
  id: Generated<string>;
  seq: Generated<number>;
  clinic_id: string;
  patient_id: string;
  session_id: string | null;
  kind: 'progress' | 'integration';
  author_id: string;
  author_role: string;
  body: string;
  sections: NullableJson<IntegrationSections>;
  signed_at: Timestamp;
  entered_in_error_at: NullableTimestamp;
  entered_in_error_by: string | null;
  entered_in_error_reason: string | null;
}

export interface ClinicalNoteAddendaTable {
  id: Generated<string>;
  seq: Generated<number>;
  clinic_id: string;
  note_id: string;
  author_id: string;
  author_role: string;
  body: string;
  signed_at: Timestamp;
}

export interface PsychotherapyNotesTable {
  id: Generated<string>;
  seq: Generated<number>;
  clinic_id: string;
  patient_id: string;
  session_id: string | null;
  author_id: string;
  author_role: string;
  /** The only reader: the author, or the successor the notes were handed to. */
  custodian_id: string;
  body: string;
  signed_at: Timestamp;
  entered_in_error_at: NullableTimestamp;
  entered_in_error_by: string | null;
  entered_in_error_reason: string | null;
}

export interface PsychotherapyNoteAddendaTable {
  id: Generated<string>;
  seq: Generated<number>;
  clinic_id: string;
  note_id: string;
  author_id: string;
  body: string;
  signed_at: Timestamp;
}

export interface PsychotherapyNoteHandoversTable {
  id: Generated<string>;
  clinic_id: string;
  from_user_id: string;
  to_user_id: string;
  note_count: number;
  at: Timestamp;
}

/** Journal entries a progress or integration note discusses (migration 0024). */
export interface ClinicalNoteJournalCitationsTable {
  clinic_id: string;
  note_id: string;
  journal_entry_id: string;
  position: number;
}

export interface NotesTables {
  clinical_notes: ClinicalNotesTable;
  clinical_note_addenda: ClinicalNoteAddendaTable;
  psychotherapy_notes: PsychotherapyNotesTable;
  psychotherapy_note_addenda: PsychotherapyNoteAddendaTable;
  psychotherapy_note_handovers: PsychotherapyNoteHandoversTable;
  clinical_note_journal_citations: ClinicalNoteJournalCitationsTable;
}
