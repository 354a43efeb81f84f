/**
 * The administration record applies the dose calculator's rules to what is given: above a
 * ceiling refused, above the protocol maximum only with the prescriber's override verified by a second
 * clinician, a dose off the plan only with a reason, a dose not from the register only with a reason; every
 * failing item listed. Limits are those of the clinic's protocol: the override case edits the IV protocol to
 * a maximum of 0.75 mg/kg below a ceiling of 1.0 mg/kg so it does not depend on the shipped defaults.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import {
  type Client,
  TEST_PASSWORD,
  type TestApp,
  type TestClinic,
  useTestApp,
} from '../../../test/harness.ts';
import { setUpStock, witnessOf } from '../../controlled/testing.ts';
import { cleanIntake, protocolIds } from '../../plans/test-fixtures.ts';
import { at, IV, newSession, readyForDosing } from '../test/fixtures.ts';

const PAPER = { lot: 'PAPER-1', notFromRegisterReason: 'The vial is not tracked in this register' };

async function dosing(h: TestApp, c: TestClinic, nurse: Client, prescriber: Client) {
  const s = await newSession(h, c, nurse, IV);
  await readyForDosing(h, c, nurse, s.id);
  const d = await prescriber.post(`/api/v1/sessions/${s.id}/transition`, {
    to: 'dosing',
    overrideReason: 'records held on paper for this test',
  });
  if (d.status !== 200) throw new Error(`dosing: ${d.status} ${d.text}`);
  return s.id;
}

const fields = (r: { body: { error: { details: Array<{ field: string }> } } }) =>
  r.body.error.details.map((d) => d.field);
const messages = (r: { body: { error: { details: Array<{ message: string }> } } }) =>
  r.body.error.details.map((d) => d.message).join(' | ');

/** The clinic's IV protocol with a maximum of 0.75 mg/kg under a ceiling of 1.0 mg/kg (a new version). */
async function ivWithLowerMaximum(prescriber: Client) {
  const list = await prescriber.get('/api/v1/protocols');
  const iv = (
    list.body.items as Array<{ id: string; key: string; current: boolean; protocol: Record<string, unknown> }>
  ).find((p) => p.key === IV && p.current);
  if (!iv) throw new Error('no IV protocol');
  const dose = iv.protocol.dose as Record<string, unknown>;
  const r = await prescriber.request('PUT', `/api/v1/protocols/${iv.id}`, {
    protocol: { ...iv.protocol, dose: { ...dose, protocolMaxMgPerKg: 0.75, absoluteCeilingMgPerKg: 1.0 } },
    changeNote: 'Maximum 0.75 mg/kg for this test',
  });
  if (r.status !== 200 && r.status !== 201) throw new Error(`protocol: ${r.status} ${r.text}`);
}

/** An approved IV plan prescribing `mgPerKg`. */
async function approvedPlan(c: TestClinic, nurse: Client, prescriber: Client, mgPerKg: number) {
  const ids = await protocolIds(prescriber);
  await nurse.post(`/api/v1/patients/${c.patientId}/intake`, cleanIntake());
  const d = await prescriber.post(`/api/v1/patients/${c.patientId}/eligibility`, { protocolId: ids.iv });
  if (d.body.eligible !== 'yes')
    await prescriber.post(`/api/v1/patients/${c.patientId}/eligibility/${d.body.id}/sign`, {
      decision: 'approved',
      reason: 'reviewed',
    });
  const plan = await prescriber.post(`/api/v1/patients/${c.patientId}/plans`, {
    protocolId: ids.iv,
    indications: ['trd'],
    prescribedDose: { mgPerKg, durationMin: 40, frequency: 'Twice a week' },
  });
  if (plan.status !== 201) throw new Error(`plan: ${plan.status} ${plan.text}`);
  const ok = await prescriber.post(`/api/v1/patients/${c.patientId}/plans/${plan.body.id}/transition`, {
    to: 'approved',
  });
  if (ok.status !== 200) throw new Error(`approve: ${ok.status} ${ok.text}`);
  return ok.body;
}

describe.each(testBackends())('administration dose checks on %s', (backend) => {
  const h = useTestApp(backend);

  it('refuses 200 mg IV for 72 kg (2.78 mg/kg, above the ceiling), even with a verified override', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const prescriber = await c.login('prescriber');
    const id = await dosing(h, c, nurse, prescriber);
    await nurse.post(`/api/v1/patients/${c.patientId}/weights`, { weightKg: 72, measuredAt: at(h) });
    const r = await nurse.post(`/api/v1/sessions/${id}/administrations`, {
      doseMg: 200,
      startedAt: at(h),
      ...PAPER,
    });
    expect(r.status, r.text).toBe(400);
    expect(fields(r)).toContain('body.doseMg');
    expect(messages(r)).toMatch(
      /dose 200 mg \(2\.78 mg\/kg of 72 kg\) is above the absolute ceiling of \d(\.\d+)? mg\/kg/,
    );
    const overridden = await prescriber.post(`/api/v1/sessions/${id}/administrations`, {
      doseMg: 200,
      startedAt: at(h),
      ...PAPER,
      override: { reason: 'insists', verifierEmail: c.users.nurse.email, verifierPassword: TEST_PASSWORD },
    });
    expect(overridden.status).toBe(400);
    expect(messages(overridden)).toMatch(/ceiling/);
    const detail = await nurse.get(`/api/v1/sessions/${id}`);
    expect(detail.body.administrations).toEqual([]);
    expect(detail.body.doseStartedAt).toBeNull();
  });

  it('accepts a dose above the protocol maximum only with the prescriber’s override and a second clinician', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const prescriber = await c.login('prescriber');
    await ivWithLowerMaximum(prescriber);
    const id = await dosing(h, c, nurse, prescriber);
    const body = { doseMg: 63, startedAt: at(h), ...PAPER }; // 0.9 mg/kg for 70 kg

    const plain = await nurse.post(`/api/v1/sessions/${id}/administrations`, body);
    expect(plain.status, plain.text).toBe(400);
    expect(fields(plain)).toEqual(['body.doseMg', 'body.override']);
    expect(messages(plain)).toMatch(
      /dose 63 mg \(0\.9 mg\/kg of 70 kg\) is above the protocol maximum of 0\.75 mg\/kg/,
    );

    const override = { reason: 'Partial response at 0.75 mg/kg', verifierEmail: c.users.nurse.email };
    const byNurse = await nurse.post(`/api/v1/sessions/${id}/administrations`, {
      ...body,
      override: { ...override, verifierEmail: c.users.prescriber.email, verifierPassword: TEST_PASSWORD },
    });
    expect(byNurse.status).toBe(400);
    expect(messages(byNurse)).toMatch(/only a prescriber may override/);
    const wrong = await prescriber.post(`/api/v1/sessions/${id}/administrations`, {
      ...body,
      override: { ...override, verifierPassword: 'not-the-password' },
    });
    expect(wrong.status).toBe(400);
    expect(messages(wrong)).toMatch(/override refused: verifier credentials are wrong/);
    expect((await nurse.get(`/api/v1/sessions/${id}`)).body.administrations).toEqual([]);

    const ok = await prescriber.post(`/api/v1/sessions/${id}/administrations`, {
      ...body,
      override: { ...override, verifierPassword: TEST_PASSWORD },
    });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body.administrations[0]).toMatchObject({
      doseMg: '63',
      overrideReason: 'Partial response at 0.75 mg/kg',
      overrideVerifiedBy: c.users.nurse.id,
      notFromRegisterReason: PAPER.notFromRegisterReason,
      doseCheck: { mgPerKg: 0.9, weightKg: 70, overridden: true },
    });
    // A second dose in the same session is judged on the session's total (63 + 10 mg = 1.04 mg/kg).
    const more = await prescriber.post(`/api/v1/sessions/${id}/administrations`, {
      doseMg: 10,
      startedAt: at(h),
      ...PAPER,
      override: { ...override, verifierPassword: TEST_PASSWORD },
    });
    expect(more.status).toBe(400);
    expect(messages(more)).toMatch(/total of 73 mg \(63 mg already given\).*ceiling/);
  });

  it('needs a reason for a dose off the plan and for a dose not from the register, listing every item', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const prescriber = await c.login('prescriber');
    const plan = await approvedPlan(c, nurse, prescriber, 0.5);
    expect(plan.prescribedDose).toMatchObject({
      mgPerKg: 0.5,
      route: 'iv',
      approvedBy: c.users.prescriber.id,
    });
    const id = await dosing(h, c, nurse, prescriber);

    const all = await nurse.post(`/api/v1/sessions/${id}/administrations`, { doseMg: 200, startedAt: at(h) });
    expect(all.status).toBe(400);
    expect(fields(all)).toEqual(
      expect.arrayContaining(['body.doseMg', 'body.doseChangeReason', 'body.notFromRegisterReason']),
    );
    const noReason = await nurse.post(`/api/v1/sessions/${id}/administrations`, {
      doseMg: 40,
      startedAt: at(h),
      lot: 'PAPER-1',
    });
    expect(noReason.status).toBe(400);
    expect(fields(noReason)).toEqual(['body.doseChangeReason', 'body.notFromRegisterReason']);
    expect(messages(noReason)).toMatch(/prescribed dose of 0\.5 mg\/kg \(35 mg\)/);
    expect((await nurse.get(`/api/v1/sessions/${id}`)).body.administrations).toEqual([]);

    const changed = await nurse.post(`/api/v1/sessions/${id}/administrations`, {
      doseMg: 40,
      startedAt: at(h),
      ...PAPER,
      doseChangeReason: 'Prescriber asked for 40 mg today (verbal order confirmed)',
    });
    expect(changed.status, changed.text).toBe(201);
    expect(changed.body.administrations[0]).toMatchObject({
      planId: plan.id,
      doseChangeReason: 'Prescriber asked for 40 mg today (verbal order confirmed)',
      doseCheck: { plannedMg: 35, mgPerKg: 0.57 },
    });
  });

  it('accepts the plan’s dose without a reason, and records pauses, a rate change and the stop', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const prescriber = await c.login('prescriber');
    await approvedPlan(c, nurse, prescriber, 0.5);
    const id = await dosing(h, c, nurse, prescriber);
    const r = await nurse.post(`/api/v1/sessions/${id}/administrations`, {
      doseMg: 35,
      concentrationMgPerMl: 10,
      startedAt: at(h),
      ...PAPER,
    });
    expect(r.status, r.text).toBe(201);
    const adm = r.body.administrations[0];
    expect(adm).toMatchObject({ durationMin: 40, rateMlPerHour: 5.3, infusion: { state: 'running' } });
    const step = (body: Record<string, unknown>) =>
      nurse.post(`/api/v1/sessions/${id}/administrations/${adm.id}/events`, body);
    expect((await step({ at: at(h, 60 * 60_000), kind: 'pause' })).status).toBe(400); // in the future
    h.clock.advance(5 * 60_000);
    expect((await step({ at: at(h), kind: 'resume' })).status).toBe(400); // not paused
    expect((await step({ at: at(h), kind: 'pause', note: 'nausea' })).status).toBe(201);
    h.clock.advance(5 * 60_000);
    const paused = await nurse.get(`/api/v1/sessions/${id}`);
    expect(paused.body.administrations[0].infusion).toMatchObject({
      state: 'paused',
      infusedMin: 5,
      pausedMin: 5,
    });
    expect((await step({ at: at(h), kind: 'resume' })).status).toBe(201);
    h.clock.advance(2 * 60_000);
    expect((await step({ at: at(h), kind: 'rate_change', rateMlPerHour: 4 })).status).toBe(201);
    h.clock.advance(14 * 60_000);
    const stop = await step({ at: at(h), kind: 'stop' });
    expect(stop.status, stop.text).toBe(201);
    expect(stop.body.administrations[0]).toMatchObject({
      stoppedAt: at(h),
      infusion: { state: 'stopped', infusedMin: 21, pausedMin: 5, plannedMin: 40, rateMlPerHour: 4 },
    });
    expect((await step({ at: at(h), kind: 'resume' })).status).toBe(400);
    const board = await nurse.get('/api/v1/board');
    const chair = board.body.sessions.find((s: { id: string }) => s.id === id);
    expect(chair.dose).toMatchObject({ givenMg: 35, infusion: { state: 'stopped' } });
  });

  it('marks an administration entered in error (a prescriber) and reverses its register entries', async () => {
    const c = await h.newClinic();
    const stock = await setUpStock(c);
    const id = await dosing(h, c, stock.nurse, stock.prescriber);
    const vial = await stock.container('10');
    const r = await stock.nurse.post(`/api/v1/sessions/${id}/administrations`, {
      doseMg: 35,
      volumeMl: 0.7,
      drawnMl: 0.8,
      containerId: vial,
      startedAt: at(h),
      wasteWitness: witnessOf(c),
    });
    expect(r.status, r.text).toBe(201);
    const adm = r.body.administrations[0];
    const url = `/api/v1/sessions/${id}/administrations/${adm.id}/entered-in-error`;
    const reason = 'Recorded on the wrong session';
    expect((await stock.nurse.post(url, { reason, witness: witnessOf(c, 'prescriber') })).status).toBe(403);
    const noWitness = await stock.prescriber.post(url, { reason });
    expect(noWitness.status).toBe(400);
    expect(fields(noWitness)).toEqual(['body.witness']);

    const ok = await stock.prescriber.post(url, { reason, witness: witnessOf(c, 'nurse') });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body.administrations[0]).toMatchObject({
      id: adm.id,
      doseMg: '35',
      enteredInError: true,
      enteredInErrorReason: reason,
      enteredInErrorBy: c.users.prescriber.id,
    });
    expect(ok.body.administrations[0].register.correctionEntryIds).toHaveLength(3);
    expect(ok.body.doseStartedAt).toBeNull();
    const ledger = (await stock.nurse.get(`/api/v1/controlled/ledger?sessionId=${id}`)).body.items as Array<{
      type: string;
      correctsEntryId: string | null;
      correctionKind: string | null;
    }>;
    expect(ledger.map((e) => `${e.type}:${e.correctionKind ?? 'original'}`).sort()).toEqual([
      'administer:original',
      'administer:reversal',
      'draw:original',
      'draw:reversal',
      'waste:original',
      'waste:reversal',
    ]);
    const stockNow = await stock.nurse.get('/api/v1/controlled/stock');
    expect(stockNow.body.items.find((i: { id: string }) => i.id === vial).balance).toBe('10');
    expect((await stock.prescriber.post(url, { reason, witness: witnessOf(c, 'nurse') })).status).toBe(409);
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select(['resource_type', 'details'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'dosing_administration')
      .execute();
    expect(audit.some((e) => (e.details as { enteredInError?: boolean } | null)?.enteredInError)).toBe(true);
  });

  it('checks the prescribed dose of a plan against the protocol; only a prescriber changes it', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const prescriber = await c.login('prescriber');
    const ids = await protocolIds(prescriber);
    const over = await prescriber.post(`/api/v1/patients/${c.patientId}/plans`, {
      protocolId: ids.iv,
      indications: ['trd'],
      prescribedDose: { mgPerKg: 3, frequency: 'Twice a week' },
    });
    expect(over.status).toBe(400);
    expect(over.body.error.details[0].field).toBe('body.prescribedDose.mgPerKg');
    const plan = await nurse.post(`/api/v1/patients/${c.patientId}/plans`, {
      protocolId: ids.iv,
      indications: ['trd'],
    });
    expect(plan.status, plan.text).toBe(201);
    expect(plan.body.prescribedDose).toMatchObject({
      mgPerKg: expect.any(Number),
      route: 'iv',
      approvedBy: null,
    });
    const url = `/api/v1/patients/${c.patientId}/plans/${plan.body.id}/prescribed-dose`;
    const dose = { mgPerKg: 0.4, durationMin: 40, frequency: 'Twice a week' };
    expect((await nurse.request('PUT', url, dose)).status).toBe(403);
    const set = await prescriber.request('PUT', url, dose);
    expect(set.status, set.text).toBe(200);
    expect(set.body.prescribedDose).toMatchObject({ mgPerKg: 0.4, durationMin: 40, approvedBy: null });
    expect((await prescriber.request('PUT', url, { fixedMg: 56, frequency: 'x' })).status).toBe(400);
  });
});
