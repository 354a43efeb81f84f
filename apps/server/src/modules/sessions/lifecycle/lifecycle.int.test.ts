import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp, validPatient } from '../../../test/harness.ts';
import { at, dose, ESK, IV, newSession, readyForDosing } from '../test/fixtures.ts';

describe.each(testBackends())('dosing session lifecycle on %s', (backend) => {
  const h = useTestApp(backend);

  it('books a session, allows one open session per patient and hides other clinics’ sessions', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const s = await newSession(h, c, nurse);
    expect(s.status).toBe('scheduled');
    const again = await nurse.post('/api/v1/sessions', {
      patientId: c.patientId,
      protocolId: ESK,
      scheduledAt: at(h),
      chair: '2',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('conflict');
    const bad = await nurse.post('/api/v1/sessions', {
      patientId: c.patientId,
      protocolId: 'nope',
      scheduledAt: at(h),
      chair: '2',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('body.protocolId');
    const noChair = await nurse.post('/api/v1/sessions', {
      patientId: c.patientId,
      protocolId: ESK,
      scheduledAt: at(h),
    });
    expect(noChair.status).toBe(400);
    expect(noChair.body.error.details[0].field).toBe('body.chair');
    const other = await h.newClinic();
    const otherNurse = await other.login('nurse');
    expect((await otherNurse.get(`/api/v1/sessions/${s.id}`)).status).toBe(404);
    expect((await otherNurse.post(`/api/v1/sessions/${s.id}/transition`, { to: 'checked_in' })).status).toBe(
      404,
    );
    expect(
      (
        await otherNurse.post(`/api/v1/sessions/${s.id}/vitals`, {
          idempotencyKey: 'k',
          readings: [{ at: at(h), hr: 70 }],
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await otherNurse.post('/api/v1/sessions', {
          patientId: c.patientId,
          protocolId: ESK,
          scheduledAt: at(h),
          chair: '1',
        })
      ).status,
    ).toBe(404);
    const patient = await c.login('patient');
    expect((await patient.get(`/api/v1/sessions/${s.id}`)).status).toBe(403);
  });

  it('refuses an illegal transition with 409 and changes nothing', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const s = await newSession(h, c, nurse);
    const r = await nurse.post(`/api/v1/sessions/${s.id}/transition`, { to: 'discharged' });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('illegal_transition');
    expect(r.body.error.message).toContain('scheduled');
    expect(r.body.error.message).toContain('discharged');
    const after = await nurse.get(`/api/v1/sessions/${s.id}`);
    expect(after.body.status).toBe('scheduled');
    expect(after.body.transitions).toEqual([]);
    const cancel = await nurse.post(`/api/v1/sessions/${s.id}/transition`, { to: 'cancelled' });
    expect(cancel.status).toBe(400);
    expect(cancel.body.error.details[0].field).toBe('body.reason');
  });

  it('blocks dosing on each failing checklist item; only a prescriber overrides, and the override is recorded', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const prescriber = await c.login('prescriber');
    const s = await newSession(h, c, nurse);
    await nurse.post(`/api/v1/sessions/${s.id}/transition`, { to: 'checked_in' });
    await nurse.post(`/api/v1/sessions/${s.id}/transition`, { to: 'pre_assessment' });
    const blocked = await nurse.post(`/api/v1/sessions/${s.id}/transition`, { to: 'dosing' });
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.code).toBe('precondition_failed');
    const fields = blocked.body.error.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'checklist.fasting',
        'checklist.escort',
        'checklist.baseline_vitals',
        'checklist.rems_enrolled',
        'checklist.plan_approved',
        'checklist.prescriber_on_site',
      ]),
    );
    // The escort needs a name and a phone; derived items cannot be set by hand.
    const noPhone = await nurse.request('PUT', `/api/v1/sessions/${s.id}/checklist/escort`, {
      status: 'done',
      escortName: 'Sam',
    });
    expect(noPhone.status).toBe(400);
    expect(noPhone.body.error.details[0].field).toBe('body.escortPhone');
    expect(
      (await nurse.request('PUT', `/api/v1/sessions/${s.id}/checklist/plan_approved`, { status: 'done' }))
        .status,
    ).toBe(400);
    expect(
      (await nurse.request('PUT', `/api/v1/sessions/${s.id}/checklist/fasting`, { status: 'not_applicable' }))
        .status,
    ).toBe(400);

    await readyForDosing(h, c, nurse, s.id).catch(() => {});
    const stillBlocked = await nurse.post(`/api/v1/sessions/${s.id}/transition`, { to: 'dosing' });
    expect(stillBlocked.status).toBe(409);
    const left = stillBlocked.body.error.details.map((d: { field: string }) => d.field);
    expect(left).not.toContain('checklist.fasting');
    expect(left).not.toContain('checklist.baseline_vitals');
    expect(left).toContain('checklist.plan_approved');

    const nurseOverride = await nurse.post(`/api/v1/sessions/${s.id}/transition`, {
      to: 'dosing',
      overrideReason: 'because',
    });
    expect(nurseOverride.status).toBe(403);
    const ok = await prescriber.post(`/api/v1/sessions/${s.id}/transition`, {
      to: 'dosing',
      overrideReason: 'plan signed on paper, scanned later',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.status).toBe('dosing');
    const t = ok.body.transitions.at(-1);
    expect(t.overrideReason).toBe('plan signed on paper, scanned later');
    expect(t.overridden.map((o: { key: string }) => o.key)).toEqual(left);
    expect(t.by).toBe(c.users.prescriber.id);
  });

  it('holds dosing when baseline vitals cross the pre-dose limits', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const s = await newSession(h, c, nurse, IV);
    await readyForDosing(h, c, nurse, s.id);
    await nurse.post(`/api/v1/sessions/${s.id}/vitals`, {
      idempotencyKey: 'high-bp',
      readings: [{ at: at(h), sbp: 165, dbp: 85, hr: 72, spo2: 98 }],
    });
    const r = await nurse.post(`/api/v1/sessions/${s.id}/transition`, { to: 'dosing' });
    expect(
      r.body.error.details.find((d: { field: string }) => d.field === 'checklist.baseline_vitals').message,
    ).toMatch(/Systolic BP 165/);
  });

  it('runs check-in to discharge: dose record, discharge criteria gate (esketamine 120 min), lock and addenda', async () => {
    const c = await h.newClinic();
    let nurse = await c.login('nurse');
    const prescriber = await c.login('prescriber');
    const s = await newSession(h, c, nurse);
    await readyForDosing(h, c, nurse, s.id);
    const early = await prescriber.post(`/api/v1/sessions/${s.id}/transition`, {
      to: 'dosing',
      overrideReason: 'test',
    });
    expect(early.status).toBe(200);
    const noDose = await nurse.post(`/api/v1/sessions/${s.id}/transition`, { to: 'monitoring' });
    expect(noDose.status).toBe(409);
    expect(noDose.body.error.details[0].field).toBe('administration');
    const wrongDose = await nurse.post(`/api/v1/sessions/${s.id}/administrations`, {
      doseMg: 60,
      startedAt: at(h),
      notFromRegisterReason: 'Recorded from the paper chart',
    });
    expect(wrongDose.status).toBe(400);
    expect(wrongDose.body.error.details[0].field).toBe('body.doseMg');
    const adm = await nurse.post(`/api/v1/sessions/${s.id}/administrations`, {
      doseMg: 56,
      startedAt: at(h),
      lot: 'LOT-9',
      expiry: '2027-03-31',
      notFromRegisterReason: 'Recorded from the paper chart',
      verifiedBy: c.users.prescriber.id,
      events: [{ at: at(h, 5 * 60_000), kind: 'device' }],
    });
    expect(adm.status).toBe(201);
    expect(adm.body.administrations[0]).toMatchObject({
      doseMg: '56',
      drug: 'esketamine',
      route: 'intranasal',
      lot: 'LOT-9',
      verifiedBy: c.users.prescriber.id,
    });
    expect((await nurse.post(`/api/v1/sessions/${s.id}/transition`, { to: 'monitoring' })).status).toBe(200);
    expect((await nurse.post(`/api/v1/sessions/${s.id}/transition`, { to: 'recovery' })).status).toBe(200);

    h.clock.advance(30 * 60_000);
    nurse = await c.login('nurse'); // the idle timeout (15 min) ended the earlier login
    await nurse.post(`/api/v1/sessions/${s.id}/vitals`, {
      idempotencyKey: 'v30',
      readings: [{ at: at(h), sbp: 130, dbp: 82, hr: 74, spo2: 97, rr: 14 }],
    });
    await nurse.post(`/api/v1/sessions/${s.id}/observations`, { kind: 'moaas', at: at(h), score: 5 });
    await nurse.request('PUT', `/api/v1/sessions/${s.id}/discharge-assessment`, {
      gait: 'steady',
      nausea: 'none',
      escortPresent: true,
      readyWithoutTwoHourRuleMin: 45,
    });
    // SPRAVATO REMS 386 (12/2024): sedation and dissociation resolved, no respiratory depression.
    const unconfirmed = await nurse.post(`/api/v1/sessions/${s.id}/transition`, { to: 'discharged' });
    expect(unconfirmed.body.error.details.map((d: { field: string }) => d.field)).toEqual([
      'discharge.time_since_dose',
      'discharge.sedation',
      'discharge.dissociation',
      'discharge.respiratory_depression',
    ]);
    await nurse.request('PUT', `/api/v1/sessions/${s.id}/discharge-assessment`, {
      sedationResolved: true,
      dissociationResolved: true,
      respiratoryDepression: false,
    });
    const tooEarly = await nurse.post(`/api/v1/sessions/${s.id}/transition`, { to: 'discharged' });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.error.code).toBe('precondition_failed');
    expect(tooEarly.body.error.details.map((d: { field: string }) => d.field)).toEqual([
      'discharge.time_since_dose',
    ]);

    h.clock.advance(91 * 60_000);
    nurse = await c.login('nurse');
    await nurse.post(`/api/v1/sessions/${s.id}/vitals`, {
      idempotencyKey: 'v121',
      readings: [{ at: at(h), sbp: 128, dbp: 80, hr: 72, spo2: 98, rr: 14 }],
    });
    const done = await nurse.post(`/api/v1/sessions/${s.id}/transition`, { to: 'discharged' });
    expect(done.status).toBe(200);
    expect(done.body.status).toBe('discharged');
    expect(done.body.lockedAt).not.toBeNull();
    expect(done.body.transitions.map((t: { to: string }) => t.to)).toEqual([
      'checked_in',
      'pre_assessment',
      'dosing',
      'monitoring',
      'recovery',
      'discharged',
    ]);

    const late = await nurse.post(`/api/v1/sessions/${s.id}/vitals`, {
      idempotencyKey: 'late',
      readings: [{ at: at(h), hr: 70 }],
    });
    expect(late.status).toBe(409);
    const addendum = await nurse.post(`/api/v1/sessions/${s.id}/notes`, {
      text: 'Patient phoned: home safely.',
    });
    expect(addendum.status).toBe(201);
    expect(addendum.body.addendum).toBe(true);
    // The patient may book the next session once this one is closed.
    expect(
      (
        await nurse.post('/api/v1/sessions', {
          patientId: c.patientId,
          protocolId: ESK,
          scheduledAt: at(h),
          chair: '1',
        })
      ).status,
    ).toBe(201);
  });

  it('lets a prescriber discharge early with a recorded override; a nurse cannot', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const prescriber = await c.login('prescriber');
    const p2 = await nurse.post('/api/v1/patients', validPatient());
    const r = await nurse.post('/api/v1/sessions', {
      patientId: p2.body.id,
      protocolId: IV,
      scheduledAt: at(h),
      chair: '3',
    });
    const id = r.body.id;
    await readyForDosing(h, { ...c, patientId: p2.body.id }, nurse, id);
    await dose(h, prescriber, nurse, id, 35);
    await nurse.post(`/api/v1/sessions/${id}/transition`, { to: 'recovery' });
    expect(
      (await nurse.post(`/api/v1/sessions/${id}/transition`, { to: 'discharged', overrideReason: 'x' }))
        .status,
    ).toBe(403);
    const ok = await prescriber.post(`/api/v1/sessions/${id}/transition`, {
      to: 'discharged',
      overrideReason: 'transfer to ED by ambulance',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.transitions.at(-1).overridden.map((o: { key: string }) => o.key)).toEqual(
      expect.arrayContaining(['discharge.moaas', 'discharge.gait']),
    );
  });
});
