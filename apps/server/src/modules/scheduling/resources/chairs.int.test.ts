/**
 * Chairs and rooms: listed for every staff role (active only unless asked, by sort order then name), created
 * and changed by admins only, never deleted; names and monitoring devices unique in the clinic (409 naming
 * the field); a new or renamed chair links the clinic's sessions booked with its name as free text.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';
import { newSession } from '../../sessions/test/fixtures.ts';

describe.each(testBackends())('chairs on %s', (backend) => {
  const h = useTestApp(backend);

  it('creates, lists in order, filters by kind, deactivates and reactivates; every staff role reads', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const spravato = await admin.post('/api/v1/chairs', { name: 'Spravato Room', kind: 'spravato_room' });
    expect(spravato.status).toBe(201);
    expect(spravato.body).toEqual({
      id: expect.any(String),
      name: 'Spravato Room',
      kind: 'spravato_room',
      active: true,
      deviceId: null,
      sortOrder: 0,
    });
    const c2 = await admin.post('/api/v1/chairs', { name: 'Chair 2', kind: 'infusion_chair', sortOrder: 2 });
    const c1 = await admin.post('/api/v1/chairs', {
      name: '  Chair 1 ',
      kind: 'infusion_chair',
      deviceId: 'MON-0001',
      sortOrder: 1,
    });
    expect(c1.body).toMatchObject({ name: 'Chair 1', deviceId: 'MON-0001', sortOrder: 1 });
    for (const role of ['prescriber', 'nurse', 'therapist', 'front_desk'] as const) {
      const r = await (await c.login(role)).get('/api/v1/chairs');
      expect(r.status).toBe(200);
      expect(r.body.items.map((x: { name: string }) => x.name).slice(0, 3)).toEqual([
        'Spravato Room',
        'Chair 1',
        'Chair 2',
      ]);
    }
    // Same sort order: names in natural order ("Chair 9" before "chair 10"), whatever their case.
    await admin.post('/api/v1/chairs', { name: 'chair 10', kind: 'therapy_room', sortOrder: 50 });
    await admin.post('/api/v1/chairs', { name: 'Chair 9', kind: 'therapy_room', sortOrder: 50 });
    const rooms = await admin.get('/api/v1/chairs?kind=therapy_room');
    expect(rooms.body.items.map((x: { name: string }) => x.name)).toEqual(['Chair 9', 'chair 10']);
    const infusion = await admin.get('/api/v1/chairs?kind=infusion_chair');
    expect(infusion.body.items.map((x: { id: string }) => x.id)).toEqual([c1.body.id, c2.body.id]);

    const off = await admin.patch(`/api/v1/chairs/${c2.body.id}`, { active: false });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ id: c2.body.id, active: false, name: 'Chair 2' });
    expect((await admin.get('/api/v1/chairs?kind=infusion_chair')).body.items).toHaveLength(1);
    const all = await admin.get('/api/v1/chairs?includeInactive=true&kind=infusion_chair');
    expect(all.body.items.map((x: { name: string; active: boolean }) => [x.name, x.active])).toEqual([
      ['Chair 1', true],
      ['Chair 2', false],
    ]);
    const renamed = await admin.patch(`/api/v1/chairs/${c2.body.id}`, {
      active: true,
      name: 'Chair 3',
      deviceId: 'MON-0003',
      sortOrder: 3,
    });
    expect(renamed.body).toMatchObject({ active: true, name: 'Chair 3', deviceId: 'MON-0003', sortOrder: 3 });
    const cleared = await admin.patch(`/api/v1/chairs/${c2.body.id}`, { deviceId: null });
    expect(cleared.body.deviceId).toBeNull();

    const audit = await h.database.db
      .selectFrom('audit_log')
      .select(['action', 'resource_id', 'category'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'chair')
      .execute();
    expect(audit.map((x) => x.action).sort()).toEqual([
      'create',
      'create',
      'create',
      'create',
      'create',
      'update',
      'update',
      'update',
    ]);
    expect(new Set(audit.map((x) => x.category))).toEqual(new Set(['configuration']));
  });

  it('refuses a bad kind, a duplicate name or device (409 naming the field), non-admins, another clinic', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const first = await admin.post('/api/v1/chairs', {
      name: 'Chair 1',
      kind: 'infusion_chair',
      deviceId: 'D-1',
    });
    const bad = await admin.post('/api/v1/chairs', { name: 'Chair 9', kind: 'sofa' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field)).toContain('body.kind');
    const dupName = await admin.post('/api/v1/chairs', { name: ' chair 1 ', kind: 'therapy_room' });
    expect(dupName.status).toBe(409);
    expect(dupName.body.error.code).toBe('conflict');
    expect(dupName.body.error.details[0].field).toBe('body.name');
    const dupDevice = await admin.post('/api/v1/chairs', {
      name: 'Chair 2',
      kind: 'infusion_chair',
      deviceId: 'D-1',
    });
    expect(dupDevice.status).toBe(409);
    expect(dupDevice.body.error.details[0].field).toBe('body.deviceId');
    const second = await admin.post('/api/v1/chairs', { name: 'Chair 2', kind: 'infusion_chair' });
    const rename = await admin.patch(`/api/v1/chairs/${second.body.id}`, { name: 'CHAIR 1' });
    expect(rename.status).toBe(409);
    expect(rename.body.error.details[0].field).toBe('body.name');
    // Its own name (other case) and its own device are not duplicates.
    const same = await admin.patch(`/api/v1/chairs/${first.body.id}`, { name: 'chair 1', deviceId: 'D-1' });
    expect(same.status).toBe(200);
    expect(same.body.name).toBe('chair 1');

    for (const role of ['prescriber', 'nurse', 'front_desk'] as const) {
      const u = await c.login(role);
      expect((await u.post('/api/v1/chairs', { name: 'Chair 5', kind: 'infusion_chair' })).status).toBe(403);
      expect((await u.patch(`/api/v1/chairs/${first.body.id}`, { active: false })).status).toBe(403);
    }
    const other = await h.newClinic();
    const otherAdmin = await other.login('admin');
    expect((await otherAdmin.patch(`/api/v1/chairs/${first.body.id}`, { active: false })).status).toBe(404);
    expect((await otherAdmin.get('/api/v1/chairs')).body.items).toEqual([]);
    // The same name is free in another clinic.
    expect(
      (await otherAdmin.post('/api/v1/chairs', { name: 'Chair 1', kind: 'infusion_chair' })).status,
    ).toBe(201);
    expect((await admin.get('/api/v1/chairs')).body.items.map((x: { name: string }) => x.name)).toEqual([
      'chair 1',
      'Chair 2',
    ]);
  });

  it('links sessions booked with the chair’s name as free text when the chair is created or renamed', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const nurse = await c.login('nurse');
    const s = await newSession(h, c, nurse, undefined, 'recliner A');
    const chairOf = async (id: string) =>
      h.database.db
        .selectFrom('dosing_sessions')
        .select(['chair', 'chair_id'])
        .where('clinic_id', '=', c.clinicId)
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    expect(await chairOf(s.id)).toEqual({ chair: 'recliner A', chair_id: null });
    const other = await h.newClinic();
    // Another clinic's chair of that name links nothing here.
    await (await other.login('admin')).post('/api/v1/chairs', { name: 'Recliner A', kind: 'infusion_chair' });
    expect((await chairOf(s.id)).chair_id).toBeNull();
    const room = await admin.post('/api/v1/chairs', { name: 'Room 5', kind: 'infusion_chair' });
    expect((await chairOf(s.id)).chair_id).toBeNull();
    await admin.patch(`/api/v1/chairs/${room.body.id}`, { name: 'Recliner a' });
    expect(await chairOf(s.id)).toEqual({ chair: 'recliner A', chair_id: room.body.id });
  });

  it('PATCH {deviceId} alone sets, replaces and clears a chair’s monitor (admin only; 64 characters; unique)', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const chair = await admin.post('/api/v1/chairs', { name: 'Chair 1', kind: 'infusion_chair' });
    const other = await admin.post('/api/v1/chairs', { name: 'Chair 2', kind: 'infusion_chair' });
    const eui = '0123456789ABCDEF';
    const set = await admin.patch(`/api/v1/chairs/${chair.body.id}`, { deviceId: eui });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ id: chair.body.id, name: 'Chair 1', deviceId: eui, active: true });
    const longest = 'M'.repeat(64);
    expect((await admin.patch(`/api/v1/chairs/${chair.body.id}`, { deviceId: longest })).body.deviceId).toBe(
      longest,
    );
    for (const bad of ['M'.repeat(65), 42, '   ', ['x'], { id: 'x' }]) {
      const r = await admin.patch(`/api/v1/chairs/${chair.body.id}`, { deviceId: bad });
      expect(r.status).toBe(400);
      expect(r.body.error.details.map((d: { field: string }) => d.field)).toContain('body.deviceId');
    }
    // Refused changes left the chair as it was.
    expect(
      (await admin.get('/api/v1/chairs')).body.items.find((x: { id: string }) => x.id === chair.body.id)
        .deviceId,
    ).toBe(longest);
    await admin.patch(`/api/v1/chairs/${chair.body.id}`, { deviceId: eui });
    const taken = await admin.patch(`/api/v1/chairs/${other.body.id}`, { deviceId: eui });
    expect(taken.status).toBe(409);
    expect(taken.body.error.details[0].field).toBe('body.deviceId');
    for (const role of ['prescriber', 'nurse', 'therapist', 'front_desk'] as const) {
      const r = await (await c.login(role)).patch(`/api/v1/chairs/${chair.body.id}`, { deviceId: 'X1' });
      expect(r.status).toBe(403);
    }
    const elsewhere = await h.newClinic();
    const otherAdmin = await elsewhere.login('admin');
    expect((await otherAdmin.patch(`/api/v1/chairs/${chair.body.id}`, { deviceId: 'X2' })).status).toBe(404);
    // Another clinic may hold the same identifier on its own chair.
    const theirs = await otherAdmin.post('/api/v1/chairs', { name: 'Chair 1', kind: 'infusion_chair' });
    expect((await otherAdmin.patch(`/api/v1/chairs/${theirs.body.id}`, { deviceId: eui })).status).toBe(200);
    const cleared = await admin.patch(`/api/v1/chairs/${chair.body.id}`, { deviceId: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.deviceId).toBeNull();
    expect((await admin.patch(`/api/v1/chairs/${other.body.id}`, { deviceId: eui })).status).toBe(200);
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'chair')
      .where('action', '=', 'update')
      .execute();
    // Entries share the clock's instant: compared as a set of values with their counts.
    expect(audit.map((a) => String((a.details as { deviceId?: unknown }).deviceId)).sort()).toEqual(
      [eui, longest, eui, 'null', eui].sort(),
    );
  });
});
