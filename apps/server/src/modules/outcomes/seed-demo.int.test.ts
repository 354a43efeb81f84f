/**
 * The demo clinic's synthetic treatment history (seed-demo.ts). On the embedded database, the whole demo clinic
 * seeded as `npm start` seeds it; on the PostgreSQL server (shared by the test files, so no fixed demo logins), the
 * history alone on a fresh clinic. Either way the outcomes dashboard shows counts of 11 or more, with their
 * rates, for every patient, IV ketamine, and IV ketamine for depression and for treatment-resistant depression;
 * the history ends before the integration worklist's window and every course is closed, so the board, the
 * worklist, the REMS list and name searches belong to the hand-written demo patients.
 */
import { SUPPRESSED } from '@plasticity/clinical/outcomes';
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { MODULES } from '../../app.ts';
import { DEMO_PASSWORD, seedDemo } from '../../seed/demo.ts';
import { Client, type TestApp, useTestApp } from '../../test/harness.ts';
import { DEMO_COHORT, demoHistoryEnd, seedOutcomesDemo } from './seed-demo.ts';

const FILTERS = ['', 'route=iv', 'route=iv&indication=trd', 'route=iv&indication=depression'];

/** Every filter's patients, responders and remitters are numbers of 11 or more, with their rates. */
async function expectReadableDashboard(director: Client) {
  for (const filter of FILTERS) {
    const r = await director.get(`/api/v1/outcomes?${filter}`);
    expect(r.status, filter).toBe(200);
    for (const n of [r.body.patients, r.body.response.n, r.body.remission.n]) {
      expect(n, filter).not.toBe(SUPPRESSED);
      expect(n, filter).toBeGreaterThanOrEqual(11);
    }
    expect(r.body.response.rate, filter).toBeGreaterThan(0);
    expect(r.body.remission.rate, filter).toBeGreaterThan(0);
  }
}

/**
 * The synthetic patients (every patient of the clinic but `handWritten`): the cohort's size, flagged demo, every
 * session discharged before the history's end, every plan closed.
 */
async function expectClosedHistory(h: TestApp, clinicId: string, handWritten: ReadonlySet<string>) {
  const db = h.database.db;
  const patients = (
    await db.selectFrom('patients').select(['id', 'demo']).where('clinic_id', '=', clinicId).execute()
  ).filter((p) => !handWritten.has(p.id));
  expect(patients).toHaveLength(DEMO_COHORT.patients);
  expect(patients.every((p) => p.demo)).toBe(true);
  const ids = patients.map((p) => p.id);
  const clinic = await db
    .selectFrom('clinics')
    .select('time_zone')
    .where('id', '=', clinicId)
    .executeTakeFirstOrThrow();
  const last = await db
    .selectFrom('dosing_sessions')
    .select((eb) => [eb.fn.max('discharged_at').as('at'), eb.fn.countAll<number>().as('n')])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', 'in', ids)
    .where('status', '=', 'discharged')
    .executeTakeFirstOrThrow();
  expect(Number(last.n)).toBeGreaterThanOrEqual(DEMO_COHORT.patients);
  expect(new Date(last.at as Date).getTime()).toBeLessThan(
    demoHistoryEnd(h.clock.now(), clinic.time_zone).getTime(),
  );
  const plans = await db
    .selectFrom('plan_treatment_plans')
    .select(['status', 'ended_at', 'sessions_completed'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', 'in', ids)
    .execute();
  expect(plans).toHaveLength(DEMO_COHORT.patients);
  expect(new Set(plans.map((p) => p.status))).toEqual(new Set(['completed', 'stopped']));
  expect(plans.every((p) => p.ended_at !== null && p.sessions_completed >= 1)).toBe(true);
}

// On the embedded database the whole demo clinic is seeded below.
describe.each(testBackends().filter((b) => b !== 'pglite'))('demo treatment history on %s', (backend) => {
  const h = useTestApp(backend);

  it('gives a fresh clinic a readable dashboard, all in the past, with closed courses', async () => {
    const c = await h.newClinic();
    await seedOutcomesDemo(h.built.ctx, {
      clinicId: c.clinicId,
      userIds: { prescriber: c.users.prescriber.id },
      patientIds: {},
    });
    await expectReadableDashboard(await c.login('prescriber'));
    await expectClosedHistory(h, c.clinicId, new Set([c.patientId]));
    const nurse = await c.login('nurse');
    expect((await nurse.get('/api/v1/board')).body.sessions).toEqual([]);
    expect((await nurse.get('/api/v1/integration/worklist')).body.items).toEqual([]);
    expect((await nurse.get('/api/v1/rems-forms/pending')).body.items).toEqual([]);
  });
});

// The demo logins are fixed: the whole demo is seeded on the embedded database only (a fresh one per file).
describe.each(testBackends().filter((b) => b === 'pglite'))('the demo clinic on %s', (backend) => {
  const h = useTestApp(backend);

  it('seeded as npm start seeds it, reads well and keeps its lists to the hand-written patients', async () => {
    const info = await seedDemo(h.built.ctx, MODULES);
    const login = async (email: string) => {
      const client = new Client(h.app);
      expect((await client.login(email, DEMO_PASSWORD)).status).toBe(200);
      return client;
    };
    const director = await login('prescriber@freshstart.example');
    await expectReadableDashboard(director);
    const trd = (await director.get('/api/v1/outcomes?route=iv&indication=trd')).body;
    expect(trd.instruments).toEqual(['phq9']);

    const handWritten = new Set(Object.values(info.patientIds));
    await expectClosedHistory(h, info.clinicId, handWritten);
    const nurse = await login('nurse@freshstart.example');
    const board = (await nurse.get('/api/v1/board')).body.sessions as { patient: { id: string } }[];
    expect(board.length).toBeGreaterThan(0);
    expect(board.every((s) => handWritten.has(s.patient.id))).toBe(true);
    const worklist = (await nurse.get('/api/v1/integration/worklist')).body.items as { patientId: string }[];
    expect(worklist.length).toBeGreaterThan(0);
    expect(worklist.every((i) => handWritten.has(i.patientId))).toBe(true);
    const rems = (await nurse.get('/api/v1/rems-forms/pending')).body.items as { patientId: string }[];
    expect(rems.every((i) => handWritten.has(i.patientId))).toBe(true);
    for (const name of ['Demoreaux', 'Dummyfield', 'Examplar', 'Fictionel']) {
      expect((await nurse.get(`/api/v1/patients?query=${name}`)).body.items, name).toHaveLength(1);
    }
  });
});
