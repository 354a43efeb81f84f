/** Journal entries as the API answers them: the patient's own view, and the care team's view of a shared one. */
import type { JournalEntry, SharedJournalEntry } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Selectable } from 'kysely';

export type EntryRow = Selectable<DB['journal_entries']>;

export function ownEntry(r: EntryRow): JournalEntry {
  return {
    id: r.id,
    text: r.text,
    promptId: r.prompt_id,
    promptText: r.prompt_text,
    shared: r.shared,
    sharedAt: r.shared_at ? r.shared_at.toISOString() : null,
    createdAt: r.created_at.toISOString(),
  };
}

/** Only for a shared row: the caller selects `shared = true` (a private row here is a programming error). */
export function sharedEntry(r: EntryRow): SharedJournalEntry {
  if (!r.shared || !r.shared_at) throw new Error('a private journal entry must never reach staff');
  return {
    id: r.id,
    patientId: r.patient_id,
    text: r.text,
    promptText: r.prompt_text,
    sharedAt: r.shared_at.toISOString(),
    createdAt: r.created_at.toISOString(),
  };
}
