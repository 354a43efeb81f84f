/**
 * The pre-dose checklist takes only records made for the session's drug and route (plan, eligibility
 * decision, consents), and REMS enrolment records the patient's REMS identifier and the setting's
 * certification rather than a one-click confirmation.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import type { Client, TestClinic } from '../../../test/harness.ts';
import { useTestApp } from '../../../test/harness.ts';
import { cleanIntake, protocolIds, signConsents } from '../../plans/test-fixtures.ts';
import {
  at,
  certifyRemsSetting,
  ESK,
  newSession,
  REMS_CERT,
  REMS_ENROLMENT,
  readyForDosing,
} from '../test/fixtures.ts';

type Item = { key: string; passed: boolean; overridable: boolean; message: string };
const item = (body: { checklist: Item[] }, key: string) => body.checklist.find((i) => i.key === key) as Item;

describe.each(testBackends())('checklist records match the session’s drug and route on %s', (backend) => {
  const h = useTestApp(backend);

  async function approvedEligibility(c: TestClinic, prescriber: Client, protocolId: string) {
    const d = await prescriber.post(`/api/v1/patients/${c.patientId}/eligibility`, { protocolId });
    expect(d.status).toBe(200);
    const s = await prescriber.post(`/api/v1/patients/${c.patientId}/eligibility/${d.body.id}/sign`, {
      decision: 'approved',
      reason: 'reviewed',
    });
    expect(s.status).toBe(200);
    return d.body.id as string;
  }

  async function approvedPlan(c: TestClinic, prescriber: Client, protocolId: string) {
    const p = await prescriber.post(`/api/v1/patients/${c.patientId}/plans`, {
      protocolId,
      indications: ['trd'],
      plannedSessions: 6,
    });
    expect(p.status).toBe(201);
    const t = await prescriber.post(`/api/v1/patients/${c.patientId}/plans/${p.body.id}/transition`, {
      to: 'approved',
    });
    expect(t.status).toBe(200);
    return p.body.id as string;
  }

  it('an esketamine session refuses an approved IV plan and IV eligibility, even with an override', async () => {
    const c = await h.newClinic();
    const prescriber = await c.login('prescriber');
    const nurse = await c.login('nurse');
    const ids = await protocolIds(prescriber);
    await nurse.post(`/api/v1/patients/${c.patientId}/intake`, cleanIntake());
    await approvedEligibility(c, prescriber, ids.iv);
    const ivPlan = await approvedPlan(c, prescriber, ids.iv);

    // Booking an esketamine session on the IV plan is refused, naming the plan and why.
    const booked = await nurse.post('/api/v1/sessions', {
      patientId: c.patientId,
      protocolId: ESK,
      planId: ivPlan,
      scheduledAt: at(h),
      chair: '1',
    });
    expect(booked.status).toBe(400);
    expect(booked.body.error.details[0]).toMatchObject({
      field: 'body.planId',
      message: 'the plan is for IV ketamine; this session is intranasal esketamine',
    });

    const s = await newSession(h, c, nurse);
    const detail = (await nurse.get(`/api/v1/sessions/${s.id}`)).body;
    expect(item(detail, 'plan_approved')).toMatchObject({
      passed: false,
      overridable: false,
      message: 'the approved plan is for IV ketamine; this session is intranasal esketamine',
    });
    expect(item(detail, 'eligibility_current')).toMatchObject({
      passed: false,
      overridable: false,
      message: 'the eligibility decision is for IV ketamine; this session is intranasal esketamine',
    });

    await readyForDosing(h, c, nurse, s.id);
    const overridden = await prescriber.post(`/api/v1/sessions/${s.id}/transition`, {
      to: 'dosing',
      overrideReason: 'plan on paper',
    });
    expect(overridden.status).toBe(409);
    expect(overridden.body.error.code).toBe('precondition_failed');
    expect(overridden.body.error.message).toContain(
      'the approved plan is for IV ketamine; this session is intranasal esketamine',
    );
    expect(overridden.body.error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'checklist.plan_approved', overridable: false }),
        expect.objectContaining({ field: 'checklist.eligibility_current', overridable: false }),
      ]),
    );
    expect((await nurse.get(`/api/v1/sessions/${s.id}`)).body.status).toBe('pre_assessment');

    // An IV eligibility evaluation does not approve an esketamine plan either.
    const eskDraft = await prescriber.post(`/api/v1/patients/${c.patientId}/plans`, {
      protocolId: ids.intranasal,
      indications: ['trd'],
      plannedSessions: 6,
    });
    const refused = await prescriber.post(
      `/api/v1/patients/${c.patientId}/plans/${eskDraft.body.id}/transition`,
      { to: 'approved' },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain(
      'the eligibility evaluation is for IV ketamine; this plan is for intranasal esketamine',
    );

    // Records made for intranasal esketamine pass.
    h.clock.advance(1000);
    await approvedEligibility(c, prescriber, ids.intranasal);
    await approvedPlan(c, prescriber, ids.intranasal);
    const after = (await nurse.get(`/api/v1/sessions/${s.id}`)).body;
    expect(item(after, 'plan_approved')).toMatchObject({
      passed: true,
      message: 'treatment plan approved for intranasal esketamine',
    });
    expect(item(after, 'eligibility_current')).toMatchObject({ passed: true });
  });

  it('an esketamine session does not take the IV ketamine consent for the REMS consent', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    await signConsents(h, c, ['off_label_ketamine', 'financial']);
    const s = await newSession(h, c, nurse);
    expect(item((await nurse.get(`/api/v1/sessions/${s.id}`)).body, 'consents_valid')).toMatchObject({
      passed: false,
      message:
        'not signed: esketamine (SPRAVATO REMS) consent (the signed off-label ketamine consent is for ketamine; ' +
        'this session is intranasal esketamine)',
    });
    await signConsents(h, c, ['esketamine_rems']);
    expect(item((await nurse.get(`/api/v1/sessions/${s.id}`)).body, 'consents_valid')).toMatchObject({
      passed: true,
      message: 'required consents signed',
    });
  });

  it('records REMS enrolment with the patient’s identifier and the setting’s certification, and refuses it without', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const s = await newSession(h, c, nurse);
    const url = `/api/v1/sessions/${s.id}/checklist/rems_enrolled`;
    const put = (body: Record<string, unknown>) => nurse.request('PUT', url, body);

    const oneClick = await put({ status: 'done' });
    expect(oneClick.status).toBe(400);
    expect(oneClick.body.error.details[0].field).toBe('body.remsEnrolmentId');
    const blank = await put({ status: 'done', ...REMS_ENROLMENT, remsEnrolmentId: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.error.details[0].field).toBe('body.remsEnrolmentId');
    const noDate = await put({ status: 'done', remsEnrolmentId: REMS_ENROLMENT.remsEnrolmentId });
    expect(noDate.status).toBe(400);
    expect(noDate.body.error.details[0].field).toBe('body.remsEnrolledOn');
    const tomorrow = new Date(h.clock.now().getTime() + 2 * 86_400_000).toISOString().slice(0, 10);
    const future = await put({ status: 'done', ...REMS_ENROLMENT, remsEnrolledOn: tomorrow });
    expect(future.status).toBe(400);
    expect(future.body.error.details[0]).toMatchObject({
      field: 'body.remsEnrolledOn',
      message: 'cannot be in the future',
    });
    const wrongItem = await nurse.request('PUT', `/api/v1/sessions/${s.id}/checklist/fasting`, {
      status: 'done',
      ...REMS_ENROLMENT,
    });
    expect(wrongItem.status).toBe(400);

    // The setting's certification must be on record (clinic settings) and not dated in the future.
    const uncertified = await put({ status: 'done', ...REMS_ENROLMENT });
    expect(uncertified.status).toBe(409);
    expect(uncertified.body.error.code).toBe('precondition_failed');
    expect(uncertified.body.error.message).toContain('setting certification is not recorded');
    const admin = await c.login('admin');
    const futureCert = await admin.request('PATCH', '/api/v1/clinic/settings', {
      remsSettingCertification: { ...REMS_CERT, certifiedOn: tomorrow },
    });
    expect(futureCert.status).toBe(400);
    expect(futureCert.body.error.details[0].field).toBe('body.remsSettingCertification.certifiedOn');
    const noId = await admin.request('PATCH', '/api/v1/clinic/settings', {
      remsSettingCertification: { certificationId: '', certifiedOn: REMS_CERT.certifiedOn },
    });
    expect(noId.status).toBe(400);
    await certifyRemsSetting(c);
    expect((await admin.get('/api/v1/clinic/settings')).body.remsSettingCertification).toEqual(REMS_CERT);

    const before = await nurse.get(`/api/v1/sessions/${s.id}`);
    expect(item(before.body, 'rems_enrolled')).toMatchObject({
      passed: false,
      message: "record the patient's REMS enrolment",
    });
    const ok = await put({ status: 'done', ...REMS_ENROLMENT });
    expect(ok.status).toBe(200);
    expect(item(ok.body, 'rems_enrolled')).toMatchObject({
      passed: true,
      message:
        'patient REMS enrolment PT-778899 (enrolled 2024-06-03); setting certification HCS-0042-TEST (certified 2024-01-15)',
    });
    expect(ok.body.checklist.find((i: Item) => i.key === 'rems_enrolled').attestation.rems).toEqual({
      patientEnrolmentId: 'PT-778899',
      enrolledOn: '2024-06-03',
      settingCertificationId: 'HCS-0042-TEST',
      settingCertifiedOn: '2024-01-15',
    });
  });
});
