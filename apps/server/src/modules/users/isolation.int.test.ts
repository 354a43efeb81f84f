/**
 * Cross-clinic isolation: every query is scoped to the caller's clinic, and another
 * clinic's object answers 404 — never 403 — so its existence is not revealed. Table-driven over
 * every foundation route that takes a clinic object's id; each request is checked to change nothing.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { type TestClinic, useTestApp } from '../../test/harness.ts';

type Req = [method: 'GET' | 'POST' | 'PATCH', url: (a: TestClinic) => string, body?: unknown];

const ROUTES: Req[] = [
  ['GET', (a) => `/api/v1/patients/${a.patientId}`],
  ['PATCH', (a) => `/api/v1/patients/${a.patientId}`, { lastName: 'Hijacked' }],
  ['POST', (a) => `/api/v1/patients/${a.patientId}/portal-invite`, { email: 'intruder@example.org' }],
  ['POST', (a) => `/api/v1/users/${a.users.nurse.id}/deactivate`, {}],
  ['POST', (a) => `/api/v1/users/${a.users.nurse.id}/reactivate`, {}],
  ['POST', (a) => `/api/v1/users/${a.users.nurse.id}/reset-password`, {}],
  ['POST', (a) => `/api/v1/users/${a.users.nurse.id}/reset-mfa`, {}],
  ['PATCH', (a) => `/api/v1/users/${a.users.nurse.id}/role`, { role: 'admin' }],
];

describe.each(testBackends())('cross-clinic isolation on %s', (backend) => {
  const h = useTestApp(backend);

  it.each(
    ROUTES.map(
      (r) =>
        [
          `${r[0]} ${r[1]({ patientId: ':id', users: { nurse: { id: ':id' } } } as unknown as TestClinic)}`,
          r,
        ] as const,
    ),
  )('%s on another clinic’s object answers 404 and changes nothing', async (_name, [method, url, body]) => {
    const a = await h.newClinic();
    const b = await h.newClinic();
    const adminB = await b.login('admin');
    const db = h.database.db;
    const before = {
      patient: await db
        .selectFrom('patients')
        .selectAll()
        .where('id', '=', a.patientId)
        .executeTakeFirstOrThrow(),
      members: await db
        .selectFrom('memberships')
        .select(['user_id', 'role', 'active', 'patient_id'])
        .where('clinic_id', '=', a.clinicId)
        .orderBy('user_id')
        .execute(),
      nurse: await db
        .selectFrom('users')
        .select(['mfa_enabled', 'password_hash'])
        .where('id', '=', a.users.nurse.id)
        .executeTakeFirstOrThrow(),
      links: await db
        .selectFrom('one_time_links')
        .select('id')
        .where(
          'user_id',
          'in',
          Object.values(a.users).map((u) => u.id),
        )
        .execute(),
    };
    const nurseA = await a.login('nurse');
    const r = await adminB.request(method, url(a), body);
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('not_found');
    expect(r.text).not.toContain(a.users.nurse.email);
    expect(
      await db.selectFrom('patients').selectAll().where('id', '=', a.patientId).executeTakeFirstOrThrow(),
    ).toEqual(before.patient);
    expect(
      await db
        .selectFrom('memberships')
        .select(['user_id', 'role', 'active', 'patient_id'])
        .where('clinic_id', '=', a.clinicId)
        .orderBy('user_id')
        .execute(),
    ).toEqual(before.members);
    expect(
      await db
        .selectFrom('users')
        .select(['mfa_enabled', 'password_hash'])
        .where('id', '=', a.users.nurse.id)
        .executeTakeFirstOrThrow(),
    ).toEqual(before.nurse);
    expect(
      await db
        .selectFrom('one_time_links')
        .select('id')
        .where(
          'user_id',
          'in',
          Object.values(a.users).map((u) => u.id),
        )
        .execute(),
    ).toEqual(before.links);
    expect((await nurseA.get('/api/v1/me')).status).toBe(200); // A's sessions untouched
  });

  it('answers the same 404 for another clinic’s object as for one that does not exist', async () => {
    const a = await h.newClinic();
    const b = await h.newClinic();
    const nurseB = await b.login('nurse');
    const other = await nurseB.get(`/api/v1/patients/${a.patientId}`);
    const none = await nurseB.get('/api/v1/patients/00000000-0000-4000-8000-000000000000');
    expect(other.status).toBe(none.status);
    expect(other.body).toEqual(none.body);
  });

  it('lists and searches only the caller’s clinic (patients, users, audit)', async () => {
    const a = await h.newClinic();
    const b = await h.newClinic();
    const adminA = await a.login('admin');
    await adminA.get(`/api/v1/patients/${a.patientId}`);
    const adminB = await b.login('admin');
    expect((await adminB.get('/api/v1/patients')).body.items.map((p: { id: string }) => p.id)).toEqual([
      b.patientId,
    ]);
    expect(
      (await adminB.get(`/api/v1/patients?query=${encodeURIComponent(`Portal`)}`)).body.items.map(
        (p: { id: string }) => p.id,
      ),
    ).toEqual([b.patientId]);
    const users = (await adminB.get('/api/v1/users')).body.items.map((u: { id: string }) => u.id);
    expect(users.sort()).toEqual(
      Object.values(b.users)
        .map((u) => u.id)
        .sort(),
    );
    const audit = await adminB.get(`/api/v1/audit?patientId=${a.patientId}`);
    expect(audit.body.total).toBe(0);
    const all = await adminB.get('/api/v1/audit?limit=500');
    expect(
      all.body.items.every((e: { userId: string | null }) => e.userId === null || users.includes(e.userId)),
    ).toBe(true);
  });
});
