/**
 * The one rule for reaching a single note by its id: a progress or integration note of the caller's clinic
 * for a care-team role, a psychotherapy note for its custodian only; anything else is "not found" — the same
 * answer whether the note does not exist or the caller may not read it, so its existence is never revealed.
 */
import type { ClinicalNote } from '@plasticity/contracts';
import { notFound } from '../../platform/errors.ts';
import type { AuthContext } from '../../platform/request-context.ts';
import { custodianNotes, type Executor, recordNotes } from './note-row.ts';
import { readsRecordNotes } from './policies.ts';

export async function findReadableNote(db: Executor, a: AuthContext, noteId: string): Promise<ClinicalNote> {
  if (readsRecordNotes(a.role)) {
    const [note] = await recordNotes(db, a.clinicId, { noteId });
    if (note) return note;
  }
  const [own] = await custodianNotes(db, a.clinicId, a.userId, { noteId });
  if (own) return own;
  throw notFound('note');
}
