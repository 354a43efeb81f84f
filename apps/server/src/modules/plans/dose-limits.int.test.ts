/**
 * Dose limits through the API: the IV ceiling of 1.0 mg/kg (Fava et al., Mol Psychiatry 2020: the highest IV dose
 * studied for depression; the Ketalar IV induction dose is 1–4.5 mg/kg) is never lifted, not even by a
 * prescriber's override verified by a second clinician; the mg cap (100 mg, product default) neither; the dosing
 * weight follows the protocol's rule (ideal body weight at BMI ≥ 30: Sanacora et al. 2017; Devine 1974) with the
 * chart's height and sex; esketamine 28 mg is refused on the default protocol (SPRAVATO US label: 56 or 84 mg).
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, useTestApp } from '../../test/harness.ts';
import { cleanIntake, protocolIds } from './test-fixtures.ts';

describe.each(testBackends())('dose limits through the API on %s', (backend) => {
  const h = useTestApp(backend);

  async function setup() {
    const c = await h.newClinic();
    const prescriber = await c.login('prescriber');
    const nurse = await c.login('nurse');
    const ids = await protocolIds(prescriber);
    const calc = (body: Record<string, unknown>) =>
      prescriber.post('/api/v1/dose/calculate', { protocolId: ids.iv, ageYears: 40, ...body });
    const override = {
      reason: 'non-response at 0.75 mg/kg',
      verifierEmail: c.users.nurse.email,
      verifierPassword: TEST_PASSWORD,
    };
    return { c, prescriber, nurse, ids, calc, override };
  }

  it('refuses 2.0 mg/kg IV even with a prescriber override and a verified second clinician', async () => {
    const { c, calc, override } = await setup();
    const r = await calc({ weightKg: 70, mgPerKg: 2.0, override });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ blocked: true, overridden: false, doseMg: 140 });
    expect(r.body.reasons.join(' ')).toMatch(/absolute ceiling of 1 mg\/kg: cannot be overridden/);
    expect(r.body.volumeMl).toBeUndefined();
    // The second clinician's credentials did check out (audited as such): the ceiling alone refused it.
    const verification = await h.database.db
      .selectFrom('audit_log')
      .select(['user_id', 'outcome'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'dose_override_verification')
      .where('resource_id', '=', r.body.calculationId)
      .executeTakeFirstOrThrow();
    expect(verification).toEqual({ user_id: c.users.nurse.id, outcome: 'success' });
    const stored = await h.database.db
      .selectFrom('plan_dose_calculations')
      .select(['blocked', 'overridden', 'protocol_version'])
      .where('id', '=', r.body.calculationId)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ blocked: true, overridden: false, protocol_version: 1 });
  });

  it('the IV protocol maximum (0.75) is below the ceiling: 0.9 mg/kg needs the override, then passes', async () => {
    const { calc, override } = await setup();
    expect((await calc({ weightKg: 70, mgPerKg: 0.9 })).body.blocked).toBe(true);
    expect((await calc({ weightKg: 70, mgPerKg: 0.9, override })).body).toMatchObject({
      blocked: false,
      overridden: true,
      doseMg: 63,
    });
  });

  it('refuses above the 100 mg cap even with a verified override', async () => {
    const { calc, override } = await setup();
    const r = await calc({ weightKg: 110, mgPerKg: 1.0, override });
    expect(r.body.blocked).toBe(true);
    expect(r.body.reasons.join(' ')).toMatch(/absolute maximum of 100 mg/);
  });

  it('shows the dosing weight: the chart height gives ideal body weight at BMI ≥ 30; no height → actual, with a warning', async () => {
    const { c, calc, nurse } = await setup();
    // No intake yet: no height on the chart → actual weight and a warning; the other fields are unchanged.
    const plain = await calc({ patientId: c.patientId, weightKg: 120 });
    expect(plain.body).toMatchObject({
      blocked: false,
      doseMg: 60,
      weightKg: 120,
      mgPerKg: 0.5,
      dosingWeight: { basis: 'actual', kg: 120, heightCm: null },
    });
    expect(plain.body.warnings.join(' ')).toMatch(/no height recorded: the actual body weight was used/);
    // A height given in the request is used while the chart has none.
    const given = await calc({ patientId: c.patientId, weightKg: 120, heightCm: 175 });
    expect(given.body).toMatchObject({ heightFrom: 'request', dosingWeight: { basis: 'ideal', kg: 66 } });

    // The intake records 175 cm and 120 kg (BMI 39.2); the test patient is female: Devine 45.5 + 2.3 × 8.9 in.
    const intake = { ...cleanIntake(), measurements: { ...cleanIntake().measurements, weightKg: 120 } };
    expect((await nurse.post(`/api/v1/patients/${c.patientId}/intake`, intake)).status).toBe(201);
    const r = await calc({ patientId: c.patientId, heightCm: 190 });
    expect(r.body).toMatchObject({
      blocked: false,
      doseMg: 33,
      weightKg: 120,
      heightFrom: 'intake',
      dosingWeight: { basis: 'ideal', kg: 66, actualKg: 120, heightCm: 175, bmi: 39.2, idealKg: 66 },
    });
    expect(r.body.dosingWeight.reason).toMatch(/BMI 39\.2 ≥ 30: ideal body weight/);
    expect(r.body.warnings.join(' ')).toMatch(/heightCm 190 ignored/);
  });

  it('refuses esketamine 28 mg on the default protocol; 56 mg is fine', async () => {
    const { calc, ids } = await setup();
    const r = await calc({ protocolId: ids.intranasal, fixedMg: 28 });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ blocked: true });
    expect(r.body.devices).toBeUndefined();
    expect((await calc({ protocolId: ids.intranasal, fixedMg: 56 })).body).toMatchObject({
      blocked: false,
      devices: 2,
    });
  });

  it('a new protocol version must carry the mg cap and the dosing-weight rule (400 naming the field)', async () => {
    const { prescriber, ids } = await setup();
    const list = await prescriber.get('/api/v1/protocols');
    const iv = list.body.items.find((p: { id: string }) => p.id === ids.iv);
    const { absoluteMaxMg: _cap, ...dose } = iv.protocol.dose;
    const r = await prescriber.request('PUT', `/api/v1/protocols/${ids.iv}`, {
      protocol: { ...iv.protocol, dose },
      changeNote: 'drop the cap',
    });
    expect(r.status).toBe(400);
    expect(r.body.error.details.map((d: { field: string }) => d.field)).toContain(
      'body.protocol.dose.absoluteMaxMg',
    );
    const ok = await prescriber.request('PUT', `/api/v1/protocols/${ids.iv}`, {
      protocol: { ...iv.protocol, dose: { ...iv.protocol.dose, absoluteMaxMg: 80 } },
      changeNote: 'lower cap',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(2);
  });
});
