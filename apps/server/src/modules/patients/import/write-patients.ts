/**
 * The database half of importing patients (`plasticity import patients`): MRNs the clinic already uses,
 * and the import itself — every row in one transaction, multi-row inserts in chunks, each patient with the
 * audit entry the API writes for a create (action create, resource patient, category demographics), in the
 * same statement. Nothing is half-imported: a problem found inside the transaction rolls it all back.
 */
import type { DB } from '@plasticity/db';
import { type Kysely, sql } from 'kysely';
import type { AuditActor, AuditWriter } from '../../audit/audit-writer.ts';
import { newPatientRow } from '../patient-row.ts';
import type { CsvProblem, CsvRow } from './csv-rows.ts';

/** Rows per insert statement: 12 columns each stays far below PostgreSQL's 65,535 parameters. */
const INSERT_CHUNK = 500;

/** Rows whose MRN the clinic already uses (checked in chunks), each as a problem on its line. */
export async function mrnsTaken(db: Kysely<DB>, clinicId: string, rows: CsvRow[]): Promise<CsvProblem[]> {
  const withMrn = rows.filter((r) => r.body.mrn !== undefined);
  const taken = new Set<string>();
  for (let i = 0; i < withMrn.length; i += INSERT_CHUNK) {
    const mrns = withMrn.slice(i, i + INSERT_CHUNK).map((r) => r.body.mrn as string);
    const found = await db
      .selectFrom('patients')
      .select('mrn')
      .where('clinic_id', '=', clinicId)
      .where('mrn', 'in', mrns)
      .execute();
    for (const f of found) taken.add(f.mrn);
  }
  return withMrn
    .filter((r) => taken.has(r.body.mrn as string))
    .map((r) => ({ line: r.line, field: 'mrn', message: 'is already in use in this clinic' }));
}

/** Thrown inside the import's transaction when a row turns out bad there: the transaction rolls back. */
export class ImportRefused extends Error {
  constructor(readonly problems: CsvProblem[]) {
    super(`${problems.length} row(s) cannot be imported`);
  }
}

/**
 * MRNs for rows without one, as the API allocates them (`MRN-` and the clinic's patient count plus one,
 * six digits, skipping numbers in use in the clinic or in the file).
 */
async function allocateMrns(trx: Kysely<DB>, clinicId: string, rows: CsvRow[]): Promise<string[]> {
  const blanks = rows.filter((r) => r.body.mrn === undefined).length;
  if (blanks === 0) return [];
  const used = new Set(rows.flatMap((r) => (r.body.mrn === undefined ? [] : [r.body.mrn])));
  const existing = await trx
    .selectFrom('patients')
    .select('mrn')
    .where('clinic_id', '=', clinicId)
    .where('mrn', 'like', 'MRN-%')
    .execute();
  for (const e of existing) used.add(e.mrn);
  const n = await sql<{
    n: number;
  }>`select count(*)::int as n from patients where clinic_id = ${clinicId}`.execute(trx);
  let next = (n.rows[0]?.n ?? 0) + 1;
  const out: string[] = [];
  while (out.length < blanks) {
    const mrn = `MRN-${String(next++).padStart(6, '0')}`;
    if (!used.has(mrn)) out.push(mrn);
  }
  return out;
}

/**
 * Imports every row into the clinic in one transaction, or nothing: MRNs are checked again under the
 * lock the API takes for allocating them (a patient registered since the dry run refuses the import).
 */
export async function importPatients(
  db: Kysely<DB>,
  audit: AuditWriter,
  actor: AuditActor & { clinicId: string },
  rows: CsvRow[],
  opts: { now: Date; onProgress?: (done: number, total: number) => void },
): Promise<number> {
  const clinicId = actor.clinicId;
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`mrn:${clinicId}`}))`.execute(trx);
    const taken = await mrnsTaken(trx, clinicId, rows);
    if (taken.length) throw new ImportRefused(taken);
    const allocated = await allocateMrns(trx, clinicId, rows);
    let a = 0;
    let inserted = 0;
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const values = rows
        .slice(i, i + INSERT_CHUNK)
        .map(({ body }) => newPatientRow(clinicId, body.mrn ?? (allocated[a++] as string), body, opts.now));
      const insert = trx.insertInto('patients').values(values).returning('id');
      const entries = audit.insertSelect(
        actor,
        {
          action: 'create',
          resourceType: 'patient',
          resourceId: sql`s.id::text`,
          patientId: sql`s.id`,
          category: 'demographics',
          details: { via: 'csv-import' },
          at: opts.now,
        },
        sql`s`,
      );
      const r = await sql<{ n: number }>`with s as (${insert}), a as (${entries})
        select count(*)::int as n from s`.execute(trx);
      inserted += r.rows[0]?.n ?? 0;
      opts.onProgress?.(inserted, rows.length);
    }
    return inserted;
  });
}
