/**
 * Clinicians' working hours: the clinic's active prescribers, nurses and therapists with their weekly hours
 * and current or future exceptions; admins replace the weekly hours (overlaps on one weekday refused, naming
 * the interval) and add or cancel leave and one-off hours (checked field by field). Another clinic's user
 * answers 404.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { clinicDate } from '../../../platform/time-format.ts';
import { useTestApp } from '../../../test/harness.ts';

const addDays = (date: string, n: number): string => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

const WEEK = [
  { weekday: 3, start: '13:00', end: '17:30' },
  { weekday: 1, start: '08:00', end: '12:00' },
  { weekday: 1, start: '12:00', end: '16:00' },
];

describe.each(testBackends())('clinicians’ hours on %s', (backend) => {
  const h = useTestApp(backend);

  it('lists clinicians with hours and exceptions; admins replace hours and add and cancel exceptions', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const nurseId = c.users.nurse.id;
    const list = await (await c.login('front_desk')).get('/api/v1/clinicians');
    expect(list.status).toBe(200);
    expect(list.body.items.map((x: { userId: string }) => x.userId).sort()).toEqual(
      [c.users.prescriber.id, c.users.nurse.id, c.users.therapist.id].sort(),
    );
    expect(list.body.items.find((x: { userId: string }) => x.userId === nurseId)).toEqual({
      userId: nurseId,
      displayName: expect.any(String),
      roles: ['nurse'],
      weekly: [],
      exceptions: [],
    });

    const set = await admin.request('PUT', `/api/v1/clinicians/${nurseId}/hours`, { weekly: WEEK });
    expect(set.status).toBe(200);
    expect(set.body.weekly).toEqual([WEEK[1], WEEK[2], WEEK[0]]);
    // Replacing keeps only the new rows.
    const again = await admin.request('PUT', `/api/v1/clinicians/${nurseId}/hours`, {
      weekly: [{ weekday: 5, start: '09:00', end: '24:00' }],
    });
    expect(again.body.weekly).toEqual([{ weekday: 5, start: '09:00', end: '24:00' }]);

    const today = clinicDate(h.clock.now(), 'America/New_York');
    const leave = await admin.post(`/api/v1/clinicians/${nurseId}/exceptions`, {
      kind: 'leave',
      fromDate: addDays(today, 3),
      toDate: addDays(today, 5),
      note: 'Conference',
    });
    expect(leave.status).toBe(201);
    expect(leave.body.exceptions).toEqual([
      {
        id: expect.any(String),
        kind: 'leave',
        fromDate: addDays(today, 3),
        toDate: addDays(today, 5),
        start: null,
        end: null,
        note: 'Conference',
      },
    ]);
    const oneOff = await admin.post(`/api/v1/clinicians/${nurseId}/exceptions`, {
      kind: 'hours',
      fromDate: addDays(today, 7),
      toDate: addDays(today, 7),
      start: '10:00',
      end: '14:00',
    });
    expect(oneOff.body.exceptions.map((e: { kind: string }) => e.kind)).toEqual(['leave', 'hours']);
    // Past exceptions are not listed.
    await admin.post(`/api/v1/clinicians/${nurseId}/exceptions`, {
      kind: 'leave',
      fromDate: addDays(today, -30),
      toDate: addDays(today, -20),
    });
    const leaveId = leave.body.exceptions[0].id;
    const cancelled = await admin.post(`/api/v1/clinicians/${nurseId}/exceptions/${leaveId}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.exceptions.map((e: { kind: string }) => e.kind)).toEqual(['hours']);
    expect((await admin.post(`/api/v1/clinicians/${nurseId}/exceptions/${leaveId}/cancel`)).status).toBe(409);
    const row = await h.database.db
      .selectFrom('clinician_exceptions')
      .select('cancelled_at')
      .where('clinic_id', '=', c.clinicId)
      .where('id', '=', leaveId)
      .executeTakeFirstOrThrow();
    expect(row.cancelled_at).not.toBeNull();

    const mine = (await (await c.login('therapist')).get('/api/v1/clinicians')).body.items.find(
      (x: { userId: string }) => x.userId === nurseId,
    );
    expect(mine.weekly).toEqual([{ weekday: 5, start: '09:00', end: '24:00' }]);
    expect(mine.exceptions).toHaveLength(1);
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select(['action', 'category'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'clinician_hours')
      .execute();
    expect(audit).toHaveLength(6);
    expect(new Set(audit.map((x) => x.category))).toEqual(new Set(['configuration']));
  });

  it('refuses overlaps, bad exceptions, non-admins, non-clinicians and another clinic’s user', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const id = c.users.prescriber.id;
    const put = (body: unknown) => admin.request('PUT', `/api/v1/clinicians/${id}/hours`, body);
    const fieldOf = (r: { body: { error: { details: Array<{ field: string }> } } }) =>
      r.body.error.details.map((d) => d.field);
    await put({ weekly: [{ weekday: 2, start: '09:00', end: '12:00' }] });
    const overlap = await put({
      weekly: [
        { weekday: 1, start: '08:00', end: '12:00' },
        { weekday: 2, start: '08:00', end: '12:00' },
        { weekday: 1, start: '11:00', end: '13:00' },
      ],
    });
    expect(overlap.status).toBe(400);
    expect(fieldOf(overlap)).toEqual(['body.weekly[2]']);
    const backwards = await put({ weekly: [{ weekday: 1, start: '12:00', end: '08:00' }] });
    expect(backwards.status).toBe(400);
    expect(fieldOf(backwards)).toEqual(['body.weekly[0].end']);
    const badTime = await put({ weekly: [{ weekday: 1, start: '8am', end: '12:00' }] });
    expect(fieldOf(badTime)).toContain('body.weekly[0].start');
    // Nothing changed.
    const list = (await admin.get('/api/v1/clinicians')).body.items;
    expect(list.find((x: { userId: string }) => x.userId === id).weekly).toEqual([
      { weekday: 2, start: '09:00', end: '12:00' },
    ]);

    const add = (body: unknown) => admin.post(`/api/v1/clinicians/${id}/exceptions`, body);
    const day = '2030-03-04';
    const cases: Array<[unknown, string]> = [
      [{ kind: 'hours', fromDate: day, toDate: day, end: '12:00' }, 'body.start'],
      [{ kind: 'hours', fromDate: day, toDate: day, start: '09:00' }, 'body.end'],
      [{ kind: 'hours', fromDate: day, toDate: day, start: '12:00', end: '09:00' }, 'body.end'],
      [{ kind: 'leave', fromDate: day, toDate: day, start: '09:00' }, 'body.start'],
      [{ kind: 'leave', fromDate: day, toDate: day, end: '09:00' }, 'body.end'],
      [{ kind: 'leave', fromDate: day, toDate: '2030-03-03' }, 'body.toDate'],
      [{ kind: 'holiday', fromDate: day, toDate: day }, 'body.kind'],
    ];
    for (const [body, field] of cases) {
      const r = await add(body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(fieldOf(r)).toContain(field);
    }
    const stored = await h.database.db
      .selectFrom('clinician_exceptions')
      .select('id')
      .where('clinic_id', '=', c.clinicId)
      .execute();
    expect(stored).toEqual([]);

    for (const role of ['prescriber', 'nurse', 'front_desk'] as const) {
      const u = await c.login(role);
      expect((await u.request('PUT', `/api/v1/clinicians/${id}/hours`, { weekly: [] })).status).toBe(403);
      expect(
        (await u.post(`/api/v1/clinicians/${id}/exceptions`, { kind: 'leave', fromDate: day, toDate: day }))
          .status,
      ).toBe(403);
    }
    expect((await c.anonymous().get('/api/v1/clinicians')).status).toBe(401);
    // Front desk and admins are not clinicians; a patient user neither.
    expect(
      (await admin.request('PUT', `/api/v1/clinicians/${c.users.front_desk.id}/hours`, { weekly: [] }))
        .status,
    ).toBe(404);
    const other = await h.newClinic();
    const otherAdmin = await other.login('admin');
    expect((await otherAdmin.request('PUT', `/api/v1/clinicians/${id}/hours`, { weekly: [] })).status).toBe(
      404,
    );
    expect(
      (
        await otherAdmin.post(`/api/v1/clinicians/${id}/exceptions`, {
          kind: 'leave',
          fromDate: day,
          toDate: day,
        })
      ).status,
    ).toBe(404);
    const ex = await add({ kind: 'leave', fromDate: day, toDate: day });
    const exId = ex.body.exceptions[0].id;
    expect((await otherAdmin.post(`/api/v1/clinicians/${id}/exceptions/${exId}/cancel`)).status).toBe(404);
    // Another clinician's exception id under this clinician's path.
    expect(
      (await admin.post(`/api/v1/clinicians/${c.users.nurse.id}/exceptions/${exId}/cancel`)).status,
    ).toBe(404);
    expect(
      (await otherAdmin.get('/api/v1/clinicians')).body.items.map((x: { userId: string }) => x.userId),
    ).not.toContain(id);
  });
});
