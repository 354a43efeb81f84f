/**
 * The demo clinic's synthetic treatment history (seed-demo.ts). On a fresh clinic, on both databases: the outcomes
 * dashboard shows counts of 11 or more, with their rates, for every patient, IV ketamine, and IV ketamine for
 * depression and for treatment-resistant depression; the history ends before the integration worklist's window,
 * so the board, the worklist and the REMS list stay empty; every course is closed. On the embedded database, the
 * whole demo clinic seeded as `npm start` seeds it shows the same figures, and its hand-written patients keep the
 * board, the worklist, the REMS list and name searches to themselves.
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

async function latestDischarge(h: TestApp, clinicId: string): Promise<Date | null> {
  const r = await h.database.db
    .selectFrom('dosing_sessions')
    .select((eb) => eb.fn.max('discharged_at').as('at'))
    .where('clinic_id', '=', clinicId)
    .executeTakeFirstOrThrow();
  return r.at ? new Date(r.at) : null;
}

describe.each(testBackends())('demo treatment history on %s', (backend) => {
  const h = useTestApp(backend);

  it('gives a fresh clinic a readable dashboard, all in the past, with closed courses', async () => {
    const c = await h.newClinic();
    await seedOutcomesDemo(h.built.ctx, {
      clinicId: c.clinicId,
      userIds: { prescriber: c.users.prescriber.id },
      patientIds: {},
    });
    await expectReadableDashboard(await c.login('prescriber'));

    const db = h.database.db;
    const patients = await db
      .selectFrom('patients')
      .select(['id', 'demo'])
      .where('clinic_id', '=', c.clinicId)
      .where('id', '!=', c.patientId)
      .execute();
    expect(patients).toHaveLength(DEMO_COHORT.patients);
    expect(patients.every((p) => p.demo)).toBe(true);
    const clinic = await db
      .selectFrom('clinics')
      .select('time_zone')
      .where('id', '=', c.clinicId)
      .executeTakeFirstOrThrow();
    const end = demoHistoryEnd(h.clock.now(), clinic.time_zone);
    expect((await latestDischarge(h, c.clinicId))?.getTime()).toBeLessThan(end.getTime());
    const plans = await db
      .selectFrom('plan_treatment_plans')
      .select(['status', 'ended_at', 'sessions_completed'])
      .where('clinic_id', '=', c.clinicId)
      .execute();
    expect(new Set(plans.map((p) => p.status))).toEqual(new Set(['completed', 'stopped']));
    expect(plans.every((p) => p.ended_at !== null && p.sessions_completed >= 1)).toBe(true);

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
