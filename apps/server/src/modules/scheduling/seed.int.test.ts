/**
 * The demo clinic's schedule: chairs and rooms (at least four infusion chairs and a Spravato room), the
 * clinicians' weekly hours, and a week of appointments with today's included, each holding its chair until
 * its end plus the buffer, with its 'booked' history entry; the sessions seeded in chairs 1–3 are linked to
 * the chair records and to their checked-in appointment. Seeded at the test's time and at 00:20 on a Sunday
 * (the clinic's zone), so the seed holds whatever the hour the demo starts.
 */
import { instantToLocal, localToInstant } from '@plasticity/clinical/scheduling';
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { DEMO_CLINIC, DEMO_PASSWORD, seedDemo } from '../../seed/demo.ts';
import { Client, useTestApp } from '../../test/harness.ts';
import { plansModule } from '../plans/index.ts';
import { sessionsModule } from '../sessions/index.ts';
import { schedulingModule } from './index.ts';

const TZ = DEMO_CLINIC.timeZone;
const START_TIMES: Array<[string, number | null]> = [
  ['now', null],
  ['a Sunday at 00:20', localToInstant('2027-03-14', '00:20', TZ).getTime()],
];

// The demo clinic has fixed logins, so seed it only on the embedded database (a fresh one per file and
// block); on the shared PostgreSQL schema another file's demo seed would collide on the emails.
describe.each(testBackends().filter((b) => b === 'pglite'))('scheduling demo data on %s', (backend) => {
  describe.each(START_TIMES)('seeded %s', (_, at) => {
    const h = useTestApp(backend);

    it('has chairs, clinicians’ hours and a week of appointments, today’s included', async () => {
      if (at !== null) h.clock.advance(at - h.clock.now().getTime());
      const info = await seedDemo(h.built.ctx, [plansModule, sessionsModule, schedulingModule]);
      const db = h.database.db;
      const admin = new Client(h.app);
      expect((await admin.login('admin@freshstart.example', DEMO_PASSWORD)).status).toBe(200);

      const chairs = (await admin.get('/api/v1/chairs')).body.items as Array<{ name: string; kind: string }>;
      expect(chairs.filter((c) => c.kind === 'infusion_chair').map((c) => c.name)).toEqual([
        'Chair 1',
        'Chair 2',
        'Chair 3',
        'Chair 4',
      ]);
      expect(chairs.filter((c) => c.kind === 'spravato_room')).toHaveLength(1);
      expect(chairs.filter((c) => c.kind === 'therapy_room')).toHaveLength(2);

      const clinicians = (await admin.get('/api/v1/clinicians')).body.items as Array<{
        roles: string[];
        weekly: unknown[];
      }>;
      expect(clinicians.map((c) => c.roles[0]).sort()).toEqual(['nurse', 'prescriber', 'therapist']);
      for (const c of clinicians) expect(c.weekly.length).toBeGreaterThanOrEqual(5);

      const rows = await db
        .selectFrom('appointments')
        .selectAll()
        .where('clinic_id', '=', info.clinicId)
        .orderBy('start_at')
        .execute();
      const today = instantToLocal(h.clock.now(), TZ).date;
      const todays = rows.filter((r) => instantToLocal(new Date(r.start_at), TZ).date === today);
      expect(todays.filter((r) => r.type === 'dosing').length).toBeGreaterThanOrEqual(3);
      expect(new Set(rows.map((r) => r.type))).toEqual(
        new Set(['dosing', 'integration', 'therapy', 'consultation', 'follow_up', 'assessment']),
      );
      expect(rows.filter((r) => r.status === 'cancelled')).toHaveLength(1);
      const days = new Set(rows.map((r) => instantToLocal(new Date(r.start_at), TZ).date));
      expect(days.size).toBeGreaterThanOrEqual(5);
      const byId = new Map(chairs.map((c) => [(c as { id?: string }).id, c]));
      for (const r of rows) {
        const held = new Date(r.held_until).getTime() - new Date(r.end_at).getTime();
        expect(held).toBe(
          (r.type === 'dosing' ? 15 : r.type === 'integration' || r.type === 'therapy' ? 10 : 0) * 60_000,
        );
        if (r.type === 'dosing') {
          const minutes = (new Date(r.end_at).getTime() - new Date(r.start_at).getTime()) / 60_000;
          expect(minutes).toBeGreaterThanOrEqual(110);
          expect(r.clinician_id === null ? r.session_id : r.clinician_id).not.toBeNull();
          expect(byId.get(r.chair_id ?? undefined)?.kind).toMatch(/infusion_chair|spravato_room/);
        }
        if (r.type === 'integration' || r.type === 'therapy')
          expect(byId.get(r.chair_id ?? undefined)?.kind).toBe('therapy_room');
      }
      const spravato = rows.find((r) => r.patient_id === info.patientIds.p4 && r.type === 'dosing');
      expect(
        (new Date(spravato?.end_at ?? 0).getTime() - new Date(spravato?.start_at ?? 0).getTime()) / 60_000,
      ).toBeGreaterThanOrEqual(135);
      const booked = await db
        .selectFrom('appointment_events')
        .select('appointment_id')
        .where('clinic_id', '=', info.clinicId)
        .where('action', '=', 'booked')
        .execute();
      expect(new Set(booked.map((e) => e.appointment_id))).toEqual(new Set(rows.map((r) => r.id)));

      const sessions = await db
        .selectFrom('dosing_sessions as s')
        .leftJoin('chairs as c', 'c.id', 's.chair_id')
        .leftJoin('appointments as a', 'a.id', 's.appointment_id')
        .select(['s.chair', 'c.name', 'a.status', 'a.session_id', 's.id'])
        .where('s.clinic_id', '=', info.clinicId)
        .orderBy('s.chair')
        .execute();
      expect(sessions.map((s) => [s.chair, s.name, s.status])).toEqual([
        ['1', 'Chair 1', 'checked_in'],
        ['2', 'Chair 2', 'checked_in'],
        ['3', 'Chair 3', 'checked_in'],
      ]);
      for (const s of sessions) expect(s.session_id).toBe(s.id);

      const nurse = new Client(h.app);
      await nurse.login('nurse@freshstart.example', DEMO_PASSWORD);
      const board = (await nurse.get('/api/v1/board')).body;
      expect(board.chairs.map((c: { name: string }) => c.name).slice(0, 5)).toEqual([
        'Chair 1',
        'Chair 2',
        'Chair 3',
        'Chair 4',
        'Spravato Room',
      ]);
      expect(board.sessions.every((s: { chairId: string | null }) => s.chairId !== null)).toBe(true);
    });
  });
});
