/**
 * The board from the schedule: the clinic's active chairs (sort order, natural name order), each with
 * today's booked dosing appointments not yet checked in (today = the clinic's calendar day in its zone),
 * with the patient's name and the plan's state; appointments holding no active chair listed apart; each
 * session with its chair record. Appointments are written directly (booking has its own tests).
 */
import { zonedInstant } from '@plasticity/clinical/time-format';
import type { AppointmentStatus, AppointmentTypeKey } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { clinicDate } from '../../../platform/time-format.ts';
import { useTestApp, validPatient } from '../../../test/harness.ts';
import { protocolIds } from '../../plans/test-fixtures.ts';
import { newSession } from '../test/fixtures.ts';

const TZ = 'America/Los_Angeles';
const addDays = (date: string, n: number): string => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

describe.each(testBackends())('board from the schedule on %s', (backend) => {
  const h = useTestApp(backend);

  it('lists active chairs with today’s booked dosing appointments, and sessions with their chair record', async () => {
    const c = await h.newClinic();
    await h.database.db.updateTable('clinics').set({ time_zone: TZ }).where('id', '=', c.clinicId).execute();
    const admin = await c.login('admin');
    const nurse = await c.login('nurse');
    const mk = async (name: string, kind: string, sortOrder = 0) =>
      (await admin.post('/api/v1/chairs', { name, kind, sortOrder })).body.id as string;
    const chair10 = await mk('Chair 10', 'infusion_chair');
    const chair2 = await mk('Chair 2', 'infusion_chair');
    const room = await mk('Spravato Room', 'spravato_room', 5);
    const retired = await mk('Chair 7', 'infusion_chair');
    await admin.patch(`/api/v1/chairs/${retired}`, { active: false });

    const patient = async (firstName: string) =>
      (await nurse.post('/api/v1/patients', validPatient({ firstName, lastName: 'Board', email: undefined })))
        .body.id as string;
    const [ana, ben, cy, dee] = [
      await patient('Ana'),
      await patient('Ben'),
      await patient('Cy'),
      await patient('Dee'),
    ];
    const ids = await protocolIds(admin);
    const draft = await h.database.db
      .insertInto('plan_treatment_plans')
      .values({
        clinic_id: c.clinicId,
        patient_id: ben,
        protocol_id: ids.intranasal,
        protocol_version: 1,
        indications: toJson(['trd']),
        target_instruments: toJson([]),
        planned_sessions: 8,
        status: 'draft',
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    const today = clinicDate(h.clock.now(), TZ);
    const at = (date: string, time: string) => new Date(zonedInstant(date, time, TZ) as string);
    const book = async (
      patientId: string,
      chairId: string | null,
      date: string,
      time: string,
      over: { type?: AppointmentTypeKey; status?: AppointmentStatus; planId?: string } = {},
    ) => {
      const start = at(date, time);
      const end = new Date(start.getTime() + 110 * 60_000);
      const row = await h.database.db
        .insertInto('appointments')
        .values({
          clinic_id: c.clinicId,
          patient_id: patientId,
          type: over.type ?? 'dosing',
          status: over.status ?? 'booked',
          start_at: start,
          end_at: end,
          held_until: new Date(end.getTime() + 15 * 60_000),
          chair_id: chairId,
          plan_id: over.planId ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    };
    const late = await book(ana, chair2, today, '15:00');
    const early = await book(ben, chair2, today, '09:00', { planId: draft.id });
    const inRoom = await book(cy, room, today, '10:00');
    const noChair = await book(dee, null, today, '11:00');
    const inRetired = await book(cy, retired, today, '13:00');
    // Not listed: checked in, cancelled, another type, yesterday, tomorrow (clinic calendar days).
    await book(dee, chair10, today, '08:00', { status: 'checked_in' });
    await book(dee, chair10, today, '12:00', { status: 'cancelled' });
    await book(ana, chair10, today, '17:00', { type: 'integration' });
    await book(ana, chair10, addDays(today, -1), '23:30');
    await book(ana, chair10, addDays(today, 1), '00:15');

    const s = await newSession(h, c, nurse, undefined, 'chair 10');
    const board = await nurse.get('/api/v1/board');
    expect(board.status).toBe(200);
    expect(board.body.sessions.map((x: { id: string; chairId: string }) => [x.id, x.chairId])).toEqual([
      [s.id, chair10],
    ]);
    expect(board.body.chairs.map((x: { name: string; kind: string }) => [x.name, x.kind])).toEqual([
      ['Chair 2', 'infusion_chair'],
      ['Chair 10', 'infusion_chair'],
      ['Spravato Room', 'spravato_room'],
    ]);
    const [c2, c10, sp] = board.body.chairs;
    expect(c2.id).toBe(chair2);
    expect(c2.upcoming).toEqual([
      {
        id: early,
        patient: { id: ben, displayName: 'Ben Board' },
        start: at(today, '09:00').toISOString(),
        end: at(today, '10:50').toISOString(),
        planState: 'pending',
      },
      {
        id: late,
        patient: { id: ana, displayName: 'Ana Board' },
        start: at(today, '15:00').toISOString(),
        end: at(today, '16:50').toISOString(),
        planState: 'none',
      },
    ]);
    expect(c10.upcoming).toEqual([]);
    expect(sp.upcoming.map((x: { id: string }) => x.id)).toEqual([inRoom]);
    expect(board.body.upcomingWithoutChair.map((x: { id: string }) => x.id)).toEqual([noChair, inRetired]);
    // The patient's draft plan counts for appointments that name no plan; an approved one reads approved.
    await h.database.db
      .updateTable('plan_treatment_plans')
      .set({ patient_id: dee })
      .where('id', '=', draft.id)
      .execute();
    const again = await nurse.get('/api/v1/board');
    expect(again.body.upcomingWithoutChair[0]).toMatchObject({ id: noChair, planState: 'pending' });
    await h.database.db
      .updateTable('plan_treatment_plans')
      .set({ status: 'active' })
      .where('id', '=', draft.id)
      .execute();
    const third = await nurse.get('/api/v1/board');
    expect(third.body.upcomingWithoutChair[0]).toMatchObject({ id: noChair, planState: 'approved' });
    expect(third.body.chairs[0].upcoming[0]).toMatchObject({ id: early, planState: 'approved' });

    const other = await h.newClinic();
    const otherBoard = await (await other.login('nurse')).get('/api/v1/board');
    expect(otherBoard.body).toMatchObject({ sessions: [], chairs: [], upcomingWithoutChair: [] });
  });
});
