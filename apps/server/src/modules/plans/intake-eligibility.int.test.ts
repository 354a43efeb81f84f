import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';
import { cleanIntake, intakeWith, protocolIds } from './test-fixtures.ts';

describe.each(testBackends())('intake and eligibility API on %s', (backend) => {
  const h = useTestApp(backend);

  it('stores an intake from the patient in the portal, scores AUDIT/DAST-10 answers and records the weight', async () => {
    const c = await h.newClinic();
    const patient = await c.login('patient');
    const body = intakeWith({ substanceUse: { auditTotal: undefined, dast10Total: undefined } });
    const r = await patient.post(`/api/v1/patients/${c.patientId}/intake`, {
      ...body,
      substanceUse: {
        activeSubstanceUseDisorder: false,
        auditAnswers: [1, 1, 0, 0, 0, 0, 0, 0, 0, 0],
        dast10Answers: [0, 0, 1, 0, 0, 0, 0, 0, 0, 0],
      },
    });
    expect(r.status).toBe(201);
    expect(r.body.intake.substanceUse).toEqual({
      activeSubstanceUseDisorder: false,
      auditTotal: 2,
      dast10Total: 0,
    });
    expect(r.body.submittedRole).toBe('patient');
    const w = await h.database.db
      .selectFrom('plan_weight_observations')
      .select(['weight_kg', 'source'])
      .where('patient_id', '=', c.patientId)
      .execute();
    expect(w).toEqual([{ weight_kg: '70.00', source: 'intake' }]);
    const list = await (await c.login('nurse')).get(`/api/v1/patients/${c.patientId}/intake`);
    expect(list.body.items).toHaveLength(1);
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select(['action', 'category'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'intake')
      .execute();
    expect(audit).toContainEqual({ action: 'create', category: 'intake' });
  });

  const without = (path: string[]) => {
    const b = cleanIntake() as unknown as Record<string, Record<string, unknown>>;
    const [a, k] = path as [string, string];
    if (k) delete b[a]?.[k];
    else delete b[a];
    return b;
  };

  it.each([
    [without(['psychiatric', 'activePsychosis']), 'body.psychiatric.activePsychosis'],
    [without(['medical']), 'body.medical'],
    [without(['escortAvailable']), 'body.escortAvailable'],
    [intakeWith({ medical: { pregnant: 'no' as unknown as boolean } }), 'body.medical.pregnant'],
    [intakeWith({ measurements: { weightKg: -70 } }), 'body.measurements.weightKg'],
    [intakeWith({ measurements: { heightCm: 1000 } }), 'body.measurements.heightCm'],
    [intakeWith({ substanceUse: { auditTotal: 41 } }), 'body.substanceUse.auditTotal'],
    [{ ...cleanIntake(), extra: true }, 'body'],
    [
      {
        ...cleanIntake(),
        substanceUse: { activeSubstanceUseDisorder: false, auditAnswers: [0, 0, 0, 0, 0, 0, 0, 0, 1, 0] },
      },
      'body.substanceUse.auditAnswers',
    ],
    [
      {
        ...cleanIntake(),
        substanceUse: {
          activeSubstanceUseDisorder: false,
          auditTotal: 5,
          auditAnswers: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
        },
      },
      'body.substanceUse.auditTotal',
    ],
  ])('refuses a malformed intake with 400 naming the field (%#) and stores nothing', async (body, field) => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const r = await nurse.post(`/api/v1/patients/${c.patientId}/intake`, body);
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation_failed');
    expect(r.body.error.details.map((d: { field: string }) => d.field).join(' ')).toContain(field);
    expect((await nurse.get(`/api/v1/patients/${c.patientId}/intake`)).body.items).toHaveLength(0);
  });

  it('lets a patient submit only their own intake; other clinics get 404', async () => {
    const c = await h.newClinic();
    const other = await h.newClinic();
    const nurse = await c.login('nurse');
    const second = await nurse.post('/api/v1/patients', {
      firstName: 'Robin',
      lastName: 'Testcase',
      dateOfBirth: '1990-01-31',
      sex: 'female',
    });
    expect(
      (await (await c.login('patient')).post(`/api/v1/patients/${second.body.id}/intake`, cleanIntake()))
        .status,
    ).toBe(404);
    expect(
      (await (await other.login('nurse')).post(`/api/v1/patients/${c.patientId}/intake`, cleanIntake()))
        .status,
    ).toBe(404);
  });

  it('answers yes / review / no with every hit, on the latest intake; 409 without an intake', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const prescriber = await c.login('prescriber');
    const url = `/api/v1/patients/${c.patientId}/eligibility`;
    const none = await prescriber.post(url, {});
    expect(none.status).toBe(409);
    expect(none.body.error.message).toMatch(/intake/);

    await nurse.post(`/api/v1/patients/${c.patientId}/intake`, cleanIntake());
    const noBody = await prescriber.request('POST', url);
    expect(noBody.status).toBe(200);
    expect(noBody.body.eligible).toBe('yes');
    const yes = await prescriber.post(url, {});
    expect(yes.status).toBe(200);
    expect(yes.body).toMatchObject({ eligible: 'yes', hits: [], ruleSetVersion: 1 });

    await nurse.post(
      `/api/v1/patients/${c.patientId}/intake`,
      intakeWith({ substanceUse: { activeSubstanceUseDisorder: true } }),
    );
    const review = await prescriber.post(url, {});
    expect(review.body.eligible).toBe('review');
    expect(review.body.hits).toContainEqual(
      expect.objectContaining({ ruleId: 'active_substance_use_disorder', severity: 'relative' }),
    );

    await nurse.post(
      `/api/v1/patients/${c.patientId}/intake`,
      intakeWith({
        psychiatric: { activePsychosis: true },
        medical: { pregnant: true },
        substanceUse: { activeSubstanceUseDisorder: true },
      }),
    );
    const no = await prescriber.post(url, {});
    expect(no.body.eligible).toBe('no');
    const ids = no.body.hits.map((x: { ruleId: string }) => x.ruleId);
    expect(ids).toEqual(
      expect.arrayContaining(['active_psychosis_or_mania', 'pregnancy', 'active_substance_use_disorder']),
    );
    for (const hit of no.body.hits)
      expect(hit).toEqual(
        expect.objectContaining({
          ruleId: expect.any(String),
          severity: expect.any(String),
          message: expect.any(String),
        }),
      );
  });

  it('applies protocol-specific rules (esketamine vascular contraindications) only for that protocol', async () => {
    const c = await h.newClinic();
    const prescriber = await c.login('prescriber');
    const ids = await protocolIds(prescriber);
    await prescriber.post(
      `/api/v1/patients/${c.patientId}/intake`,
      intakeWith({ medical: { arteriovenousMalformation: true } }),
    );
    const esk = await prescriber.post(`/api/v1/patients/${c.patientId}/eligibility`, {
      protocolId: ids.intranasal,
    });
    expect(esk.body.eligible).toBe('no');
    expect(esk.body.hits.map((x: { ruleId: string }) => x.ruleId)).toContain(
      'esketamine_arteriovenous_malformation',
    );
    // Racemic ketamine: the Ketalar label contraindicates it where a BP rise would be a serious hazard.
    const iv = await prescriber.post(`/api/v1/patients/${c.patientId}/eligibility`, { protocolId: ids.iv });
    expect(iv.body.eligible).toBe('no');
    expect(iv.body.hits.map((x: { ruleId: string }) => x.ruleId)).toEqual(['ketamine_bp_rise_hazard']);
    expect(
      (await prescriber.post(`/api/v1/patients/${c.patientId}/eligibility`, { protocolId: 'nope' })).status,
    ).toBe(400);
  });

  it('flags age under 18 as absolute', async () => {
    const c = await h.newClinic();
    const prescriber = await c.login('prescriber');
    const teen = await prescriber.post('/api/v1/patients', {
      firstName: 'Young',
      lastName: 'Person',
      dateOfBirth: new Date(h.clock.now().getTime() - 17 * 365.25 * 86_400_000).toISOString().slice(0, 10),
      sex: 'male',
    });
    expect(teen.status).toBe(201);
    await prescriber.post(`/api/v1/patients/${teen.body.id}/intake`, cleanIntake());
    const r = await prescriber.post(`/api/v1/patients/${teen.body.id}/eligibility`, {});
    expect(r.body.eligible).toBe('no');
    expect(r.body.hits.map((x: { ruleId: string }) => x.ruleId)).toContain('age_under_18');
  });

  it('signs decisions: override of an absolute needs a reason, only a prescriber signs, once', async () => {
    const c = await h.newClinic();
    const prescriber = await c.login('prescriber');
    const nurse = await c.login('nurse');
    await nurse.post(
      `/api/v1/patients/${c.patientId}/intake`,
      intakeWith({ medical: { breastfeeding: true } }),
    );
    const d = await nurse.post(`/api/v1/patients/${c.patientId}/eligibility`, {});
    expect(d.body.eligible).toBe('no');
    const sign = `/api/v1/patients/${c.patientId}/eligibility/${d.body.id}/sign`;
    expect((await nurse.post(sign, { decision: 'approved', reason: 'x' })).status).toBe(403);
    const noReason = await prescriber.post(sign, { decision: 'approved' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details[0].field).toBe('body.reason');
    const ok = await prescriber.post(sign, {
      decision: 'approved',
      reason: 'weaned; pumping and discarding for 24 h',
    });
    expect(ok.body).toMatchObject({ decision: 'approved', override: true, decidedBy: c.users.prescriber.id });
    expect((await prescriber.post(sign, { decision: 'declined' })).status).toBe(409);
    const list = await prescriber.get(`/api/v1/patients/${c.patientId}/eligibility`);
    expect(list.body.items[0]).toMatchObject({ id: d.body.id, decision: 'approved' });
  });

  it('a rule edit creates a new version; earlier decisions keep the version they used', async () => {
    const c = await h.newClinic();
    const prescriber = await c.login('prescriber');
    await prescriber.post(
      `/api/v1/patients/${c.patientId}/intake`,
      intakeWith({ medical: { liverDisease: true } }),
    );
    const before = await prescriber.post(`/api/v1/patients/${c.patientId}/eligibility`, {});
    expect(before.body).toMatchObject({ eligible: 'yes', ruleSetVersion: 1 });

    const current = await prescriber.get('/api/v1/eligibility-rules');
    const rules = current.body.rules.map((r: { id: string; severity: string; version: number }) =>
      r.id === 'liver_disease' ? { ...r, severity: 'relative', version: r.version + 1 } : r,
    );
    expect(
      (await (await c.login('nurse')).request('PUT', '/api/v1/eligibility-rules', { rules, changeNote: 'x' }))
        .status,
    ).toBe(403);
    const bad = await prescriber.request('PUT', '/api/v1/eligibility-rules', {
      rules: [{ ...rules[0], severity: 'fatal' }],
      changeNote: 'bad',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('body.rules[0].severity');
    const saved = await prescriber.request('PUT', '/api/v1/eligibility-rules', {
      rules,
      changeNote: 'medical director: liver disease needs review',
    });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(2);

    const after = await prescriber.post(`/api/v1/patients/${c.patientId}/eligibility`, {});
    expect(after.body).toMatchObject({ eligible: 'review', ruleSetVersion: 2 });
    const list = await prescriber.get(`/api/v1/patients/${c.patientId}/eligibility`);
    expect(list.body.items.find((d: { id: string }) => d.id === before.body.id)).toMatchObject({
      ruleSetVersion: 1,
      eligible: 'yes',
    });
    // Another clinic still has the defaults.
    const other = await h.newClinic();
    expect((await (await other.login('prescriber')).get('/api/v1/eligibility-rules')).body.version).toBe(1);
  });
});
