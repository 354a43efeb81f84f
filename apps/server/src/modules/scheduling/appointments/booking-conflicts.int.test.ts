/**
 * No chair and no clinician is double-booked, whatever the concurrency: the exclusion constraints decide and
 * the API answers 409 `conflict` naming the chair or clinician and the clashing appointment's time in the
 * clinic's zone. Back-to-back visits (end + buffer = next start) fit; a cancelled slot is free at once.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';
import { book, countAppointments, makeChair, plus, slot } from './test/fixtures.ts';

describe.each(testBackends())('booking conflicts on %s', (backend) => {
  const h = useTestApp(backend);

  it('50 parallel bookings of one chair and time: exactly one 201, 49 × 409 conflict, one row', async () => {
    const c = await h.newClinic();
    const desk = await c.login('front_desk');
    const chairId = await makeChair(h, c, 'Chair 2');
    const start = slot(h, 3, 15);
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        book(desk, { patientId: c.patientId, type: 'follow_up', start, chairId }),
      ),
    );
    const created = answers.filter((r) => r.status === 201);
    expect(created).toHaveLength(1);
    const refused = answers.filter((r) => r.status === 409);
    expect(refused).toHaveLength(49);
    for (const r of refused) expect(r.body.error.code).toBe('conflict');
    expect(await countAppointments(h, c)).toBe(1);
    // The clash is named: the chair by name, the time in the clinic's zone (New York, EST in December
    // or EDT otherwise — the test names whatever the clock says), and the appointment.
    const detail = refused[0]?.body.error.details[0];
    expect(detail).toMatchObject({ field: 'body.chairId', appointmentId: created[0]?.body.id });
    expect(detail.message).toMatch(/^Chair 2 is booked \d{4}-\d\d-\d\d \d\d:\d\d–\d\d:\d\d$/);
  });

  it('50 parallel bookings of one clinician across two chairs: one 201, 49 × 409 naming the clinician', async () => {
    const c = await h.newClinic();
    const desk = await c.login('front_desk');
    const chairs = [await makeChair(h, c, 'Chair 1'), await makeChair(h, c, 'Chair 3')];
    const start = slot(h, 3, 15);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        book(desk, {
          patientId: c.patientId,
          type: 'follow_up',
          start,
          chairId: chairs[i % 2],
          clinicianId: c.users.nurse.id,
        }),
      ),
    );
    expect(answers.filter((r) => r.status === 201)).toHaveLength(1);
    const refused = answers.filter((r) => r.status === 409);
    expect(refused).toHaveLength(49);
    const byClinician = refused.filter((r) => r.body.error.details[0].field === 'body.clinicianId');
    expect(byClinician.length).toBeGreaterThan(0);
    expect(byClinician[0]?.body.error.details[0].message).toMatch(/^nurse \d+ is booked /);
    expect(await countAppointments(h, c)).toBe(1);
  });

  it('names the clashing time in the clinic’s zone; overlapping times conflict, back-to-back with the buffer do not', async () => {
    const c = await h.newClinic();
    const desk = await c.login('front_desk');
    const chairId = await makeChair(h, c, 'Chair 2', 'therapy_room');
    // Therapy sessions: 50 minutes and a 10-minute buffer (product defaults).
    const start = '2030-01-08T15:00:00.000Z'; // 10:00 in New York (EST)
    const first = await book(desk, { patientId: c.patientId, type: 'therapy', start, chairId });
    expect(first.status, first.text).toBe(201);
    expect(first.body).toMatchObject({
      start,
      end: plus(start, 50),
      heldUntil: plus(start, 60),
      durationMin: 50,
    });

    const overlapping = await book(desk, {
      patientId: c.patientId,
      type: 'follow_up',
      start: plus(start, 30),
      chairId,
    });
    expect(overlapping.status).toBe(409);
    expect(overlapping.body.error.details).toEqual([
      {
        field: 'body.chairId',
        message: 'Chair 2 is booked 2030-01-08 10:00–10:50',
        appointmentId: first.body.id,
      },
    ]);
    expect(overlapping.body.error.message).toContain('Chair 2 is booked 2030-01-08 10:00–10:50');

    // Inside the buffer (the chair's turnover): refused too.
    const inBuffer = await book(desk, {
      patientId: c.patientId,
      type: 'follow_up',
      start: plus(start, 55),
      chairId,
    });
    expect(inBuffer.status).toBe(409);
    // Starting before and running into it.
    const before = await book(desk, {
      patientId: c.patientId,
      type: 'follow_up',
      start: plus(start, -20),
      chairId,
    });
    expect(before.status).toBe(409);

    // Back to back: end + buffer == next start, and a visit ending exactly at the first's start.
    const after = await book(desk, {
      patientId: c.patientId,
      type: 'follow_up',
      start: plus(start, 60),
      chairId,
    });
    expect(after.status, after.text).toBe(201);
    const earlier = await book(desk, {
      patientId: c.patientId,
      type: 'follow_up',
      start: plus(start, -30),
      chairId,
    });
    expect(earlier.status, earlier.text).toBe(201);
    expect(await countAppointments(h, c)).toBe(3);
  });

  it('frees a cancelled slot at once; a move into a taken slot is refused and changes nothing', async () => {
    const c = await h.newClinic();
    const desk = await c.login('front_desk');
    const chairId = await makeChair(h, c, 'Chair 4');
    const start = slot(h, 5, 14);
    const first = await book(desk, { patientId: c.patientId, type: 'follow_up', start, chairId });
    expect(first.status).toBe(201);
    expect((await book(desk, { patientId: c.patientId, type: 'follow_up', start, chairId })).status).toBe(
      409,
    );

    const cancelled = await desk.post(`/api/v1/appointments/${first.body.id}/cancel`, {
      reason: 'Patient has flu',
    });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.body).toMatchObject({
      id: first.body.id,
      status: 'cancelled',
      statusReason: 'Patient has flu',
    });
    const again = await book(desk, { patientId: c.patientId, type: 'follow_up', start, chairId });
    expect(again.status, again.text).toBe(201);

    // Another appointment later that day, moved into the taken slot: 409, nothing changed.
    const later = await book(desk, {
      patientId: c.patientId,
      type: 'follow_up',
      start: plus(start, 120),
      chairId,
    });
    expect(later.status).toBe(201);
    const moved = await desk.post(`/api/v1/appointments/${later.body.id}/reschedule`, {
      start: plus(start, 15),
    });
    expect(moved.status).toBe(409);
    expect(moved.body.error.code).toBe('conflict');
    expect(moved.body.error.details[0]).toMatchObject({
      field: 'body.chairId',
      appointmentId: again.body.id,
    });
    const unchanged = await desk.get(`/api/v1/appointments/${later.body.id}`);
    expect(unchanged.body).toMatchObject({ start: later.body.start, end: later.body.end, status: 'booked' });
    const events = await h.database.db
      .selectFrom('appointment_events')
      .select('action')
      .where('clinic_id', '=', c.clinicId)
      .where('appointment_id', '=', later.body.id)
      .execute();
    expect(events.map((e) => e.action)).toEqual(['booked']);

    // A move to a free time keeps the id and the length, and frees the old slot.
    const free = await desk.post(`/api/v1/appointments/${later.body.id}/reschedule`, {
      start: plus(start, 240),
      reason: 'patient asked',
    });
    expect(free.status, free.text).toBe(200);
    expect(free.body).toMatchObject({ id: later.body.id, start: plus(start, 240), end: plus(start, 270) });
    expect(
      (await book(desk, { patientId: c.patientId, type: 'follow_up', start: later.body.start, chairId }))
        .status,
    ).toBe(201);
  });
});
