import { formatDateTime } from '@plasticity/clinical/time-format';
import { toJson } from '@plasticity/db';
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';
import { ESK } from '../../sessions/test/fixtures.ts';
import { hoursFromNow, insertAppointment, insertChair, secondPatient } from './test-fixtures.ts';

describe.each(testBackends())('patient portal appointments on %s', (backend) => {
  const h = useTestApp(backend);

  it('shows the patient only their own upcoming appointments, with place and preparation', async () => {
    const c = await h.newClinic();
    await h.database.db
      .updateTable('clinics')
      .set({ phone: '919-555-0100', address: toJson({ line1: '1 Main St', city: 'Raleigh', state: 'NC' }) })
      .where('id', '=', c.clinicId)
      .execute();
    const chair = await insertChair(h, c, 'Chair 3');
    const dosing = await insertAppointment(h, c, {
      type: 'dosing',
      start: hoursFromNow(h, 72),
      minutes: 150,
      protocolId: ESK,
      chairId: chair,
      notes: 'staff only: prefers the window seat',
    });
    const followUp = await insertAppointment(h, c, {
      type: 'follow_up',
      start: hoursFromNow(h, 96),
      minutes: 30,
    });
    await insertAppointment(h, c, { type: 'follow_up', start: hoursFromNow(h, -48) });
    await insertAppointment(h, c, { type: 'therapy', start: hoursFromNow(h, 50), status: 'cancelled' });
    const other = await secondPatient(h, c);
    await insertAppointment(h, c, {
      patientId: other.patientId,
      type: 'integration',
      start: hoursFromNow(h, 30),
    });

    const patient = await c.login('patient');
    const r = await patient.get('/api/v1/portal/appointments');
    expect(r.status).toBe(200);
    expect(r.body.items.map((a: { id: string }) => a.id)).toEqual([dosing, followUp]);
    const [d, f] = r.body.items;
    expect(d).toMatchObject({
      type: 'dosing',
      status: 'booked',
      placeName: 'Chair 3',
      clinicAddress: '1 Main St, Raleigh, NC',
      clinicPhone: '919-555-0100',
      canCancel: false,
      cancelDeadline: null,
    });
    expect(d.instructions[0]).toBe(
      'Fasting: no food for at least 2 h and no liquids for at least 30 min before dosing.',
    );
    expect(d.instructions.join(' ')).toContain('escort');
    expect(d.instructions.join(' ')).toContain('Do not drive');
    expect(d.cancelNote).toContain('919-555-0100');
    expect(r.text).not.toContain('window seat');
    expect(f.instructions).toEqual([]);
    expect(f.canCancel).toBe(true);
    expect(new Date(f.cancelDeadline).getTime()).toBe(hoursFromNow(h, 96).getTime() - 24 * 3_600_000);
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select(['patient_id'])
      .where('clinic_id', '=', c.clinicId)
      .where('user_id', '=', c.users.patient.id)
      .where('resource_type', '=', 'appointment')
      .execute();
    expect(audit.map((e) => e.patient_id)).toContain(c.patientId);

    const others = await other.client.get('/api/v1/portal/appointments');
    expect(others.body.items).toHaveLength(1);
    expect(others.body.items[0].type).toBe('integration');
  });

  it('books an open slot, takes it off the lists, and one of two concurrent bookings wins', async () => {
    const c = await h.newClinic();
    const desk = await c.login('front_desk');
    const opened = await desk.post('/api/v1/appointment-slots', {
      type: 'integration',
      start: hoursFromNow(h, 48).toISOString(),
      clinicianId: c.users.therapist.id,
      count: 2,
    });
    expect(opened.status).toBe(201);
    expect(opened.body.items).toHaveLength(2);
    // The type's 10-minute buffer separates them.
    expect(opened.body.items[1].start).toBe(
      new Date(hoursFromNow(h, 48).getTime() + 70 * 60_000).toISOString(),
    );
    expect(opened.body.items[0]).toMatchObject({
      typeLabel: 'Integration session',
      clinicianName: expect.stringContaining('therapist'),
    });
    const [first, second] = opened.body.items;

    const patient = await c.login('patient');
    const slots = await patient.get('/api/v1/portal/slots?type=integration');
    expect(slots.status).toBe(200);
    expect(slots.body.items.map((s: { id: string }) => s.id)).toEqual([first.id, second.id]);
    expect((await patient.get('/api/v1/portal/slots?type=follow_up')).body.items).toEqual([]);

    const booked = await patient.post(`/api/v1/portal/slots/${first.id}/book`);
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({
      type: 'integration',
      status: 'booked',
      bookedVia: 'portal',
      canCancel: true,
    });
    expect(booked.body.start).toBe(first.start);
    const row = await h.database.db
      .selectFrom('appointments')
      .select(['patient_id', 'booked_via', 'clinician_id'])
      .where('id', '=', booked.body.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      patient_id: c.patientId,
      booked_via: 'portal',
      clinician_id: c.users.therapist.id,
    });
    const events = await h.database.db
      .selectFrom('appointment_events')
      .select(['action', 'actor_user_id', 'actor_kind'])
      .where('appointment_id', '=', booked.body.id)
      .execute();
    expect(events).toEqual([{ action: 'booked', actor_user_id: c.users.patient.id, actor_kind: 'user' }]);
    const open = await desk.get('/api/v1/appointment-slots');
    expect(open.body.items.map((s: { id: string }) => s.id)).toEqual([second.id]);
    expect((await patient.post(`/api/v1/portal/slots/${first.id}/book`)).status).toBe(409);
    // A follow-up slot at the time the patient is already booked: refused, the slot stays open.
    const overlapping = (
      await desk.post('/api/v1/appointment-slots', { type: 'follow_up', start: first.start })
    ).body.items[0];
    const double = await patient.post(`/api/v1/portal/slots/${overlapping.id}/book`);
    expect(double.status).toBe(409);
    expect(double.body.error.message).toContain('already have a visit');
    expect((await desk.post(`/api/v1/appointment-slots/${overlapping.id}/withdraw`)).status).toBe(200);

    // Two patients reach for the last slot at once: exactly one gets it.
    const other = await secondPatient(h, c);
    const results = await Promise.all([
      patient.post(`/api/v1/portal/slots/${second.id}/book`),
      other.client.post(`/api/v1/portal/slots/${second.id}/book`),
    ]);
    expect(results.map((x) => x.status).sort()).toEqual([201, 409]);
    expect(results.find((x) => x.status === 409)?.body.error.code).toBe('conflict');
    const forSlot = await h.database.db
      .selectFrom('appointments')
      .select('id')
      .where('clinic_id', '=', c.clinicId)
      .where('start_at', '=', new Date(second.start))
      .execute();
    expect(forSlot).toHaveLength(1);
    expect((await desk.get('/api/v1/appointment-slots')).body.items).toEqual([]);
  });

  it('cancels within the notice period and reopens the slot; refuses too late, dosing and others’ visits', async () => {
    const c = await h.newClinic();
    const desk = await c.login('front_desk');
    const patient = await c.login('patient');
    const slot = (
      await desk.post('/api/v1/appointment-slots', {
        type: 'follow_up',
        start: hoursFromNow(h, 30).toISOString(),
      })
    ).body.items[0];
    const booked = await patient.post(`/api/v1/portal/slots/${slot.id}/book`);
    expect(booked.status).toBe(201);
    const cancelled = await patient.post(`/api/v1/portal/appointments/${booked.body.id}/cancel`, {
      reason: 'Travelling',
    });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', canCancel: false });
    const row = await h.database.db
      .selectFrom('appointments')
      .select(['status', 'status_reason', 'status_changed_by'])
      .where('id', '=', booked.body.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      status: 'cancelled',
      status_reason: 'Travelling',
      status_changed_by: c.users.patient.id,
    });
    const events = await h.database.db
      .selectFrom('appointment_events')
      .select(['action', 'actor_user_id'])
      .where('appointment_id', '=', booked.body.id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['booked', 'cancelled']);
    expect(events[1]?.actor_user_id).toBe(c.users.patient.id);
    const reopened = (await patient.get('/api/v1/portal/slots')).body.items;
    expect(reopened).toHaveLength(1);
    expect(reopened[0].start).toBe(slot.start);
    expect(reopened[0].id).not.toBe(slot.id);
    expect((await patient.get('/api/v1/portal/appointments')).body.items).toEqual([]);
    // The reopened slot can be booked again.
    const rebooked = await patient.post(`/api/v1/portal/slots/${reopened[0].id}/book`);
    expect(rebooked.status).toBe(201);
    // Cancelled by the front desk instead, the time is offered again too.
    expect(
      (await desk.post(`/api/v1/appointments/${rebooked.body.id}/cancel`, { reason: 'Clinician ill' }))
        .status,
    ).toBe(200);
    const offered = (await patient.get('/api/v1/portal/slots')).body.items;
    expect(offered.map((o: { start: string }) => o.start)).toEqual([slot.start]);
    expect((await patient.post(`/api/v1/portal/slots/${offered[0].id}/book`)).status).toBe(201);

    // Inside the 24-hour notice: refused, naming the deadline in the clinic's zone.
    const soonStart = hoursFromNow(h, 10);
    const soon = await insertAppointment(h, c, { type: 'follow_up', start: soonStart, minutes: 30 });
    const late = await patient.post(`/api/v1/portal/appointments/${soon}/cancel`, {});
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('precondition_failed');
    const deadline = new Date(soonStart.getTime() - 24 * 3_600_000);
    expect(late.body.error.message).toContain(formatDateTime(deadline, 'America/New_York', { zone: true }));
    const dosing = await insertAppointment(h, c, {
      type: 'dosing',
      start: hoursFromNow(h, 200),
      protocolId: ESK,
    });
    const noDosing = await patient.post(`/api/v1/portal/appointments/${dosing}/cancel`, {});
    expect(noDosing.status).toBe(409);
    expect(noDosing.body.error.message).toContain('contact the clinic');
    const unchanged = await h.database.db
      .selectFrom('appointments')
      .select('status')
      .where('id', 'in', [soon, dosing])
      .execute();
    expect(unchanged.map((u) => u.status)).toEqual(['booked', 'booked']);

    const other = await secondPatient(h, c);
    const theirs = await insertAppointment(h, c, {
      patientId: other.patientId,
      type: 'follow_up',
      start: hoursFromNow(h, 100),
    });
    expect((await patient.post(`/api/v1/portal/appointments/${theirs}/cancel`, {})).status).toBe(404);
    const elsewhere = await h.newClinic();
    const foreign = await (await elsewhere.login('patient')).post(
      `/api/v1/portal/appointments/${booked.body.id}/cancel`,
      {},
    );
    expect(foreign.status).toBe(404);
  });
});
