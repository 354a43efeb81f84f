/**
 * Journal entries a progress or integration note discusses. The patient's journal is theirs: staff see an
 * entry only while the patient shares it (docs/clinical-sources.md#journal-prompts-and-mood-check-in), so a note
 * may cite only an entry shared at the time of writing, and shows the entry's words only while it is still
 * shared — when the patient stops sharing, the citation keeps its date and loses the words.
 */
import type { CitedJournalEntry } from '@plasticity/contracts';
import { badField } from '../../platform/errors.ts';
import type { Executor } from './note-row.ts';

/** Stores the citations of a note being written; 400 naming the entry when it is not a shared entry of the patient. */
export async function storeCitations(
  trx: Executor,
  clinicId: string,
  patientId: string,
  noteId: string,
  entryIds: readonly string[],
): Promise<void> {
  if (entryIds.length === 0) return;
  const shared = await trx
    .selectFrom('journal_entries')
    .select('id')
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('shared', '=', true)
    .where('id', 'in', [...entryIds])
    .execute();
  const ok = new Set(shared.map((r) => r.id));
  entryIds.forEach((id, i) => {
    if (!ok.has(id))
      throw badField(
        `body.citedJournalEntryIds[${i}]`,
        'is not a journal entry this patient shares with the care team',
      );
  });
  await trx
    .insertInto('clinical_note_journal_citations')
    .values(
      entryIds.map((id, position) => ({
        clinic_id: clinicId,
        note_id: noteId,
        journal_entry_id: id,
        position,
      })),
    )
    .execute();
}

/** The cited entries of each note, in the order they were cited. */
export async function citationsOf(
  db: Executor,
  clinicId: string,
  noteIds: readonly string[],
): Promise<Map<string, CitedJournalEntry[]>> {
  const out = new Map<string, CitedJournalEntry[]>();
  if (noteIds.length === 0) return out;
  const rows = await db
    .selectFrom('clinical_note_journal_citations as c')
    .innerJoin('journal_entries as e', 'e.id', 'c.journal_entry_id')
    .select(['c.note_id', 'e.id', 'e.created_at', 'e.shared', 'e.text', 'e.prompt_text'])
    .where('c.clinic_id', '=', clinicId)
    .where('e.clinic_id', '=', clinicId)
    .where('c.note_id', 'in', [...noteIds])
    .orderBy('c.note_id')
    .orderBy('c.position')
    .execute();
  for (const r of rows) {
    const list = out.get(r.note_id) ?? [];
    list.push({
      id: r.id,
      writtenAt: r.created_at.toISOString(),
      stillShared: r.shared,
      text: r.shared ? r.text : null,
      promptText: r.shared ? r.prompt_text : null,
    });
    out.set(r.note_id, list);
  }
  return out;
}
