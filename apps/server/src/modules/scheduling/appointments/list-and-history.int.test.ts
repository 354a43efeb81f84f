/**
 * The calendar's list (window overlap, chair, clinician, patient and status filters, plan state, flags),
 * the history of an appointment in sentences, no-shows, and the clinic's appointment-type settings.
 */

import { toJson } from '@plasticity/db';
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp, validPatient } from '../../../test/harness.ts';
import { protocolIds } from '../../plans/test-fixtures.ts';
import { book, makeChair, plus } from './test/fixtures.ts';

const ids = (r: { body: { items: Array<{ id: string }> } }) => r.body.items.map((i) => i.id);

describe.each(testBackends())('appointment lists and history on %s', (backend) => {
  const h = useTestApp(backend);

  it('lists what overlaps the window, filtered by chair, clinician, patient and status, ordered by start', async () => {
    const c = await h.newClinic();
    const desk = await c.login('front_desk');
    const prescriber = await c.login('prescriber');
    const second = await desk.post('/api/v1/patients', validPatient({ firstName: 'Quinn' }));
    expect(second.status, second.text).toBe(201);
    const chair1 = await makeChair(h, c, 'Chair 1');
    const chair2 = await makeChair(h, c, 'Chair 2');
    const day = '2030-01-08T'; // a Tuesday; New York is UTC−5
    const a = await book(desk, {
      patientId: c.patientId,
      type: 'follow_up',
      start: `${day}14:00:00.000Z`,
      chairId: chair1,
    });
    const b = await book(desk, {
      patientId: second.body.id,
      type: 'follow_up',
      start: `${day}15:00:00.000Z`,
      chairId: chair2,
      clinicianId: c.users.nurse.id,
    });
    const d = await book(desk, {
      patientId: c.patientId,
      type: 'dosing',
      start: `${day}16:00:00.000Z`,
      chairId: chair1,
    });
    const x = await book(desk, {
      patientId: c.patientId,
      type: 'follow_up',
      start: `${day}18:00:00.000Z`,
      chairId: chair2,
    });
    for (const r of [a, b, d, x]) expect(r.status, r.text).toBe(201);
    await desk.post(`/api/v1/appointments/${x.body.id}/cancel`, { reason: 'Patient called' });

    const list = (q: string) => desk.get(`/api/v1/appointments?${q}`);
    const whole = `from=${day}00:00:00.000Z&to=2030-01-09T00:00:00.000Z`;
    const all = await list(whole);
    expect(all.status, all.text).toBe(200);
    expect(ids(all)).toEqual([a.body.id, b.body.id, d.body.id]);
    expect(all.body.items[1]).toMatchObject({
      patientId: second.body.id,
      patientName: 'Quinn Testcase',
      chairId: chair2,
      chairName: 'Chair 2',
      clinicianId: c.users.nurse.id,
      type: 'follow_up',
      typeLabel: 'Follow-up',
      status: 'booked',
      start: `${day}15:00:00.000Z`,
      end: `${day}15:30:00.000Z`,
      planState: null,
      confirmation: null,
    });
    expect(all.body.items[2]).toMatchObject({ type: 'dosing', planState: 'none', durationMin: 120 });
    expect(ids(await list(`${whole}&status=all`))).toEqual([a.body.id, b.body.id, d.body.id, x.body.id]);
    expect(ids(await list(`${whole}&chairId=${chair1}`))).toEqual([a.body.id, d.body.id]);
    expect(ids(await list(`${whole}&clinicianId=${c.users.nurse.id}`))).toEqual([b.body.id]);
    expect(ids(await list(`${whole}&patientId=${second.body.id}`))).toEqual([b.body.id]);
    expect(ids(await list(`patientId=${c.patientId}&status=all`))).toEqual([a.body.id, d.body.id, x.body.id]);
    // Overlap: [start, end) meets [from, to). a runs 14:00–14:30.
    expect(ids(await list(`from=${day}14:29:00.000Z&to=${day}14:31:00.000Z`))).toEqual([a.body.id]);
    expect(ids(await list(`from=${day}14:30:00.000Z&to=${day}15:00:00.000Z`))).toEqual([]);
    expect(ids(await list(`from=${day}13:00:00.000Z&to=${day}14:00:00.000Z`))).toEqual([]);
    expect(ids(await list(`from=${day}17:59:00.000Z&to=${day}18:01:00.000Z`))).toEqual([d.body.id]);

    // The list is audited as one query; filtered by a patient it names them.
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select(['patient_id'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'appointment')
      .where('action', '=', 'query')
      .execute();
    expect(audit.some((e) => e.patient_id === second.body.id)).toBe(true);

    // A pending plan shows as such; once approved, approved.
    const protocols = await protocolIds(prescriber);
    const plan = await prescriber.post(`/api/v1/patients/${c.patientId}/plans`, {
      protocolId: protocols.iv,
      indications: ['trd'],
      plannedSessions: 6,
    });
    expect(plan.status, plan.text).toBe(201);
    const withPlan = await book(desk, {
      patientId: c.patientId,
      type: 'dosing',
      start: '2030-01-10T15:00:00.000Z',
      planId: plan.body.id,
    });
    expect(withPlan.status, withPlan.text).toBe(201);
    expect(withPlan.body).toMatchObject({ planState: 'pending', planId: plan.body.id });
    // Approved (written directly: approval's own preconditions are the plans module's tests).
    await h.database.db
      .updateTable('plan_treatment_plans')
      .set({ status: 'approved' })
      .where('id', '=', plan.body.id)
      .execute();
    expect((await desk.get(`/api/v1/appointments/${withPlan.body.id}`)).body.planState).toBe('approved');
  });

  it('flags times outside opening hours and the clinician’s hours, and books them anyway', async () => {
    const c = await h.newClinic();
    const desk = await c.login('front_desk');
    await h.database.db
      .updateTable('clinics')
      .set({
        settings: toJson({
          mfaRequiredRoles: [],
          openingHours: [{ weekday: 2, start: '08:00', end: '18:00' }],
        }),
      })
      .where('id', '=', c.clinicId)
      .execute();
    await h.database.db
      .insertInto('clinician_hours')
      .values({
        clinic_id: c.clinicId,
        user_id: c.users.nurse.id,
        weekday: 2,
        start_time: '09:00',
        end_time: '12:00',
      })
      .execute();
    const inside = await book(desk, {
      patientId: c.patientId,
      type: 'follow_up',
      start: '2030-01-08T14:00:00.000Z', // Tuesday 09:00 New York
      clinicianId: c.users.nurse.id,
    });
    expect(inside.status, inside.text).toBe(201);
    expect(inside.body.flags).toEqual([]);
    const evening = await book(desk, {
      patientId: c.patientId,
      type: 'follow_up',
      start: '2030-01-08T23:30:00.000Z', // Tuesday 18:30
      clinicianId: c.users.nurse.id,
    });
    expect(evening.status, evening.text).toBe(201);
    expect(evening.body.flags.map((f: { code: string }) => f.code)).toEqual([
      'outside_opening_hours',
      'outside_working_hours',
    ]);
    const listed = await desk.get(
      `/api/v1/appointments?from=2030-01-08T00:00:00.000Z&to=2030-01-09T06:00:00.000Z`,
    );
    expect(listed.body.items.map((i: { flags: unknown[] }) => i.flags.length)).toEqual([0, 2]);
  });

  it('keeps the history in sentences with times in the clinic’s zone, and records no-shows once started', async () => {
    const c = await h.newClinic();
    let desk = await c.login('front_desk');
    const start = new Date(h.clock.now().getTime() + 3_600_000);
    start.setUTCSeconds(0, 0);
    const r = await book(desk, { patientId: c.patientId, type: 'follow_up', start: start.toISOString() });
    expect(r.status).toBe(201);
    const early = await desk.post(`/api/v1/appointments/${r.body.id}/no-show`, {});
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('precondition_failed');

    const moved = await desk.post(`/api/v1/appointments/${r.body.id}/reschedule`, {
      start: plus(start.toISOString(), 60),
      reason: 'Patient asked',
    });
    expect(moved.status, moved.text).toBe(200);
    h.clock.advance(3 * 3_600_000);
    desk = await c.login('front_desk');
    const noShow = await desk.post(`/api/v1/appointments/${r.body.id}/no-show`, {
      note: 'No answer by phone',
    });
    expect(noShow.status, noShow.text).toBe(200);
    expect(noShow.body).toMatchObject({ status: 'no_show', statusReason: 'No answer by phone' });
    expect((await desk.post(`/api/v1/appointments/${r.body.id}/no-show`, {})).status).toBe(409);
    expect((await desk.post(`/api/v1/appointments/${r.body.id}/cancel`, { reason: 'late' })).status).toBe(
      409,
    );

    const history = await desk.get(`/api/v1/appointments/${r.body.id}/history`);
    expect(history.status).toBe(200);
    const fmt = (iso: string) =>
      new Intl.DateTimeFormat('sv-SE', {
        timeZone: 'America/New_York',
        dateStyle: 'short',
        timeStyle: 'short',
      }).format(new Date(iso));
    const t0 = start.toISOString();
    expect(history.body.items.map((e: { action: string; summary: string }) => [e.action, e.summary])).toEqual(
      [
        ['booked', `Booked for ${fmt(t0)}–${fmt(plus(t0, 30)).slice(11)}`],
        ['rescheduled', `Rescheduled from ${fmt(t0)} to ${fmt(plus(t0, 60))}: Patient asked`],
        ['no_show', 'Marked as a no-show: No answer by phone'],
      ],
    );
    const names = new Set(history.body.items.map((e: { byName: string }) => e.byName));
    expect(names.size).toBe(1);
    expect([...names][0]).toMatch(/^front_desk \d+$/);
  });

  it('lists the appointment types with the clinic’s changes; an admin changes one, audited', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const desk = await c.login('front_desk');
    const list = await desk.get('/api/v1/appointment-types');
    expect(list.status).toBe(200);
    expect(list.body.items.map((t: { type: string }) => t.type)).toEqual([
      'consultation',
      'dosing',
      'integration',
      'therapy',
      'follow_up',
      'assessment',
    ]);
    expect(list.body.items.every((t: { isDefault: boolean }) => t.isDefault)).toBe(true);
    expect(
      (await desk.request('PATCH', '/api/v1/appointment-types/follow_up', { durationMin: 20 })).status,
    ).toBe(403);
    const bad = await admin.request('PATCH', '/api/v1/appointment-types/follow_up', { bufferMin: -5 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('body.bufferMin');
    const changed = await admin.request('PATCH', '/api/v1/appointment-types/follow_up', {
      durationMin: 20,
      bufferMin: 5,
    });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({
      type: 'follow_up',
      durationMin: 20,
      bufferMin: 5,
      label: 'Follow-up',
      isDefault: false,
    });
    const after = await desk.get('/api/v1/appointment-types');
    expect(after.body.items.find((t: { type: string }) => t.type === 'follow_up')).toMatchObject({
      durationMin: 20,
      isDefault: false,
    });
    const booked = await book(desk, {
      patientId: c.patientId,
      type: 'follow_up',
      start: '2030-01-08T15:00:00.000Z',
    });
    expect(booked.body).toMatchObject({ durationMin: 20, heldUntil: '2030-01-08T15:25:00.000Z' });
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select('resource_id')
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'appointment_type')
      .execute();
    expect(audit).toEqual([{ resource_id: 'follow_up' }]);
  });
});
