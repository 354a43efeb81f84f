import { toJson } from '@plasticity/db';
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';
import { hoursFromNow, insertChair } from './test-fixtures.ts';

const THERAPY = {
  label: 'Therapy session',
  durationMin: 50,
  chairKind: 'therapy_room',
  roles: ['therapist'],
  bufferMin: 10,
  selfBookable: true,
  cancelNoticeHours: 48,
} as const;

describe.each(testBackends())('portal slots (staff) on %s', (backend) => {
  const h = useTestApp(backend);

  it('opens self-bookable slots only, lists and withdraws them; 404 for another clinic', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const start = hoursFromNow(h, 24);
    const dosing = await nurse.post('/api/v1/appointment-slots', {
      type: 'dosing',
      start: start.toISOString(),
    });
    expect(dosing.status).toBe(400);
    expect(dosing.body.error.details[0].field).toBe('body.type');
    const therapy = await nurse.post('/api/v1/appointment-slots', {
      type: 'therapy',
      start: start.toISOString(),
    });
    expect(therapy.body.error.details[0].field).toBe('body.type');
    const past = await nurse.post('/api/v1/appointment-slots', {
      type: 'follow_up',
      start: hoursFromNow(h, -2).toISOString(),
    });
    expect(past.body.error.details[0].field).toBe('body.start');
    const other = await h.newClinic();
    const foreignChair = await insertChair(h, other, 'Chair 1');
    const badChair = await nurse.post('/api/v1/appointment-slots', {
      type: 'follow_up',
      start: start.toISOString(),
      chairId: foreignChair,
    });
    expect(badChair.body.error.details[0].field).toBe('body.chairId');
    const badClinician = await nurse.post('/api/v1/appointment-slots', {
      type: 'follow_up',
      start: start.toISOString(),
      clinicianId: c.users.patient.id,
    });
    expect(badClinician.body.error.details[0].field).toBe('body.clinicianId');
    // An integration session is run by a therapist in a therapy room.
    const nurseRuns = await nurse.post('/api/v1/appointment-slots', {
      type: 'integration',
      start: start.toISOString(),
      clinicianId: c.users.nurse.id,
    });
    expect(nurseRuns.body.error.details[0]).toMatchObject({ field: 'body.clinicianId' });
    expect(nurseRuns.body.error.details[0].message).toContain('integration session');
    const infusion = await nurse.post('/api/v1/appointment-slots', {
      type: 'integration',
      start: start.toISOString(),
      chairId: await insertChair(h, c, 'Chair 9'),
    });
    expect(infusion.body.error.details[0].field).toBe('body.chairId');
    expect(
      await h.database.db
        .selectFrom('appointment_slots')
        .select('id')
        .where('clinic_id', '=', c.clinicId)
        .execute(),
    ).toEqual([]);

    // A clinic may turn self-booking on for another type.
    await h.database.db
      .insertInto('appointment_types')
      .values({
        clinic_id: c.clinicId,
        type: 'therapy',
        settings: toJson({ ...THERAPY, roles: [...THERAPY.roles] }),
      })
      .execute();
    const made = await nurse.post('/api/v1/appointment-slots', {
      type: 'therapy',
      start: start.toISOString(),
      durationMin: 45,
    });
    expect(made.status).toBe(201);
    expect(made.body.items[0]).toMatchObject({
      type: 'therapy',
      start: start.toISOString(),
      end: new Date(start.getTime() + 45 * 60_000).toISOString(),
    });
    const followUp = await nurse.post('/api/v1/appointment-slots', {
      type: 'follow_up',
      start: hoursFromNow(h, 200).toISOString(),
    });
    const id = made.body.items[0].id;
    const listed = await nurse.get('/api/v1/appointment-slots');
    expect(listed.body.items.map((s: { id: string }) => s.id)).toEqual([id, followUp.body.items[0].id]);
    const window = await nurse.get(
      `/api/v1/appointment-slots?from=${hoursFromNow(h, 100).toISOString()}&to=${hoursFromNow(h, 300).toISOString()}`,
    );
    expect(window.body.items.map((s: { id: string }) => s.id)).toEqual([followUp.body.items[0].id]);
    const backwards = await nurse.get(
      `/api/v1/appointment-slots?from=${hoursFromNow(h, 100).toISOString()}&to=${hoursFromNow(h, 1).toISOString()}`,
    );
    expect(backwards.body.error.details[0].field).toBe('querystring.to');

    expect((await (await other.login('admin')).post(`/api/v1/appointment-slots/${id}/withdraw`)).status).toBe(
      404,
    );
    const withdrawn = await nurse.post(`/api/v1/appointment-slots/${id}/withdraw`);
    expect(withdrawn.status).toBe(200);
    expect((await nurse.post(`/api/v1/appointment-slots/${id}/withdraw`)).status).toBe(200);
    expect((await nurse.get('/api/v1/appointment-slots')).body.items).toHaveLength(1);
    const patient = await c.login('patient');
    expect((await patient.post(`/api/v1/portal/slots/${id}/book`)).status).toBe(404);

    const booked = await patient.post(`/api/v1/portal/slots/${followUp.body.items[0].id}/book`);
    expect(booked.status).toBe(201);
    const refused = await nurse.post(`/api/v1/appointment-slots/${followUp.body.items[0].id}/withdraw`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('precondition_failed');
  });

  it('keeps staff routes from patients and the portal from staff', async () => {
    const c = await h.newClinic();
    const patient = await c.login('patient');
    const start = hoursFromNow(h, 24).toISOString();
    expect((await patient.post('/api/v1/appointment-slots', { type: 'follow_up', start })).status).toBe(403);
    expect((await patient.get('/api/v1/appointment-slots')).status).toBe(403);
    const slot = (
      await (await c.login('therapist')).post('/api/v1/appointment-slots', { type: 'follow_up', start })
    ).body.items[0];
    expect((await patient.post(`/api/v1/appointment-slots/${slot.id}/withdraw`)).status).toBe(403);
    const nurse = await c.login('nurse');
    expect((await nurse.get('/api/v1/portal/appointments')).status).toBe(403);
    expect((await nurse.get('/api/v1/portal/slots')).status).toBe(403);
    expect((await nurse.post(`/api/v1/portal/slots/${slot.id}/book`)).status).toBe(403);
    const other = await h.newClinic();
    expect((await (await other.login('patient')).post(`/api/v1/portal/slots/${slot.id}/book`)).status).toBe(
      404,
    );
  });
});
