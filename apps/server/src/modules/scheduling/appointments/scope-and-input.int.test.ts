/**
 * Another clinic's patient, chair, clinician or appointment answers 404 (reading, cancelling, checking in,
 * booking with their ids); bad input answers 400 naming the field and writes nothing.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';
import { book, countAppointments, makeChair, slot } from './test/fixtures.ts';

describe.each(testBackends())('appointments are the clinic’s own on %s', (backend) => {
  const h = useTestApp(backend);

  it('answers 404 for another clinic’s patient, chair, clinician and appointment', async () => {
    const c = await h.newClinic();
    const other = await h.newClinic();
    const desk = await c.login('front_desk');
    const theirDesk = await other.login('front_desk');
    const theirChair = await makeChair(h, other, 'Chair 1');
    const theirs = await book(theirDesk, {
      patientId: other.patientId,
      type: 'follow_up',
      start: slot(h, 2, 15),
    });
    expect(theirs.status).toBe(201);
    const start = slot(h, 2, 15);

    const patient = await book(desk, { patientId: other.patientId, type: 'follow_up', start });
    expect(patient.status).toBe(404);
    expect(patient.body.error.details[0].field).toBe('body.patientId');
    const chair = await book(desk, { patientId: c.patientId, type: 'follow_up', start, chairId: theirChair });
    expect(chair.status).toBe(404);
    expect(chair.body.error.details[0].field).toBe('body.chairId');
    const clinician = await book(desk, {
      patientId: c.patientId,
      type: 'follow_up',
      start,
      clinicianId: other.users.nurse.id,
    });
    expect(clinician.status).toBe(404);
    expect(clinician.body.error.details[0].field).toBe('body.clinicianId');

    const id = theirs.body.id;
    expect((await desk.get(`/api/v1/appointments/${id}`)).status).toBe(404);
    expect((await desk.get(`/api/v1/appointments/${id}/history`)).status).toBe(404);
    expect((await desk.post(`/api/v1/appointments/${id}/cancel`, { reason: 'not ours' })).status).toBe(404);
    expect((await desk.post(`/api/v1/appointments/${id}/check-in`)).status).toBe(404);
    expect((await desk.post(`/api/v1/appointments/${id}/reschedule`, { start })).status).toBe(404);
    expect((await desk.post(`/api/v1/appointments/${id}/no-show`, {})).status).toBe(404);
    // Their list stays theirs, filtered or not.
    const mine = await desk.get(`/api/v1/appointments?from=${slot(h, 0, 0)}&to=${slot(h, 7, 0)}`);
    expect(mine.body.items).toEqual([]);
    const byPatient = await desk.get(`/api/v1/appointments?patientId=${other.patientId}`);
    expect(byPatient.status).toBe(200);
    expect(byPatient.body.items).toEqual([]);
    expect((await theirDesk.get(`/api/v1/appointments/${id}`)).body.status).toBe('booked');
    expect(await countAppointments(h, c)).toBe(0);
  });

  it('refuses bad input naming the field, writing nothing', async () => {
    const c = await h.newClinic();
    const desk = await c.login('front_desk');
    const start = slot(h, 2, 15);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ patientId: c.patientId, type: 'x', start }, 'body.type'],
      [{ patientId: c.patientId, type: 'follow_up', start: 'tomorrow at ten' }, 'body.start'],
      [{ patientId: c.patientId, type: 'follow_up', start: '2030-01-08T10:00:00' }, 'body.start'],
      [{ patientId: c.patientId, type: 'follow_up', start, durationMin: 0 }, 'body.durationMin'],
      [{ patientId: 'nobody', type: 'follow_up', start }, 'body.patientId'],
      [{ patientId: c.patientId, type: 'follow_up', start, color: 'red' }, 'body'],
      [{ patientId: c.patientId, type: 'dosing', start, protocolId: 'no-such-protocol' }, 'body.protocolId'],
      [
        { patientId: c.patientId, type: 'dosing', start, planId: '00000000-0000-4000-8000-000000000000' },
        'body.planId',
      ],
    ];
    for (const [body, field] of cases) {
      const r = await book(desk, body);
      expect(r.status, `${JSON.stringify(body)} → ${r.text}`).toBe(400);
      expect(r.body.error.code).toBe('validation_failed');
      expect(r.body.error.details.map((d: { field: string }) => d.field).join(' ')).toContain(field);
    }

    // A chair of the wrong kind or out of use, a clinician whose role may not run the type.
    const therapyRoom = await makeChair(h, c, 'Room A', 'therapy_room');
    const spravato = await book(desk, {
      patientId: c.patientId,
      type: 'dosing',
      start,
      chairId: therapyRoom,
      protocolId: 'default-intranasal-esketamine-trd',
    });
    expect(spravato.status).toBe(400);
    expect(spravato.body.error.details[0].field).toBe('body.chairId');
    const retired = await makeChair(h, c, 'Old chair');
    await h.database.db.updateTable('chairs').set({ active: false }).where('id', '=', retired).execute();
    const inactive = await book(desk, { patientId: c.patientId, type: 'follow_up', start, chairId: retired });
    expect(inactive.status).toBe(400);
    expect(inactive.body.error.details[0].field).toBe('body.chairId');
    const role = await book(desk, {
      patientId: c.patientId,
      type: 'consultation',
      start,
      clinicianId: c.users.therapist.id,
    });
    expect(role.status).toBe(400);
    expect(role.body.error.details[0]).toMatchObject({ field: 'body.clinicianId' });
    const frontDesk = await book(desk, {
      patientId: c.patientId,
      type: 'follow_up',
      start,
      clinicianId: c.users.front_desk.id,
    });
    expect(frontDesk.status).toBe(400);

    // The list: a window is needed, `to` after `from`, at most 62 days unless for one patient.
    const from = slot(h, 0, 0);
    const noWindow = await desk.get('/api/v1/appointments');
    expect(noWindow.status).toBe(400);
    expect(noWindow.body.error.details[0].field).toBe('querystring.from');
    const backwards = await desk.get(`/api/v1/appointments?from=${from}&to=${from}`);
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details[0].field).toBe('querystring.to');
    const tooLong = await desk.get(`/api/v1/appointments?from=${from}&to=${slot(h, 63, 0)}`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details[0].field).toBe('querystring.to');
    const notInstant = await desk.get('/api/v1/appointments?from=monday&to=friday');
    expect(notInstant.status).toBe(400);
    expect(notInstant.body.error.details[0].field).toBe('querystring.from');
    const longForPatient = await desk.get(
      `/api/v1/appointments?patientId=${c.patientId}&from=${from}&to=${slot(h, 400, 0)}`,
    );
    expect(longForPatient.status).toBe(200);

    expect(await countAppointments(h, c)).toBe(0);
    const events = await h.database.db
      .selectFrom('appointment_events')
      .select('id')
      .where('clinic_id', '=', c.clinicId)
      .execute();
    expect(events).toEqual([]);
  });

  it('lets a therapist book their own kinds of visit only; a patient may not book', async () => {
    const c = await h.newClinic();
    const therapist = await c.login('therapist');
    const start = slot(h, 2, 15);
    const room = await makeChair(h, c, 'Room 1', 'therapy_room');
    const own = await book(therapist, {
      patientId: c.patientId,
      type: 'integration',
      start,
      chairId: room,
      clinicianId: c.users.therapist.id,
    });
    expect(own.status, own.text).toBe(201);
    expect(
      (await book(therapist, { patientId: c.patientId, type: 'dosing', start: slot(h, 3, 15) })).status,
    ).toBe(403);
    const patient = await c.login('patient');
    expect(
      (await book(patient, { patientId: c.patientId, type: 'follow_up', start: slot(h, 4, 15) })).status,
    ).toBe(403);
  });
});
