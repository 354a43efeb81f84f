/**
 * Kysely types of the journal module's tables (migration packages/db/migrations/0021_journal.sql): the clinic's
 * journal prompts, the patient's journal entries (private unless shared) and daily mood check-ins. Nothing is
 * deleted: prompts are retired, entries stop being shared.
 */
import type { ColumnType, Generated } from 'kysely';
import type { DefaultTimestamp, NullableTimestamp } from '../schema.ts';

export type JournalPhaseColumn = 'before_session' | 'evening_after' | 'week_after' | 'any';

export interface JournalPromptsTable {
  id: Generated<string>;
  clinic_id: string;
  text: string;
  phase: JournalPhaseColumn;
  protocol_key: string | null;
  active: Generated<boolean>;
  sort_order: Generated<number>;
  starter: Generated<boolean>;
  created_by: string | null;
  created_at: DefaultTimestamp;
  updated_by: string | null;
  updated_at: DefaultTimestamp;
}

export interface JournalEntriesTable {
  id: Generated<string>;
  seq: Generated<number>;
  clinic_id: string;
  patient_id: string;
  text: string;
  prompt_id: string | null;
  prompt_text: string | null;
  shared: ColumnType<boolean, boolean | undefined, boolean>;
  shared_at: NullableTimestamp;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
}

export interface MoodCheckinsTable {
  id: Generated<string>;
  seq: Generated<number>;
  clinic_id: string;
  patient_id: string;
  score: number;
  note: string | null;
  recorded_at: DefaultTimestamp;
}

export interface JournalTables {
  journal_prompts: JournalPromptsTable;
  journal_entries: JournalEntriesTable;
  mood_checkins: MoodCheckinsTable;
}
