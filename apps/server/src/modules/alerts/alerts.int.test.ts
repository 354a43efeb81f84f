import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';
import { escalateDueAlerts } from './alert-store.ts';

const RISK_PHQ9 = [1, 1, 1, 1, 1, 1, 1, 1, 1];

describe.each(testBackends())('alerts on %s', (backend) => {
  const h = useTestApp(backend);

  it('raises a suicide-risk alert to the prescribers, lists, acknowledges once, audits', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const r = await nurse.post(`/api/v1/patients/${c.patientId}/assessments`, {
      instrument: 'phq9',
      answers: RISK_PHQ9,
    });
    expect(r.status).toBe(201);
    expect(r.body.flags).toContain('suicide_risk');
    expect(r.body.crisis).toBe(true);

    const prescriber = await c.login('prescriber');
    const open = await prescriber.get('/api/v1/alerts?status=open');
    expect(open.status).toBe(200);
    expect(open.body.items).toHaveLength(1);
    const alert = open.body.items[0];
    expect(alert).toMatchObject({
      patientId: c.patientId,
      kind: 'suicide_risk',
      status: 'open',
      sourceId: r.body.id,
    });
    expect(alert.title).not.toContain('Pat');
    expect(alert.assignedTo).toEqual([c.users.prescriber.id]);
    expect((await prescriber.get('/api/v1/alerts?status=open&assignedTo=me')).body.items).toHaveLength(1);
    expect((await nurse.get('/api/v1/alerts?status=open')).body.items).toHaveLength(1);
    expect((await nurse.get('/api/v1/alerts?status=open&assignedTo=me')).body.items).toHaveLength(0);
    expect((await (await c.login('admin')).get('/api/v1/alerts?status=open')).status).toBe(200);
    expect((await (await c.login('front_desk')).get('/api/v1/alerts?status=open')).status).toBe(403);
    expect((await (await c.login('patient')).get('/api/v1/alerts?status=open')).status).toBe(403);

    const other = await h.newClinic();
    const otherNurse = await other.login('nurse');
    expect((await otherNurse.get('/api/v1/alerts?status=open')).body.items).toHaveLength(0);
    expect((await otherNurse.post(`/api/v1/alerts/${alert.id}/ack`, { note: 'x' })).status).toBe(404);

    expect((await prescriber.post(`/api/v1/alerts/${alert.id}/ack`, { note: '' })).status).toBe(400);
    expect((await prescriber.post(`/api/v1/alerts/${alert.id}/ack`, {})).status).toBe(400);
    const ack = await prescriber.post(`/api/v1/alerts/${alert.id}/ack`, {
      note: 'Called the patient; safety plan reviewed.',
    });
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({
      status: 'acknowledged',
      ackBy: c.users.prescriber.id,
      ackNote: 'Called the patient; safety plan reviewed.',
    });
    expect((await prescriber.post(`/api/v1/alerts/${alert.id}/ack`, { note: 'again' })).status).toBe(409);
    expect((await prescriber.get('/api/v1/alerts?status=open')).body.items).toHaveLength(0);
    expect((await prescriber.get('/api/v1/alerts?status=acknowledged')).body.items).toHaveLength(1);

    const audited = await h.database.db
      .selectFrom('audit_log')
      .select(['action', 'resource_type'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'alert')
      .execute();
    expect(audited).toContainEqual({ action: 'create', resource_type: 'alert' });
    expect(audited).toContainEqual({ action: 'update', resource_type: 'alert' });
  });

  it('routes to the care team and escalates to every clinician after the clinic setting, once', async () => {
    const c = await h.newClinic({ settings: { alertEscalationMinutes: 5 } });
    await h.database.db
      .insertInto('care_team')
      .values({ clinic_id: c.clinicId, patient_id: c.patientId, user_id: c.users.therapist.id })
      .execute();
    const therapist = await c.login('therapist');
    const qids = Array(16).fill(0);
    qids[11] = 2;
    const r = await therapist.post(`/api/v1/patients/${c.patientId}/assessments`, {
      instrument: 'qids_sr16',
      answers: qids,
    });
    expect(r.body.flags).toContain('suicide_risk');
    const before = (await therapist.get('/api/v1/alerts?status=open')).body.items[0];
    expect(before.assignedTo).toEqual([c.users.therapist.id]);
    h.clock.advance(4 * 60_000);
    await escalateDueAlerts(h.built.ctx);
    expect((await therapist.get('/api/v1/alerts?status=open')).body.items[0].escalatedAt).toBeNull();
    h.clock.advance(2 * 60_000);
    await Promise.all([escalateDueAlerts(h.built.ctx), escalateDueAlerts(h.built.ctx)]);
    const after = (await therapist.get('/api/v1/alerts?status=open')).body.items[0];
    expect(after.escalatedAt).not.toBeNull();
    expect([...after.assignedTo].sort()).toEqual(
      [c.users.therapist.id, c.users.prescriber.id, c.users.nurse.id].sort(),
    );
    const nurse = await c.login('nurse');
    expect((await nurse.get('/api/v1/alerts?status=open&assignedTo=me')).body.items).toHaveLength(1);
  });

  it('raises for a C-SSRS screener at moderate risk but not at low risk', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const url = `/api/v1/patients/${c.patientId}/assessments`;
    expect(
      (await nurse.post(url, { instrument: 'cssrs_screen', answers: [1, 0, 0, 0, 0, 0, 0] })).body.flags,
    ).not.toContain('suicide_risk');
    const mod = await nurse.post(url, { instrument: 'cssrs_screen', answers: [1, 1, 1, 0, 0, 0, 0] });
    expect(mod.body).toMatchObject({ severity: 'moderate' });
    expect(mod.body.flags).toContain('suicide_risk');
    expect((await nurse.get('/api/v1/alerts?status=all')).body.items).toHaveLength(1);
  });

  it('manages the care team: clinicians of the clinic only', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const url = `/api/v1/patients/${c.patientId}/care-team`;
    expect((await nurse.get(url)).body).toEqual({ userIds: [] });
    const bad = await nurse.request('PUT', url, { userIds: [c.users.therapist.id, c.users.front_desk.id] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('body.userIds[1]');
    const other = await h.newClinic();
    expect((await nurse.request('PUT', url, { userIds: [other.users.nurse.id] })).status).toBe(400);
    expect((await (await c.login('therapist')).request('PUT', url, { userIds: [] })).status).toBe(403);
    expect(
      (await nurse.request('PUT', url, { userIds: [c.users.therapist.id, c.users.nurse.id] })).status,
    ).toBe(200);
    expect((await nurse.get(url)).body.userIds.sort()).toEqual(
      [c.users.therapist.id, c.users.nurse.id].sort(),
    );
    const r = await nurse.post(`/api/v1/patients/${c.patientId}/assessments`, {
      instrument: 'phq9',
      answers: [0, 0, 0, 0, 0, 0, 0, 0, 3],
    });
    const alert = (await nurse.get('/api/v1/alerts?assignedTo=me')).body.items[0];
    expect(alert.sourceId).toBe(r.body.id);
    expect(alert.assignedTo.sort()).toEqual([c.users.therapist.id, c.users.nurse.id].sort());
  });
});
