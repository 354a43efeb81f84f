/**
 * Safety screens through the API on both databases:
 * - C-SSRS screener 2.0.0 (7 answers, LOINC form 93373-9; Columbia Lighthouse Project triage): lifetime
 *   suicidal behaviour only → moderate with the suicide-risk alert; within 3 months → high; the old
 *   6-answer form and inconsistent answers are refused with 400 naming the answer field and store
 *   nothing, on every path (staff entry, portal check-in, public self-report link);
 * - assessments stored under C-SSRS 1.0.0 keep their answers and version and stay in the trend;
 * - MADRS item 10 ≥ 4 raises the alert (product default, configurable 1–4 by the clinic admin);
 * - AUDIT harm flag per the WHO manual (Babor 2001): points on items 7–10.
 */
import { cssrsScreenV1, getInstrumentVersion, scoreAssessment } from '@plasticity/clinical/instruments';
import { toJson } from '@plasticity/db';
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';
import { deliverMail, tokenIn } from '../../test/mail.ts';

const LIFETIME_ONLY = [0, 0, 0, 0, 0, 1, 0];
const WITHIN_3_MONTHS = [0, 0, 0, 0, 0, 1, 1];

describe.each(testBackends())('safety screens on %s', (backend) => {
  const h = useTestApp(backend);
  const counts = async (clinicId: string) => {
    const a = await h.database.db
      .selectFrom('assessments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('clinic_id', '=', clinicId)
      .executeTakeFirstOrThrow();
    const b = await h.database.db
      .selectFrom('alerts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('clinic_id', '=', clinicId)
      .executeTakeFirstOrThrow();
    return { assessments: Number(a.n), alerts: Number(b.n) };
  };

  it.each([
    ['lifetime behaviour only', 'moderate', LIFETIME_ONLY],
    ['behaviour within the past 3 months', 'high', WITHIN_3_MONTHS],
  ])('staff entry: C-SSRS with %s → %s and the suicide-risk alert', async (_n, severity, answers) => {
    const c = await h.newClinic();
    const therapist = await c.login('therapist');
    const r = await therapist.post(`/api/v1/patients/${c.patientId}/assessments`, {
      instrument: 'cssrs_screen',
      answers,
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({ severity, instrumentVersion: '2.0.0', answers, crisis: true });
    expect(r.body.flags).toContain('suicide_risk');
    expect(r.body.alertId).toMatch(/^[0-9a-f-]{36}$/);
    const alerts = (await (await c.login('prescriber')).get('/api/v1/alerts?status=open')).body.items;
    expect(alerts).toHaveLength(1);
    expect(alerts[0].title).toContain(`C-SSRS Screener (${severity})`);
  });

  it('portal check-in: the patient completes the C-SSRS with lifetime behaviour only', async () => {
    const c = await h.newClinic();
    const patient = await c.login('patient');
    const r = await patient.post(`/api/v1/patients/${c.patientId}/assessments`, {
      instrument: 'cssrs_screen',
      answers: LIFETIME_ONLY,
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body).toMatchObject({ source: 'portal', severity: 'moderate', crisis: true });
    expect(JSON.stringify(r.body.resources)).toContain('988');
    expect(await counts(c.clinicId)).toEqual({ assessments: 1, alerts: 1 });
  });

  it.each([
    ['the old 6-answer form', 'answers', [0, 0, 0, 0, 0, 1]],
    ['8 answers', 'answers', [0, 0, 0, 0, 0, 1, 0, 0]],
    ['answer 7 yes while item 6 no', 'answers[6]', [0, 0, 0, 0, 0, 0, 1]],
    ['item 3 yes while item 2 no', 'answers[2]', [1, 0, 1, 0, 0, 0, 0]],
    ['answer 7 skipped after a yes to 6', 'answers[6]', [0, 0, 0, 0, 0, 1, null]],
  ])('%s is refused with 400 naming %s on every path; nothing stored', async (_n, field, answers) => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const url = `/api/v1/patients/${c.patientId}/assessments`;
    for (const client of [nurse, await c.login('patient')]) {
      const r = await client.post(url, { instrument: 'cssrs_screen', answers });
      expect(r.status, r.text).toBe(400);
      expect(r.body.error.code).toBe('validation_failed');
      expect(r.body.error.details[0].field).toBe(field);
    }
    const link = await nurse.post(`/api/v1/patients/${c.patientId}/self-report-links`, {
      instruments: ['cssrs_screen'],
    });
    expect(link.status, link.text).toBe(201);
    const [mail] = await deliverMail(h, c.clinicId);
    const token = tokenIn(mail?.text ?? '', 'r');
    const anon = c.anonymous();
    const r = await anon.post(`/api/v1/self-report/${token}`, {
      responses: [{ instrument: 'cssrs_screen', answers }],
    });
    expect(r.status, r.text).toBe(400);
    expect(r.body.error.details[0].field).toBe(`body.responses[0].${field}`);
    expect(await counts(c.clinicId)).toEqual({ assessments: 0, alerts: 0 });
    // The refused submission did not use up the link.
    expect((await anon.get(`/api/v1/self-report/${token}`)).status).toBe(200);
  });

  it('self-report link: a C-SSRS with lifetime behaviour only shows crisis help and alerts staff', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const link = await nurse.post(`/api/v1/patients/${c.patientId}/self-report-links`, {
      instruments: ['phq9', 'cssrs_screen'],
    });
    expect(link.status, link.text).toBe(201);
    const [mail] = await deliverMail(h, c.clinicId);
    const token = tokenIn(mail?.text ?? '', 'r');
    const anon = c.anonymous();
    const form = await anon.get(`/api/v1/self-report/${token}`);
    const cssrs = form.body.instruments.find((i: { id: string }) => i.id === 'cssrs_screen');
    expect(cssrs.items).toHaveLength(7);
    expect(cssrs.constraints).toContainEqual({ kind: 'gate', gateItem: 6, openAtLeast: 1, items: [7] });
    const r = await anon.post(`/api/v1/self-report/${token}`, {
      responses: [
        { instrument: 'phq9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 0] },
        { instrument: 'cssrs_screen', answers: [0, 0, null, null, null, 1, 0] },
      ],
    });
    expect(r.status, r.text).toBe(200);
    expect(r.body.crisis).toBe(true);
    const alerts = (await (await c.login('prescriber')).get('/api/v1/alerts?status=open')).body.items;
    expect(alerts).toHaveLength(1);
    expect(alerts[0].title).toContain('C-SSRS Screener (moderate)');
    const list = await nurse.get(`/api/v1/patients/${c.patientId}/assessments?instrument=cssrs_screen`);
    // Stored as sent: questions not asked stay null (read as no).
    expect(list.body.items[0]).toMatchObject({
      answers: [0, 0, null, null, null, 1, 0],
      severity: 'moderate',
      source: 'link',
    });
  });

  it('assessments stored under C-SSRS 1.0.0 keep their 6 answers and version and stay in the trend', async () => {
    const c = await h.newClinic();
    const old = [0, 0, 0, 0, 0, 1];
    const oldScore = scoreAssessment(cssrsScreenV1, old);
    if (!oldScore.ok) throw new Error('old answers must score under 1.0.0');
    const at = new Date(h.clock.now().getTime() - 30 * 86_400_000);
    await h.database.db
      .insertInto('assessments')
      .values({
        clinic_id: c.clinicId,
        patient_id: c.patientId,
        instrument_id: 'cssrs_screen',
        instrument_version: oldScore.instrumentVersion,
        answers: toJson(old),
        total: oldScore.total,
        severity: oldScore.severity,
        subscales: null,
        domains: null,
        flags: toJson([...oldScore.flags]),
        missing: toJson([]),
        prorated: false,
        warnings: toJson([]),
        administered_at: at,
        source: 'staff',
        completed_via: 'staff_entry',
        entered_by: null,
        self_report_link_id: null,
        created_at: at,
      })
      .execute();
    const nurse = await c.login('nurse');
    const url = `/api/v1/patients/${c.patientId}/assessments`;
    expect((await nurse.post(url, { instrument: 'cssrs_screen', answers: LIFETIME_ONLY })).status).toBe(201);
    const list = await nurse.get(`${url}?instrument=cssrs_screen`);
    expect(list.status, list.text).toBe(200);
    const items = list.body.items as { instrumentVersion: string; answers: number[]; severity: string }[];
    expect(items.map((i) => [i.instrumentVersion, i.answers.length, i.severity])).toEqual([
      ['1.0.0', 6, 'high'],
      ['2.0.0', 7, 'moderate'],
    ]);
    // Each stored row is read with the definition it was scored with.
    for (const i of items) {
      const def = getInstrumentVersion('cssrs_screen', i.instrumentVersion);
      const again = def && scoreAssessment(def, i.answers);
      expect(again?.ok && again.severity).toBe(i.severity);
    }
  });

  it('MADRS item 10 = 6 raises the alert; the clinic may lower the threshold to 1–4 only', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const url = `/api/v1/patients/${c.patientId}/assessments`;
    const six = await nurse.post(url, { instrument: 'madrs', answers: [0, 0, 0, 0, 0, 0, 0, 0, 0, 6] });
    expect(six.status, six.text).toBe(201);
    expect(six.body).toMatchObject({ total: 6, severity: 'normal', instrumentVersion: '1.1.0' });
    expect(six.body.flags).toEqual(['suicide_risk']);
    expect(six.body.alertId).toBeTruthy();
    const two = [0, 0, 0, 0, 0, 0, 0, 0, 0, 2];
    expect((await nurse.post(url, { instrument: 'madrs', answers: two })).body.flags).toEqual([]);

    const admin = await c.login('admin');
    const bad = await admin.request('PUT', '/api/v1/measurement/settings', {
      instrumentSettings: { madrs: { safetyItemThreshold: 5 } },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('body.instrumentSettings.madrs');
    const ok = await admin.request('PUT', '/api/v1/measurement/settings', {
      instrumentSettings: { madrs: { safetyItemThreshold: 2 } },
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.body.instrumentSettings.madrs).toEqual({ safetyItemThreshold: 2 });
    expect((await nurse.post(url, { instrument: 'madrs', answers: two })).body.flags).toEqual([
      'suicide_risk',
    ]);
    expect((await nurse.get('/api/v1/alerts?status=open')).body.items).toHaveLength(2);
  });

  it('AUDIT flags alcohol-related harm for points on items 7–10 (WHO manual)', async () => {
    const c = await h.newClinic();
    const r = await (await c.login('nurse')).post(`/api/v1/patients/${c.patientId}/assessments`, {
      instrument: 'audit',
      answers: [1, 0, 0, 0, 0, 0, 1, 0, 2, 0],
    });
    expect(r.status, r.text).toBe(201);
    expect(r.body.flags).toEqual(['alcohol_related_harm']);
    expect(r.body.instrumentVersion).toBe('1.1.0');
  });
});
