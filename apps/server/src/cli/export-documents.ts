/**
 * The documents part of `plasticity export clinic`: per patient of the clinic, in a folder named by the patient's
 * id (never a name), the PDFs the app prints for that patient, built by the same functions as their routes:
 * - `record.pdf` — the record print (notes/record-pdf.ts over record-data.ts, which never reads psychotherapy
 *   notes; private journal entries are not part of the record);
 * - `consent-<signature id>.pdf` — each signed treatment consent (plans/consent/consent-pdf.ts), withdrawn ones
 *   with their withdrawal;
 * - `rems-<session id>.pdf` — the SPRAVATO REMS Patient Monitoring Form of each esketamine session from dosing on
 *   (sessions/rems).
 * One patient is read and written at a time, so memory holds one patient's documents whatever the clinic's size.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import { recordOf } from '../modules/notes/record-data.ts';
import { renderRecordPdf } from '../modules/notes/record-pdf.ts';
import { signedConsentPdf } from '../modules/plans/consent/consent-pdf.ts';
import { hasRemsForm, remsForm } from '../modules/sessions/rems/rems-form.ts';
import { remsPdf } from '../modules/sessions/rems/rems-pdf.ts';

/** One document written: its path under the export's folder and its size. */
export interface WrittenDocument {
  path: string;
  bytes: number;
}

/** Writes every patient's documents under `dir/documents`; `onPatient` is told after each patient. */
export async function writeDocuments(
  db: Kysely<DB>,
  clinic: { id: string; timeZone: string },
  dir: string,
  now: Date,
  onPatient: (done: number, total: number) => void,
): Promise<WrittenDocument[]> {
  const patients = await db
    .selectFrom('patients')
    .select('id')
    .where('clinic_id', '=', clinic.id)
    .orderBy('id')
    .execute();
  const written: WrittenDocument[] = [];
  for (const [i, { id }] of patients.entries()) {
    const folder = join('documents', id);
    await mkdir(join(dir, folder), { recursive: true });
    const put = async (name: string, pdf: Uint8Array) => {
      const path = join(folder, name);
      await writeFile(join(dir, path), pdf);
      written.push({ path, bytes: pdf.byteLength });
    };
    await put('record.pdf', await renderRecordPdf(await recordOf(db, clinic.id, id, now), clinic.timeZone));
    const signatures = await db
      .selectFrom('plan_consent_signatures')
      .select('id')
      .where('clinic_id', '=', clinic.id)
      .where('patient_id', '=', id)
      .orderBy('signed_at')
      .orderBy('id')
      .execute();
    for (const s of signatures) {
      const consent = await signedConsentPdf(db, clinic.id, id, s.id, clinic.timeZone);
      if (!consent) throw new Error('a consent signature of the clinic was not found again');
      await put(`consent-${s.id}.pdf`, consent.pdf);
    }
    const sessions = await db
      .selectFrom('dosing_sessions')
      .selectAll()
      .where('clinic_id', '=', clinic.id)
      .where('patient_id', '=', id)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    for (const s of sessions.filter(hasRemsForm))
      await put(`rems-${s.id}.pdf`, await remsPdf(await remsForm(db, s, now, clinic.timeZone)));
    onPatient(i + 1, patients.length);
  }
  return written;
}
