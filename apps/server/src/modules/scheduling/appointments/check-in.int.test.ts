/**
 * Checking in a dosing appointment opens its dosing session with the appointment's data (patient, protocol
 * from the plan, plan, chair, scheduled time), links both ways, and the pre-dose checklist still blocks while
 * the plan awaits approval. Other types are simply checked in; twice is refused.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { type Client, type TestClinic, useTestApp } from '../../../test/harness.ts';
import { protocolIds } from '../../plans/test-fixtures.ts';
import { book, makeChair, slot } from './test/fixtures.ts';

async function draftPlan(c: TestClinic, prescriber: Client, protocolId: string): Promise<string> {
  const p = await prescriber.post(`/api/v1/patients/${c.patientId}/plans`, {
    protocolId,
    indications: ['trd'],
    plannedSessions: 8,
  });
  if (p.status !== 201) throw new Error(`plan: ${p.status} ${p.text}`);
  return p.body.id;
}

describe.each(testBackends())('check-in from the schedule on %s', (backend) => {
  const h = useTestApp(backend);

  it('opens the dosing session from the appointment; the checklist blocks while the plan is pending', async () => {
    const c = await h.newClinic();
    const prescriber = await c.login('prescriber');
    const nurse = await c.login('nurse');
    const desk = await c.login('front_desk');
    const ids = await protocolIds(prescriber);
    const planId = await draftPlan(c, prescriber, ids.intranasal);
    const room = await makeChair(h, c, 'Spravato 1', 'spravato_room');
    // This minute (the board shows today's sessions in the clinic's zone).
    const soon = new Date(h.clock.now());
    soon.setUTCSeconds(0, 0);
    const start = soon.toISOString();
    const booked = await book(desk, {
      patientId: c.patientId,
      type: 'dosing',
      start,
      chairId: room,
      clinicianId: c.users.nurse.id,
      planId,
    });
    expect(booked.status, booked.text).toBe(201);
    expect(booked.body).toMatchObject({
      planId,
      planState: 'pending',
      chairName: 'Spravato 1',
      status: 'booked',
    });
    // The length comes from the esketamine protocol (at least 2 hours of monitoring).
    expect(booked.body.durationMin).toBeGreaterThanOrEqual(120);
    expect(booked.body.confirmation).toMatchObject({ status: 'unconfirmed', escortName: null });

    const checkedIn = await nurse.post(`/api/v1/appointments/${booked.body.id}/check-in`);
    expect(checkedIn.status, checkedIn.text).toBe(201);
    const s = checkedIn.body;
    expect(s).toMatchObject({
      patientId: c.patientId,
      planId,
      chair: 'Spravato 1',
      scheduledAt: start,
      status: 'checked_in',
    });
    expect(s.protocol.route).toBe('intranasal');
    const row = await h.database.db
      .selectFrom('dosing_sessions')
      .select(['protocol_id', 'chair_id', 'appointment_id'])
      .where('id', '=', s.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ protocol_id: ids.intranasal, chair_id: room, appointment_id: booked.body.id });
    const steps = await h.database.db
      .selectFrom('session_transitions')
      .select(['from_status', 'to_status'])
      .where('session_id', '=', s.id)
      .execute();
    expect(steps).toEqual([{ from_status: 'scheduled', to_status: 'checked_in' }]);
    const plan = s.checklist.find((i: { key: string }) => i.key === 'plan_approved');
    expect(plan).toMatchObject({ passed: false });

    const after = await nurse.get(`/api/v1/appointments/${booked.body.id}`);
    expect(after.body).toMatchObject({ status: 'checked_in', sessionId: s.id });

    const twice = await nurse.post(`/api/v1/appointments/${booked.body.id}/check-in`);
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({
      code: 'illegal_transition',
      message: 'the appointment is checked in already',
    });
    const sessions = await h.database.db
      .selectFrom('dosing_sessions')
      .select('id')
      .where('clinic_id', '=', c.clinicId)
      .execute();
    expect(sessions).toHaveLength(1);

    // The board announces the session in its chair.
    const board = await nurse.get('/api/v1/board');
    expect(JSON.stringify(board.body)).toContain('Spravato 1');

    // Checked in: no longer cancellable.
    const cancel = await desk.post(`/api/v1/appointments/${booked.body.id}/cancel`, { reason: 'x' });
    expect(cancel.status).toBe(409);
    expect(cancel.body.error.code).toBe('illegal_transition');
  });

  it('uses the appointment’s protocol; refuses a dosing check-in with neither protocol nor plan', async () => {
    const c = await h.newClinic();
    const desk = await c.login('front_desk');
    const start = slot(h, 1, 14);
    const none = await book(desk, { patientId: c.patientId, type: 'dosing', start });
    expect(none.status, none.text).toBe(201);
    expect(none.body).toMatchObject({ planState: 'none', planId: null, durationMin: 120, chairId: null });
    const refused = await desk.post(`/api/v1/appointments/${none.body.id}/check-in`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'precondition_failed' });
    expect(refused.body.error.details[0].field).toBe('protocolId');
    expect((await desk.get(`/api/v1/appointments/${none.body.id}`)).body.status).toBe('booked');

    const chair = await makeChair(h, c, 'Chair 1', 'infusion_chair');
    const iv = await book(desk, {
      patientId: c.patientId,
      type: 'dosing',
      start: slot(h, 2, 14),
      chairId: chair,
      protocolId: 'default-iv-ketamine-trd',
    });
    expect(iv.status, iv.text).toBe(201);
    const opened = await desk.post(`/api/v1/appointments/${iv.body.id}/check-in`);
    expect(opened.status, opened.text).toBe(201);
    expect(opened.body).toMatchObject({ chair: 'Chair 1', planId: null, scheduledAt: iv.body.start });
    expect(opened.body.protocol.route).toBe('iv');
  });

  it('checks in other types without a session (200 with the appointment)', async () => {
    const c = await h.newClinic();
    const desk = await c.login('front_desk');
    const r = await book(desk, { patientId: c.patientId, type: 'consultation', start: slot(h, 1, 15) });
    expect(r.status).toBe(201);
    const done = await desk.post(`/api/v1/appointments/${r.body.id}/check-in`);
    expect(done.status, done.text).toBe(200);
    expect(done.body).toMatchObject({ id: r.body.id, status: 'checked_in', sessionId: null });
    expect((await desk.post(`/api/v1/appointments/${r.body.id}/check-in`)).status).toBe(409);
  });
});
