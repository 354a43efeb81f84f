/**
 * Notes as the API returns them, and the queries every operation shares. Psychotherapy notes are only ever
 * selected with their custodian in the WHERE clause: no query here can return one to anyone else.
 */
import type { ClinicalNote, NoteAddendum } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import { citationsOf } from './note-citations.ts';

export type Executor = Kysely<DB>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function selectRecordNotes(db: Executor, clinicId: string) {
  return db
    .selectFrom('clinical_notes as n')
    .innerJoin('users as au', 'au.id', 'n.author_id')
    .leftJoin('users as eie', 'eie.id', 'n.entered_in_error_by')
    .selectAll('n')
    .select(['au.display_name as author_name', 'eie.display_name as entered_in_error_by_name'])
    .where('n.clinic_id', '=', clinicId)
    .orderBy('n.signed_at', 'desc')
    .orderBy('n.seq', 'desc');
}

function selectPsychotherapyNotes(db: Executor, clinicId: string, custodianId: string) {
  return db
    .selectFrom('psychotherapy_notes as n')
    .innerJoin('users as au', 'au.id', 'n.author_id')
    .leftJoin('users as eie', 'eie.id', 'n.entered_in_error_by')
    .selectAll('n')
    .select(['au.display_name as author_name', 'eie.display_name as entered_in_error_by_name'])
    .where('n.clinic_id', '=', clinicId)
    .where('n.custodian_id', '=', custodianId)
    .orderBy('n.signed_at', 'desc')
    .orderBy('n.seq', 'desc');
}

type RecordRow = Awaited<ReturnType<ReturnType<typeof selectRecordNotes>['execute']>>[number];
type PsychotherapyRow = Awaited<ReturnType<ReturnType<typeof selectPsychotherapyNotes>['execute']>>[number];

async function addendaOf(
  db: Executor,
  table: 'clinical_note_addenda' | 'psychotherapy_note_addenda',
  clinicId: string,
  noteIds: readonly string[],
): Promise<Map<string, NoteAddendum[]>> {
  const out = new Map<string, NoteAddendum[]>();
  if (noteIds.length === 0) return out;
  const rows =
    table === 'clinical_note_addenda'
      ? await db
          .selectFrom('clinical_note_addenda as d')
          .innerJoin('users as au', 'au.id', 'd.author_id')
          .select(['d.id', 'd.note_id', 'd.author_id', 'd.body', 'd.signed_at', 'au.display_name'])
          .where('d.clinic_id', '=', clinicId)
          .where('d.note_id', 'in', noteIds)
          .orderBy('d.signed_at')
          .orderBy('d.seq')
          .execute()
      : await db
          .selectFrom('psychotherapy_note_addenda as d')
          .innerJoin('users as au', 'au.id', 'd.author_id')
          .select(['d.id', 'd.note_id', 'd.author_id', 'd.body', 'd.signed_at', 'au.display_name'])
          .where('d.clinic_id', '=', clinicId)
          .where('d.note_id', 'in', noteIds)
          .orderBy('d.signed_at')
          .orderBy('d.seq')
          .execute();
  for (const r of rows) {
    const list = out.get(r.note_id) ?? [];
    list.push({
      id: r.id,
      authorId: r.author_id,
      authorName: r.display_name,
      body: r.body,
      signedAt: r.signed_at.toISOString(),
    });
    out.set(r.note_id, list);
  }
  return out;
}

function common(r: RecordRow | PsychotherapyRow, addenda: Map<string, NoteAddendum[]>) {
  return {
    id: r.id,
    patientId: r.patient_id,
    sessionId: r.session_id,
    authorId: r.author_id,
    authorName: r.author_name,
    body: r.body,
    signedAt: r.signed_at.toISOString(),
    status: r.entered_in_error_at ? ('entered_in_error' as const) : ('signed' as const),
    enteredInErrorAt: iso(r.entered_in_error_at),
    enteredInErrorByName: r.entered_in_error_by_name,
    enteredInErrorReason: r.entered_in_error_reason,
    addenda: addenda.get(r.id) ?? [],
  };
}

/** Progress and integration notes (newest first): of one patient, one note, or all of the clinic's. */
export async function recordNotes(
  db: Executor,
  clinicId: string,
  where: { patientId?: string; noteId?: string },
): Promise<ClinicalNote[]> {
  let q = selectRecordNotes(db, clinicId);
  if (where.patientId) q = q.where('n.patient_id', '=', where.patientId);
  if (where.noteId) q = q.where('n.id', '=', where.noteId);
  const rows = await q.execute();
  const ids = rows.map((r) => r.id);
  const addenda = await addendaOf(db, 'clinical_note_addenda', clinicId, ids);
  const cited = await citationsOf(db, clinicId, ids);
  return rows.map((r) => ({
    ...common(r, addenda),
    kind: r.kind,
    authorRole: r.author_role,
    custodianId: null,
    sections: r.sections,
    citedJournalEntries: cited.get(r.id) ?? [],
  }));
}

/** Psychotherapy notes the custodian holds (newest first): of one patient, or one note. */
export async function custodianNotes(
  db: Executor,
  clinicId: string,
  custodianId: string,
  where: { patientId?: string; noteId?: string },
): Promise<ClinicalNote[]> {
  let q = selectPsychotherapyNotes(db, clinicId, custodianId);
  if (where.patientId) q = q.where('n.patient_id', '=', where.patientId);
  if (where.noteId) q = q.where('n.id', '=', where.noteId);
  const rows = await q.execute();
  const addenda = await addendaOf(
    db,
    'psychotherapy_note_addenda',
    clinicId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ...common(r, addenda),
    kind: 'psychotherapy' as const,
    authorRole: r.author_role,
    custodianId: r.custodian_id,
    sections: null,
    citedJournalEntries: [],
  }));
}
