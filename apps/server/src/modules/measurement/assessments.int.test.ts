import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';

describe.each(testBackends())('measurement API on %s', (backend) => {
  const h = useTestApp(backend);
  const count = (clinicId: string) =>
    h.database.db
      .selectFrom('assessments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('clinic_id', '=', clinicId)
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));

  it('lists the instruments with their ids', async () => {
    const c = await h.newClinic();
    const r = await (await c.login('front_desk')).get('/api/v1/instruments');
    expect(r.status).toBe(200);
    const ids = r.body.items.map((i: { id: string }) => i.id);
    for (const id of [
      'phq9',
      'gad7',
      'pcl5',
      'audit',
      'auditc',
      'dast10',
      'cssrs_screen',
      'qids_sr16',
      'madrs',
      'moaas',
      'cadss6',
    ])
      expect(ids).toContain(id);
  });

  it.each([
    ['phq9', [1, 1, 2, 1, 0, 1, 1, 0, 0], 7, 'mild', []],
    ['phq9', [3, 3, 3, 3, 3, 0, 0, 0, 0], 15, 'moderately severe', []],
    ['phq9', [0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 0, 'minimal', []],
    ['audit', [4, 4, 4, 4, 0, 0, 0, 0, 4, 0], 20, 'possible dependence', []],
    ['audit', [1, 1, 1, 1, 1, 1, 1, 1, 0, 0], 8, 'hazardous', []],
    ['cssrs_screen', [1, 0, 0, 0, 0, 0, 0], 1, 'low risk', []],
    ['cssrs_screen', [0, 0, 0, 0, 0, 1, 0], 1, 'moderate', ['suicide_risk']],
    ['madrs', [0, 0, 0, 0, 0, 0, 0, 0, 0, 6], 6, 'normal', ['suicide_risk']],
  ])('scores %s %j → %d %s', async (instrument, answers, total, severity, flags) => {
    const c = await h.newClinic();
    const r = await (await c.login('nurse')).post(`/api/v1/patients/${c.patientId}/assessments`, {
      instrument,
      answers,
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({ instrument, total, severity });
    expect(r.body.flags.filter((f: string) => f === 'suicide_risk')).toEqual(flags);
    expect(r.body.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('returns PCL-5 subscales B–E as numbers', async () => {
    const c = await h.newClinic();
    const answers = Array.from({ length: 20 }, (_, i) => (i < 5 ? 2 : 1));
    const r = await (await c.login('therapist')).post(`/api/v1/patients/${c.patientId}/assessments`, {
      instrument: 'pcl5',
      answers,
    });
    expect(r.status).toBe(201);
    expect(r.body.subscales).toEqual({ B: 10, C: 2, D: 7, E: 6 });
  });

  it.each([
    [{ instrument: 'nope', answers: [] }, 'instrument'],
    [{ instrument: 'phq9', answers: [0, 0, 0] }, 'answers'],
    [{ instrument: 'phq9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 4] }, 'answers[8]'],
    [{ instrument: 'phq9', answers: [0, 0, 0, 0, 0, 0, 0, 0.5, 0] }, 'answers[7]'],
    [{ instrument: 'phq9', answers: [0, 0, 0, 0, 0, 0, 0, 0, '1'] }, 'answers[8]'],
    [{ instrument: 'audit', answers: [0, 0, 0, 0, 0, 0, 0, 0, 1, 0] }, 'answers[8]'],
    [{ instrument: 'phq9', answers: [null, null, null, 0, 0, 0, 0, 0, 0] }, 'answers[0]'],
    [
      { instrument: 'phq9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 0], administeredAt: '2999-01-01T00:00:00Z' },
      'administeredAt',
    ],
    [
      { instrument: 'phq9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 0], administeredAt: 'yesterday' },
      'administeredAt',
    ],
    [{ instrument: 'phq9' }, 'answers'],
  ])('refuses %j with 400 naming %s and stores nothing', async (body, field) => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const r = await nurse.post(`/api/v1/patients/${c.patientId}/assessments`, body);
    expect(r.status, r.text).toBe(400);
    expect(r.body.error.code).toBe('validation_failed');
    expect(r.body.error.details.map((d: { field: string }) => d.field).join(' ')).toContain(field);
    expect(await count(c.clinicId)).toBe(0);
  });

  it('enforces who may enter what', async () => {
    const c = await h.newClinic();
    const madrs = { instrument: 'madrs', answers: Array(10).fill(1) };
    const url = `/api/v1/patients/${c.patientId}/assessments`;
    expect((await (await c.login('therapist')).post(url, madrs)).status).toBe(403);
    expect((await (await c.login('prescriber')).post(url, madrs)).status).toBe(201);
    expect(
      (await (await c.login('admin')).post(url, { instrument: 'phq9', answers: Array(9).fill(0) })).status,
    ).toBe(403);
    expect(
      (await (await c.login('front_desk')).post(url, { instrument: 'phq9', answers: Array(9).fill(0) }))
        .status,
    ).toBe(403);
    const patient = await c.login('patient');
    expect((await patient.post(url, madrs)).status).toBe(403);
    expect((await patient.post(url, { instrument: 'phq9', answers: Array(9).fill(0) })).status).toBe(201);
    const other = await h.newClinic();
    expect(
      (
        await patient.post(`/api/v1/patients/${other.patientId}/assessments`, {
          instrument: 'phq9',
          answers: Array(9).fill(0),
        })
      ).status,
    ).toBe(404);
    expect(
      (await (await other.login('nurse')).post(url, { instrument: 'phq9', answers: Array(9).fill(0) }))
        .status,
    ).toBe(404);
  });

  it('computes baseline, change, response and remission from the first dose', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const url = `/api/v1/patients/${c.patientId}/assessments`;
    const day = 86_400_000;
    const at = (d: number) => new Date(h.clock.now().getTime() - d * day).toISOString();
    const post = (answers: number[], d: number) =>
      nurse.post(url, { instrument: 'phq9', answers, administeredAt: at(d) });
    await post([3, 3, 3, 3, 2, 2, 2, 0, 0], 30); // 18
    await post([3, 3, 3, 3, 3, 3, 2, 0, 0], 25); // 20 (baseline: last before the dose)
    expect(
      (
        await nurse.request('PUT', `/api/v1/patients/${c.patientId}/measurement-profile`, {
          firstDoseAt: at(24),
        })
      ).status,
    ).toBe(200);
    await post([1, 1, 1, 1, 0, 0, 0, 0, 0], 2); // 4
    const r = await nurse.get(`${url}?instrument=phq9`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      baseline: 20,
      latest: 4,
      changePct: -80,
      response: true,
      remission: true,
    });
    expect(r.body.items.map((i: { total: number }) => i.total)).toEqual([18, 20, 4]);
    const all = await nurse.get(url);
    expect(all.body).toMatchObject({ baseline: null, response: null, remission: null });
    expect((await (await c.login('front_desk')).get(url)).status).toBe(403);
  });

  it('marks a score entered in error with a reason, keeps the row and leaves it out of trends', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const url = `/api/v1/patients/${c.patientId}/assessments`;
    const a = await nurse.post(url, { instrument: 'gad7', answers: [3, 3, 3, 3, 3, 3, 3] });
    const b = await nurse.post(url, { instrument: 'gad7', answers: [1, 1, 1, 1, 1, 1, 1] });
    const eie = `${url}/${a.body.id}/entered-in-error`;
    expect((await nurse.post(eie, { reason: '' })).status).toBe(400);
    expect((await (await c.login('admin')).post(eie, { reason: 'x' })).status).toBe(403);
    const other = await h.newClinic();
    expect((await (await other.login('nurse')).post(eie, { reason: 'x' })).status).toBe(404);
    expect((await nurse.post(eie, { reason: 'Entered for the wrong patient' })).status).toBe(200);
    expect((await nurse.post(eie, { reason: 'again' })).status).toBe(409);
    const list = await nurse.get(`${url}?instrument=gad7`);
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([b.body.id]);
    const row = await h.database.db
      .selectFrom('assessments')
      .select(['entered_in_error_reason'])
      .where('id', '=', a.body.id)
      .executeTakeFirstOrThrow();
    expect(row.entered_in_error_reason).toBe('Entered for the wrong patient');
  });
});
