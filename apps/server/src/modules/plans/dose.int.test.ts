import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, useTestApp } from '../../test/harness.ts';
import { cleanIntake, daysAgoIso, protocolIds } from './test-fixtures.ts';

describe.each(testBackends())('dose calculator API on %s', (backend) => {
  const h = useTestApp(backend);

  async function setup() {
    const c = await h.newClinic();
    const prescriber = await c.login('prescriber');
    const nurse = await c.login('nurse');
    const ids = await protocolIds(prescriber);
    const calc = (body: Record<string, unknown>, who = prescriber) =>
      who.post('/api/v1/dose/calculate', { protocolId: ids.iv, ageYears: 40, ...body });
    const override = (over: Record<string, unknown> = {}) => ({
      reason: 'partial response at 0.75 mg/kg',
      verifierEmail: c.users.nurse.email,
      verifierPassword: TEST_PASSWORD,
      ...over,
    });
    return { c, prescriber, nurse, ids, calc, override };
  }

  it('calculates IV dose, volume and rate (drug volume and whole bag) with units in the field names', async () => {
    const { calc, ids } = await setup();
    const r = await calc({ weightKg: 70, concentrationMgPerMl: 10 });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      doseMg: 35,
      volumeMl: 3.5,
      rateMlPerHour: 5.3,
      blocked: false,
      reasons: [],
      protocolId: ids.iv,
      protocolVersion: 1,
      mgPerKg: 0.5,
    });
    const bag = await calc({ weightKg: 70, concentrationMgPerMl: 10, bagVolumeMl: 100 });
    expect(bag.body).toMatchObject({ doseMg: 35, volumeMl: 3.5, rateMlPerHour: 150, blocked: false });
    const rounded = await calc({ weightKg: 71.37, mgPerKg: 0.5 });
    expect(rounded.body.doseMg).toBe(35.7);
  });

  it('allows exactly the protocol maximum (0.75 mg/kg) and refuses above it without an override', async () => {
    const { calc } = await setup();
    expect((await calc({ weightKg: 70, mgPerKg: 0.75 })).body).toMatchObject({
      doseMg: 52.5,
      blocked: false,
    });
    const over = await calc({ weightKg: 70, mgPerKg: 0.76, concentrationMgPerMl: 10 });
    expect(over.status).toBe(200);
    expect(over.body.blocked).toBe(true);
    expect(over.body.reasons.join(' ')).toMatch(/protocol maximum/);
    expect(over.body.volumeMl).toBeUndefined();
  });

  it('accepts above the maximum only with a prescriber override verified by a second clinician; both audited', async () => {
    const { c, calc, override } = await setup();
    const ok = await calc({ weightKg: 70, mgPerKg: 0.9, override: override() });
    expect(ok.body).toMatchObject({ doseMg: 63, blocked: false, overridden: true });
    const rows = await h.database.db
      .selectFrom('audit_log')
      .select(['resource_type', 'user_id', 'outcome'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_id', '=', ok.body.calculationId)
      .execute();
    expect(rows).toContainEqual({
      resource_type: 'dose_calculation',
      user_id: c.users.prescriber.id,
      outcome: 'success',
    });
    expect(rows).toContainEqual({
      resource_type: 'dose_override_verification',
      user_id: c.users.nurse.id,
      outcome: 'success',
    });
    const stored = await h.database.db
      .selectFrom('plan_dose_calculations')
      .select(['verifier_id', 'overridden', 'inputs'])
      .where('id', '=', ok.body.calculationId)
      .executeTakeFirstOrThrow();
    expect(stored.verifier_id).toBe(c.users.nurse.id);
    expect(JSON.stringify(stored.inputs)).not.toContain(TEST_PASSWORD);
  });

  it('refuses an override with a wrong, same-person, non-clinician or other-clinic verifier, or from a nurse', async () => {
    const { c, calc, override, nurse } = await setup();
    const other = await h.newClinic();
    const cases: Array<[string, Record<string, unknown>]> = [
      ['wrong password', override({ verifierPassword: 'not-the-password-123' })],
      ['same person', override({ verifierEmail: c.users.prescriber.email })],
      ['therapist', override({ verifierEmail: c.users.therapist.email })],
      ['front desk', override({ verifierEmail: c.users.front_desk.email })],
      ['admin', override({ verifierEmail: c.users.admin.email })],
      ['other clinic nurse', override({ verifierEmail: other.users.nurse.email })],
      ['unknown email', override({ verifierEmail: 'nobody@example.org' })],
      ['no totp enrolled', override({ verifierPassword: undefined, verifierTotp: '123456' })],
    ];
    for (const [name, o] of cases) {
      const r = await calc({ weightKg: 70, mgPerKg: 0.9, override: o });
      expect(r.status, name).toBe(200);
      expect(r.body.blocked, name).toBe(true);
      expect(r.body.overridden, name).toBe(false);
      expect(r.body.reasons.join(' '), name).toMatch(/override refused/);
    }
    const byNurse = await calc(
      { weightKg: 70, mgPerKg: 0.9, override: override({ verifierEmail: c.users.prescriber.email }) },
      nurse,
    );
    expect(byNurse.body.blocked).toBe(true);
    expect(byNurse.body.reasons.join(' ')).toMatch(/only a prescriber/);
  });

  it('never lifts the absolute ceiling (1.0 mg/kg inclusive, Fava et al. 2020)', async () => {
    const { calc, override } = await setup();
    expect((await calc({ weightKg: 70, mgPerKg: 1.0, override: override() })).body).toMatchObject({
      doseMg: 70,
      blocked: false,
      overridden: true,
    });
    const above = await calc({ weightKg: 70, mgPerKg: 1.01, override: override() });
    expect(above.body.blocked).toBe(true);
    expect(above.body.reasons.join(' ')).toMatch(/ceiling/);
    expect((await calc({ weightKg: 70, mgPerKg: 1.01 })).body.blocked).toBe(true);
  });

  it.each([
    [29.99, true],
    [30, false],
    [300, false],
    [300.01, true],
    [5000, true],
  ])('weight %s kg → blocked %s (plausible 30–300 kg)', async (weightKg, blocked) => {
    const { calc } = await setup();
    const r = await calc({ weightKg, mgPerKg: 0.3 });
    expect(r.status).toBe(200);
    expect(r.body.blocked).toBe(blocked);
    if (blocked) expect(r.body.reasons.join(' ')).toMatch(/plausible/);
  });

  it('uses the latest measured weight for a patient and refuses it when older than 30 days', async () => {
    const { c, calc, nurse } = await setup();
    const none = await calc({ patientId: c.patientId });
    expect(none.body.blocked).toBe(true);
    expect(none.body.reasons.join(' ')).toMatch(/no measured weight/);
    const entered = await calc({ patientId: c.patientId, weightKg: 60 });
    expect(entered.body).toMatchObject({ doseMg: 30, blocked: false, weightKg: 60 });
    expect(entered.body.warnings.join(' ')).toMatch(/no measured weight on record/);

    const now = h.clock.now();
    expect(
      (
        await nurse.post(`/api/v1/patients/${c.patientId}/weights`, {
          weightKg: 80,
          measuredAt: daysAgoIso(now, 30, -60_000),
        })
      ).status,
    ).toBe(201);
    // A mistyped weight is corrected by marking it entered in error (never deleted): the earlier one is used again.
    const typo = await nurse.post(`/api/v1/patients/${c.patientId}/weights`, { weightKg: 98 });
    expect((await calc({ patientId: c.patientId })).body.doseMg).toBe(49);
    const wUrl = `/api/v1/patients/${c.patientId}/weights/${typo.body.id}/entered-in-error`;
    expect((await nurse.post(wUrl, {})).status).toBe(400);
    expect((await nurse.post(wUrl, { reason: 'typed 98 for 80' })).status).toBe(200);
    expect((await nurse.post(wUrl, { reason: 'again' })).status).toBe(409);
    const fresh = await calc({ patientId: c.patientId, weightKg: 50 });
    expect(fresh.body).toMatchObject({ doseMg: 40, blocked: false, weightKg: 80 });
    expect(fresh.body.warnings.join(' ')).toMatch(/ignored/);

    const c2 = await h.newClinic();
    const p2 = await c2.login('prescriber');
    const n2 = await c2.login('nurse');
    const ids2 = await protocolIds(p2);
    await n2.post(`/api/v1/patients/${c2.patientId}/weights`, {
      weightKg: 80,
      measuredAt: daysAgoIso(h.clock.now(), 30, 60_000),
    });
    const stale = await p2.post('/api/v1/dose/calculate', { protocolId: ids2.iv, patientId: c2.patientId });
    expect(stale.body.blocked).toBe(true);
    expect(stale.body.reasons.join(' ')).toMatch(/older than maxWeightAgeDays/);

    // The intake's weight counts as a measurement too.
    const intake = { ...cleanIntake(), measurements: { ...cleanIntake().measurements, weightKg: 90 } };
    expect((await n2.post(`/api/v1/patients/${c2.patientId}/intake`, intake)).status).toBe(201);
    expect(
      (await p2.post('/api/v1/dose/calculate', { protocolId: ids2.iv, patientId: c2.patientId })).body,
    ).toMatchObject({ doseMg: 45, blocked: false });
    // Marking that intake entered in error also withdraws its weight: the stale one is back and refused.
    const intakes = await n2.get(`/api/v1/patients/${c2.patientId}/intake`);
    expect(
      (
        await n2.post(
          `/api/v1/patients/${c2.patientId}/intake/${intakes.body.items[0].id}/entered-in-error`,
          { reason: 'wrong patient' },
        )
      ).status,
    ).toBe(200);
    expect((await n2.get(`/api/v1/patients/${c2.patientId}/intake`)).body.items).toHaveLength(0);
    expect(
      (await p2.post('/api/v1/dose/calculate', { protocolId: ids2.iv, patientId: c2.patientId })).body
        .blocked,
    ).toBe(true);
  });

  it.each([
    [56, 2],
    [84, 3],
  ])('esketamine %s mg → %s devices', async (fixedMg, devices) => {
    const { calc, ids } = await setup();
    const r = await calc({ protocolId: ids.intranasal, fixedMg });
    expect(r.body).toMatchObject({ doseMg: fixedMg, devices, blocked: false });
  });

  it.each([14, 28, 42, 70, 112])(
    'esketamine %s mg is refused (56/84 only; 28 mg only under a non-US label option)',
    async (fixedMg) => {
      const { calc, ids } = await setup();
      const r = await calc({ protocolId: ids.intranasal, fixedMg });
      expect(r.status).toBe(200);
      expect(r.body.blocked).toBe(true);
      expect(r.body.devices).toBeUndefined();
    },
  );

  it('refuses under 18 and respects IM 60 mg cap', async () => {
    const { calc, ids } = await setup();
    expect((await calc({ weightKg: 70, ageYears: 17 })).body.blocked).toBe(true);
    expect((await calc({ weightKg: 70, ageYears: 18 })).body.blocked).toBe(false);
    expect((await calc({ protocolId: ids.im, weightKg: 120, mgPerKg: 0.5 })).body).toMatchObject({
      doseMg: 60,
      blocked: false,
    });
    expect((await calc({ protocolId: ids.im, weightKg: 122, mgPerKg: 0.5 })).body.blocked).toBe(true);
  });

  it.each([
    [{ weightKg: '70' }, 'body.weightKg'],
    [{ weightKg: -5 }, 'body.weightKg'],
    [{ weightKg: 0 }, 'body.weightKg'],
    [{ mgPerKg: null }, 'body.mgPerKg'],
    [{ protocolId: 'abc' }, 'body.protocolId'],
    [{ patientId: 'abc' }, 'body.patientId'],
    [{ extra: 1 }, 'body'],
    [{ override: { reason: 'x', verifierEmail: 'a@example.org' } }, 'body.override'],
    [
      { override: { reason: '', verifierEmail: 'a@example.org', verifierPassword: 'x' } },
      'body.override.reason',
    ],
  ])('answers 400 naming the field for %j', async (over, field) => {
    const { calc } = await setup();
    const r = await calc({ weightKg: 70, ...over });
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation_failed');
    expect(r.body.error.details.map((d: { field: string }) => d.field).join(' ')).toContain(field);
  });

  it('answers 404 for an unknown or other clinic\u2019s protocol or patient, and 403 for other roles', async () => {
    const { calc, c } = await setup();
    const other = await h.newClinic();
    const otherIds = await protocolIds(await other.login('prescriber'));
    expect((await calc({ protocolId: '00000000-0000-4000-8000-000000000000', weightKg: 70 })).status).toBe(
      404,
    );
    expect((await calc({ protocolId: otherIds.iv, weightKg: 70 })).status).toBe(404);
    expect((await calc({ patientId: other.patientId })).status).toBe(404);
    for (const role of ['therapist', 'front_desk', 'admin', 'patient'] as const) {
      expect(
        (
          await (
            await c.login(role)
          ).post('/api/v1/dose/calculate', { protocolId: otherIds.iv, weightKg: 70 })
        ).status,
        role,
      ).toBe(403);
    }
  });
});
