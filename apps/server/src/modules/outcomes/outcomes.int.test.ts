/**
 * The outcomes dashboard over HTTP: who reads it, its filters and their validation, the CSV export, small-cell
 * suppression, and counts that equal the chart patient by patient (each patient's own assessments route,
 * which computes the outcome from their raw scores).
 */
import { PRIMARY_SCALE, SUPPRESSED } from '@plasticity/clinical/outcomes';
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { type TestApp, type TestClinic, useTestApp } from '../../test/harness.ts';
import { clinicProtocols, generateSyntheticCohort } from './generate/synthetic-cohort.ts';

async function populate(h: TestApp, c: TestClinic, patients: number, seed: number) {
  const admin = await c.login('admin');
  expect((await admin.get('/api/v1/protocols')).status).toBe(200); // loads the protocol library
  const protocols = await clinicProtocols(h.database.db, c.clinicId);
  return generateSyntheticCohort(h.database.db, protocols, {
    clinicId: c.clinicId,
    patients,
    seed,
    now: h.clock.now(),
    prescriberId: c.users.prescriber.id,
    batchSize: 25,
  });
}

/** The count as the dashboard must show it. */
const shown = (n: number) => (n >= 1 && n <= 10 ? SUPPRESSED : n);

describe.each(testBackends())('outcomes dashboard on %s', (backend) => {
  const h = useTestApp(backend);

  it('admin and prescribers read it; other roles are refused; bad filters are 400 naming the field', async () => {
    const c = await h.newClinic();
    for (const role of ['admin', 'prescriber'] as const) {
      const r = await (await c.login(role)).get('/api/v1/outcomes');
      expect(r.status, role).toBe(200);
      expect(r.body).toMatchObject({ patients: 0, sessions: 0, response: { n: 0, rate: null } });
    }
    for (const role of ['nurse', 'therapist', 'front_desk', 'patient'] as const) {
      expect((await (await c.login(role)).get('/api/v1/outcomes')).status, role).toBe(403);
    }
    const admin = await c.login('admin');
    for (const [query, field] of [
      ['from=2026-02-30', 'from'],
      ['to=yesterday', 'to'],
      ['from=2026-03-01&to=2026-02-01', 'to'],
      ['indication=migraine', 'indication'],
      ['instrument=nope', 'instrument'],
      ['route=rectal', 'route'],
      ['ageBand=90-99', 'ageBand'],
    ]) {
      const r = await admin.get(`/api/v1/outcomes?${query}`);
      expect(r.status, query).toBe(400);
      expect(r.text, query).toContain(field);
    }
  });

  it('counts equal each patient’s chart outcome, recomputed patient by patient from the raw scores', async () => {
    const c = await h.newClinic();
    const made = await populate(h, c, 60, 7);
    const prescriber = await c.login('prescriber');
    const r = await prescriber.get('/api/v1/outcomes');
    expect(r.status).toBe(200);
    const plans = await h.database.db
      .selectFrom('plan_treatment_plans')
      .select(['patient_id', 'indications'])
      .where('clinic_id', '=', c.clinicId)
      .execute();
    expect(plans).toHaveLength(60);
    let respEval = 0;
    let responders = 0;
    let remEval = 0;
    let remitted = 0;
    for (const p of plans) {
      const scale = PRIMARY_SCALE[p.indications[0] as keyof typeof PRIMARY_SCALE];
      if (!scale) continue;
      const chart = await prescriber.get(`/api/v1/patients/${p.patient_id}/assessments?instrument=${scale}`);
      expect(chart.status).toBe(200);
      if (chart.body.response !== null) respEval++;
      if (chart.body.response === true) responders++;
      if (chart.body.remission !== null) remEval++;
      if (chart.body.remission === true) remitted++;
    }
    expect(r.body.patients).toBe(60);
    expect(r.body.sessions).toBe(made.sessions);
    expect(r.body.evaluable.response).toBe(shown(respEval));
    expect(r.body.evaluable.remission).toBe(shown(remEval));
    const distribution = r.body.distribution as { category: string; n: number | string }[];
    const resp = distribution.find((d) => d.category === 'response');
    expect(resp?.n).toBe(r.body.response.n);
    if (r.body.response.n !== SUPPRESSED) {
      expect(r.body.response.n).toBe(responders);
      expect(r.body.response.rate).toBeCloseTo(responders / respEval, 3);
    } else {
      expect(r.body.response.rate).toBeNull();
    }
    if (r.body.remission.n !== SUPPRESSED) expect(r.body.remission.n).toBe(remitted);
    expect(responders).toBeGreaterThan(10);
  });

  it('filters narrow the cohort: indication (depression with its subsets) and its primary scale, route, dates; small cohorts are suppressed', async () => {
    const c = await h.newClinic();
    await populate(h, c, 30, 11);
    const admin = await c.login('admin');
    const all = (await admin.get('/api/v1/outcomes')).body;
    const depression = await admin.get('/api/v1/outcomes?indication=depression&route=iv');
    expect(depression.status).toBe(200);
    expect(depression.body.instruments).toEqual(depression.body.patients === 0 ? [] : ['phq9']);
    const n = await h.database.db
      .selectFrom('dosing_sessions as s')
      .innerJoin('plan_treatment_plans as tp', 'tp.id', 's.plan_id')
      .select((eb) => eb.fn.count<string>('s.patient_id').distinct().as('n'))
      .where('s.clinic_id', '=', c.clinicId)
      .where((eb) => eb.ref('s.protocol', '->>').key('route'), '=', 'iv')
      .where((eb) => eb.ref('tp.indications', '->>').at(0), 'in', [
        'depression',
        'trd',
        'mdd_with_suicidal_ideation',
      ])
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBeGreaterThan(0);
    expect(depression.body.patients).toBe(shown(Number(n.n)));
    expect(all.patients).toBe(30);
    const future = (await admin.get('/api/v1/outcomes?from=2099-01-01')).body;
    expect(future).toMatchObject({ patients: 0, sessions: 0 });
    const today = h.clock.now().toISOString().slice(0, 10);
    const recent = (await admin.get(`/api/v1/outcomes?from=${today}&to=${today}`)).body;
    expect(recent.patients === SUPPRESSED || recent.patients === 0).toBe(true);
    if (recent.patients === SUPPRESSED) expect(recent.response.rate).toBeNull();
  });

  it('exports the same suppressed figures as CSV', async () => {
    const c = await h.newClinic();
    await populate(h, c, 6, 3);
    const admin = await c.login('admin');
    const csv = await admin.get('/api/v1/outcomes.csv?indication=depression');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.split('\r\n')[0]).toBe('measure,time_point,count,rate');
    const patients = csv.text.split('\r\n').find((l) => l.startsWith('patients,'));
    expect(['patients,overall,<11,', 'patients,overall,0,']).toContain(patients);
    expect(csv.text).not.toMatch(/^(patients|sessions|response),overall,([1-9]|10),/m);
    expect((await (await c.login('nurse')).get('/api/v1/outcomes.csv')).status).toBe(403);
  });
});
