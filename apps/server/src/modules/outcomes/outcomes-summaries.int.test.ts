/**
 * The dashboard reads kept-current summaries; these tests hold it to the plain computation from the record
 * (test/outcomes-oracle.ts) for every kind of filter, and show the summaries follow the record as it changes:
 * each write the triggers watch (a score entered in error, a new score, sex and date of birth, a plan stopped,
 * an adverse event, a later first dose, the clinic's instrument settings, a new discharged session) is reflected
 * on the next read.
 */
import { cohortReport } from '@plasticity/clinical/outcomes';
import type { OutcomesQuery } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { type TestApp, type TestClinic, useTestApp } from '../../test/harness.ts';
import { clinicInstruments } from '../measurement/definitions.ts';
import { dateBounds } from './date-bounds.ts';
import { clinicProtocols, generateSyntheticCohort } from './generate/synthetic-cohort.ts';
import { refreshAllQueuedOutcomes } from './summaries/refresh.ts';
import { oracleFacts } from './test/outcomes-oracle.ts';

async function populate(h: TestApp, c: TestClinic, patients: number, seed: number) {
  const admin = await c.login('admin');
  expect((await admin.get('/api/v1/protocols')).status).toBe(200);
  return generateSyntheticCohort(h.database.db, await clinicProtocols(h.database.db, c.clinicId), {
    clinicId: c.clinicId,
    patients,
    seed,
    now: h.clock.now(),
    prescriberId: c.users.prescriber.id,
    batchSize: 40,
  });
}

function daysAgo(h: TestApp, days: number): string {
  return new Date(h.clock.now().getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

async function expectSameAsRecord(h: TestApp, c: TestClinic, q: OutcomesQuery, label: string) {
  const admin = await c.login('admin');
  const params = new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)]));
  const r = await admin.get(`/api/v1/outcomes?${params}`);
  expect(r.status, label).toBe(200);
  const expected = await oracleFacts(
    h.database.db,
    c.clinicId,
    q,
    dateBounds(q, 'America/New_York'),
    h.clock.now(),
    await clinicInstruments(h.database.db, c.clinicId),
  );
  const { instruments, from, to, ...report } = r.body;
  expect(report, label).toEqual(cohortReport(expected.facts));
  expect(instruments, label).toEqual(expected.instruments);
  return expected.facts;
}

describe.each(testBackends())('outcomes summaries on %s', (backend) => {
  const h = useTestApp(backend);

  it('equal the plain computation from the record for every kind of filter', async () => {
    const c = await h.newClinic();
    await populate(h, c, 120, 5);
    const queries: [string, OutcomesQuery][] = [
      ['everyone', {}],
      ['depression (with its subsets)', { indication: 'depression' }],
      ['treatment-resistant depression, IV', { indication: 'trd', route: 'iv' }],
      ['PTSD, women', { indication: 'ptsd', sex: 'female' }],
      ['last 90 days', { from: daysAgo(h, 90) }],
      ['a year, ending 200 days ago', { from: daysAgo(h, 565), to: daysAgo(h, 200) }],
      ['one week (partial courses)', { from: daysAgo(h, 307), to: daysAgo(h, 300) }],
      ['age 45–54', { ageBand: '45-54' }],
      ['the prescriber', { clinicianId: c.users.prescriber.id }],
      ['GAD-7 chosen', { instrument: 'gad7' }],
      ['opioid use disorder (no primary scale)', { indication: 'opioid_use_disorder' }],
    ];
    let nonEmpty = 0;
    for (const [label, q] of queries) {
      const facts = await expectSameAsRecord(h, c, q, label);
      if (facts.patients > 10) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(6);
  });

  it('follow the record as it changes', async () => {
    const c = await h.newClinic();
    await populate(h, c, 40, 9);
    const db = h.database.db;
    await expectSameAsRecord(h, c, {}, 'before');
    const patients = await db
      .selectFrom('outcome_patients')
      .select('patient_id')
      .where('clinic_id', '=', c.clinicId)
      .orderBy('patient_id')
      .execute();
    const [p1, p2, p3, p4] = patients.map((p) => p.patient_id) as [string, string, string, string];
    const queued = () =>
      db
        .selectFrom('outcome_refresh_queue')
        .select('patient_id')
        .where('clinic_id', '=', c.clinicId)
        .execute();
    expect(await queued()).toEqual([]);

    // Scores: one entered in error, a new one; the patient is queued in the writing transaction.
    const first = await db
      .selectFrom('assessments')
      .select(['id', 'instrument_id'])
      .where('patient_id', '=', p1)
      .orderBy('administered_at', 'desc')
      .executeTakeFirstOrThrow();
    await db
      .updateTable('assessments')
      .set({ entered_in_error_at: h.clock.now(), entered_in_error_reason: 'wrong patient' })
      .where('id', '=', first.id)
      .execute();
    expect((await queued()).map((r) => r.patient_id)).toEqual([p1]);
    await db
      .insertInto('assessments')
      .values({
        clinic_id: c.clinicId,
        patient_id: p2,
        instrument_id: first.instrument_id,
        instrument_version: '1',
        answers: toJson([]),
        total: 0,
        administered_at: h.clock.now(),
        source: 'staff',
        completed_via: 'staff_entry',
      })
      .execute();
    // Demographics, plan, adverse event, first dose.
    await db
      .updateTable('patients')
      .set({ sex: 'other', date_of_birth: '2001-01-01' })
      .where('id', '=', p3)
      .execute();
    await db
      .updateTable('plan_treatment_plans')
      .set({ status: 'stopped' })
      .where('patient_id', '=', p4)
      .execute();
    const session = await db
      .selectFrom('dosing_sessions')
      .select(['id', 'discharged_at'])
      .where('patient_id', '=', p2)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('session_observations')
      .values({
        clinic_id: c.clinicId,
        session_id: session.id,
        kind: 'adverse_event',
        at: session.discharged_at ?? h.clock.now(),
        data: toJson({ event: 'vomiting', severity: 'moderate', serious: false, outcome: 'resolved' }),
        recorded_at: h.clock.now(),
      })
      .execute();
    await db
      .updateTable('measurement_profiles')
      .set({ first_dose_at: h.clock.now() })
      .where('patient_id', '=', p1)
      .execute();
    // Measurements due (one completed, one missed, one not yet due) are counted at read time.
    const day = 86_400_000;
    const now = h.clock.now().getTime();
    await db
      .insertInto('measurement_requests')
      .values(
        [
          { at: now - 3 * day, done: true, key: 'a' },
          { at: now - 2 * day, done: false, key: 'b' },
          { at: now + 2 * day, done: false, key: 'c' },
        ].map((r) => ({
          clinic_id: c.clinicId,
          patient_id: p2,
          instrument_id: 'phq9',
          due_key: `test-${r.key}`,
          due_at: new Date(r.at),
          completed_at: r.done ? new Date(r.at + 3_600_000) : null,
        })),
      )
      .execute();
    expect((await queued()).map((r) => r.patient_id).sort()).toEqual([p1, p2, p3, p4].sort());
    const after = await expectSameAsRecord(h, c, {}, 'after the writes');
    expect([after.measurementsDue, after.measurementsCompleted]).toEqual([2, 1]);
    await expectSameAsRecord(h, c, { sex: 'other', ageBand: '25-34' }, 'the new demographics');
    expect(await queued()).toEqual([]);

    // The clinic's instrument settings queue every summarised patient.
    const admin = await c.login('admin');
    const settings = await admin.request('PUT', '/api/v1/measurement/settings', {
      instrumentSettings: { pcl5: { cutoff: 31 } },
    });
    expect(settings.status).toBe(200);
    expect((await queued()).length).toBe(patients.length);
    await expectSameAsRecord(h, c, { indication: 'ptsd' }, 'after a settings change');
  });

  it('are rebuilt in the background for every clinic with queued patients', async () => {
    const a = await h.newClinic();
    const b = await h.newClinic();
    await populate(h, a, 6, 21);
    await populate(h, b, 6, 22);
    const db = h.database.db;
    for (const c of [a, b]) {
      const p = await db
        .selectFrom('outcome_patients')
        .select('patient_id')
        .where('clinic_id', '=', c.clinicId)
        .executeTakeFirstOrThrow();
      await db.updateTable('patients').set({ sex: 'other' }).where('id', '=', p.patient_id).execute();
    }
    const queued = () =>
      db
        .selectFrom('outcome_refresh_queue')
        .select('clinic_id')
        .where('clinic_id', 'in', [a.clinicId, b.clinicId])
        .execute();
    expect((await queued()).map((r) => r.clinic_id).sort()).toEqual([a.clinicId, b.clinicId].sort());
    expect(await refreshAllQueuedOutcomes(db)).toBeGreaterThanOrEqual(2);
    expect(await queued()).toEqual([]);
    for (const c of [a, b]) {
      const n = await db
        .selectFrom('outcome_patients')
        .select(['patient_id'])
        .where('clinic_id', '=', c.clinicId)
        .where('sex', '=', 'other')
        .execute();
      expect(n.length).toBeGreaterThan(0);
      await expectSameAsRecord(h, c, { sex: 'other' }, 'sex other');
    }
  });
});
