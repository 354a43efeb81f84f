/**
 * The import's transaction on both databases: rows spread over several insert statements go in with one audit
 * entry each, or — when the database refuses a row of a later statement — none of them and no entry.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';
import { AuditWriter } from '../../audit/audit-writer.ts';
import type { CsvRow } from './csv-rows.ts';
import { importPatients } from './write-patients.ts';

const rows = (n: number, mrn: (i: number) => string | undefined): CsvRow[] =>
  Array.from({ length: n }, (_, i) => ({
    line: i + 2,
    body: {
      ...(mrn(i) === undefined ? {} : { mrn: mrn(i) }),
      firstName: `First${i}`,
      lastName: 'Chunked',
      dateOfBirth: '1980-01-01',
      sex: 'female' as const,
    },
  }));

describe.each(testBackends())('importing patients on %s', (backend) => {
  const h = useTestApp(backend);
  const counts = async (clinicId: string) => {
    const p = await h.database.db
      .selectFrom('patients')
      .where('clinic_id', '=', clinicId)
      .where('last_name', '=', 'Chunked')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const a = await h.database.db
      .selectFrom('audit_log')
      .where('clinic_id', '=', clinicId)
      .where('resource_type', '=', 'patient')
      .where('source_address', '=', 'cli')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { patients: Number(p.n), audit: Number(a.n) };
  };
  const run = (clinicId: string, r: CsvRow[], progress: number[] = []) =>
    importPatients(
      h.database.db,
      new AuditWriter(h.database.db, h.clock, 60_000),
      { clinicId, userId: null, email: null, role: null, sourceAddress: 'cli' },
      r,
      { now: h.clock.now(), onProgress: (done) => progress.push(done) },
    );

  it('imports 1,203 rows in three statements, each patient with its audit entry; MRNs allocated as the API does', async () => {
    const c = await h.newClinic();
    const progress: number[] = [];
    const n = await run(
      c.clinicId,
      rows(1203, (i) => (i % 100 === 0 ? undefined : `CH-${i}`)),
      progress,
    );
    expect(n).toBe(1203);
    expect(progress).toEqual([500, 1000, 1203]);
    expect(await counts(c.clinicId)).toEqual({ patients: 1203, audit: 1203 });
    const allocated = await h.database.db
      .selectFrom('patients')
      .select('mrn')
      .where('clinic_id', '=', c.clinicId)
      .where('last_name', '=', 'Chunked')
      .where('mrn', 'like', 'MRN-%')
      .orderBy('mrn')
      .execute();
    expect(allocated).toHaveLength(13);
    expect(new Set(allocated.map((a) => a.mrn)).size).toBe(13);
  });

  it('writes nothing when the database refuses a row of the last statement', async () => {
    const c = await h.newClinic();
    const bad = rows(1100, (i) => `NUL-${i}`);
    const last = bad[1099];
    if (last) last.body.firstName = 'Nul\u0000'; // only the parser guards against this; the database refuses it
    await expect(run(c.clinicId, bad)).rejects.toThrow();
    expect(await counts(c.clinicId)).toEqual({ patients: 0, audit: 0 });
  });
});
