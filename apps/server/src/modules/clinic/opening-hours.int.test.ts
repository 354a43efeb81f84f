/**
 * The clinic's opening hours live in clinic settings: the product default (Monday to Friday 08:00–18:00,
 * Saturday 09:00–13:00) until an admin sets them; intervals overlapping on a weekday or ending before they
 * start are refused naming the interval, and nothing changes; other settings survive the change.
 */
import { DEFAULT_OPENING_HOURS } from '@plasticity/contracts';
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';
import { readClinicSettings } from './settings-store.ts';

describe.each(testBackends())('opening hours on %s', (backend) => {
  const h = useTestApp(backend);

  it('reads the default, stores the admin’s hours, refuses overlaps naming the interval', async () => {
    const c = await h.newClinic({ settings: { sessions: { boardClosedVisibleMin: 45 } } });
    const admin = await c.login('admin');
    const first = await admin.get('/api/v1/clinic/settings');
    expect(first.body.openingHours).toEqual([
      { weekday: 1, start: '08:00', end: '18:00' },
      { weekday: 2, start: '08:00', end: '18:00' },
      { weekday: 3, start: '08:00', end: '18:00' },
      { weekday: 4, start: '08:00', end: '18:00' },
      { weekday: 5, start: '08:00', end: '18:00' },
      { weekday: 6, start: '09:00', end: '13:00' },
    ]);
    expect(first.body.openingHours).toEqual(DEFAULT_OPENING_HOURS);

    const hours = [
      { weekday: 2, start: '07:30', end: '12:00' },
      { weekday: 2, start: '13:00', end: '19:00' },
      { weekday: 4, start: '12:00', end: '20:00' },
    ];
    const r = await admin.patch('/api/v1/clinic/settings', { openingHours: hours });
    expect(r.status).toBe(200);
    expect(r.body.openingHours).toEqual(hours);
    const stored = await readClinicSettings(h.database.db, c.clinicId);
    expect(stored.openingHours).toEqual(hours);
    expect(stored.sessions.boardClosedVisibleMin).toBe(45);

    for (const [bad, field] of [
      [[...hours, { weekday: 2, start: '11:00', end: '13:30' }], 'body.openingHours[3]'],
      [[{ weekday: 1, start: '12:00', end: '09:00' }], 'body.openingHours[0].end'],
      [[{ weekday: 8, start: '09:00', end: '12:00' }], 'body.openingHours[0].weekday'],
    ] as const) {
      const refused = await admin.patch('/api/v1/clinic/settings', { openingHours: bad });
      expect(refused.status).toBe(400);
      expect(refused.body.error.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    // Closed every day is allowed; nothing above changed the stored hours.
    expect((await admin.get('/api/v1/clinic/settings')).body.openingHours).toEqual(hours);
    const closed = await admin.patch('/api/v1/clinic/settings', { openingHours: [] });
    expect(closed.body.openingHours).toEqual([]);
    expect(
      (await (await c.login('nurse')).patch('/api/v1/clinic/settings', { openingHours: hours })).status,
    ).toBe(403);
  });

  it('reads a malformed stored value as the default', async () => {
    const c = await h.newClinic({ settings: { openingHours: [{ weekday: 1, start: 'noon' }] } });
    expect((await readClinicSettings(h.database.db, c.clinicId)).openingHours).toEqual(DEFAULT_OPENING_HOURS);
  });
});
