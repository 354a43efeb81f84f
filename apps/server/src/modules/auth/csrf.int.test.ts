/**
 * CSRF (OWASP CSRF Prevention Cheat Sheet, synchronizer token): every state-changing
 * request authenticated by the session cookie must carry the login's csrfToken in `x-csrf-token`,
 * or it is refused with 403 csrf_failed and changes nothing.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectRoutes, type RegisteredRoute } from '../../platform/collect-routes.ts';
import { refusalCode, type TestApp, type TestClinic, useTestApp, validPatient } from '../../test/harness.ts';

/** Row counts and content that no refused request may change. */
async function snapshot(h: TestApp, c: TestClinic) {
  const db = h.database.db;
  // Counted within this test's clinic: other files write the same tables concurrently. A user an invitation
  // would create gets a membership here.
  const count = async (t: 'outbox' | 'one_time_links') =>
    Number(
      (
        await db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('clinic_id', '=', c.clinicId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    patients: await db
      .selectFrom('patients')
      .selectAll()
      .where('clinic_id', '=', c.clinicId)
      .orderBy('id')
      .execute(),
    memberships: await db
      .selectFrom('memberships')
      .select(['user_id', 'role', 'active'])
      .where('clinic_id', '=', c.clinicId)
      .orderBy('user_id')
      .execute(),
    clinic: await db
      .selectFrom('clinics')
      .select(['name', 'settings', 'time_zone'])
      .where('id', '=', c.clinicId)
      .executeTakeFirstOrThrow(),
    revoked: await db
      .selectFrom('sessions')
      .select(['id', 'revoked_at'])
      .where('clinic_id', '=', c.clinicId)
      .orderBy('id')
      .execute(),
    mfa: await db
      .selectFrom('users')
      .select(['id', 'mfa_pending_secret', 'mfa_enabled'])
      .where(
        'id',
        'in',
        Object.values(c.users).map((u) => u.id),
      )
      .orderBy('id')
      .execute(),
    users: Number(
      (
        await db
          .selectFrom('memberships')
          .select((eb) => eb.fn.count<number>('user_id').distinct().as('n'))
          .where('clinic_id', '=', c.clinicId)
          .executeTakeFirstOrThrow()
      ).n,
    ),
    outbox: await count('outbox'),
    links: await count('one_time_links'),
    audit: await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('clinic_id', '=', c.clinicId)
      .executeTakeFirstOrThrow(),
  };
}

describe.each(testBackends())('CSRF on %s', (backend) => {
  const h = useTestApp(backend);
  let routes: RegisteredRoute[] = [];
  beforeAll(async () => {
    routes = await collectRoutes(h.built.ctx);
  });

  /** Every state-changing foundation request an admin can make, with a valid body. */
  const requests = (c: TestClinic, invitee = c.patientId): Array<[string, string, unknown]> => [
    ['POST', '/api/v1/patients', validPatient()],
    ['PATCH', `/api/v1/patients/${c.patientId}`, { lastName: 'Changed' }],
    [
      'POST',
      '/api/v1/users/invite',
      { email: `invitee-${c.clinicId.slice(0, 8)}@example.org`, displayName: 'New Nurse', role: 'nurse' },
    ],
    ['POST', `/api/v1/users/${c.users.nurse.id}/deactivate`, {}],
    ['POST', `/api/v1/users/${c.users.nurse.id}/reactivate`, {}],
    ['POST', `/api/v1/users/${c.users.nurse.id}/reset-password`, {}],
    ['POST', `/api/v1/users/${c.users.nurse.id}/reset-mfa`, {}],
    ['PATCH', `/api/v1/users/${c.users.nurse.id}/role`, { role: 'therapist' }],
    ['PATCH', '/api/v1/clinic/settings', { idleTimeoutMin: 20 }],
    ['POST', '/api/v1/me/mfa/enrol', {}],
    [
      'POST',
      `/api/v1/patients/${invitee}/portal-invite`,
      { email: `portal-${invitee.slice(0, 8)}@example.org` },
    ],
    ['POST', '/api/v1/auth/logout', {}],
  ];

  it('covers every state-changing route of the foundation', async () => {
    const c = await h.newClinic();
    const listed = new Set(
      requests(c).map(([m, u]) => `${m} ${u.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, ':id')}`),
    );
    const foundation = routes.filter(
      (r) =>
        r.method !== 'GET' &&
        r.policy?.kind === 'authenticated' &&
        !r.policy.csrfExempt &&
        /^\/api\/v1\/(patients(\/:id)?|patients\/:id\/portal-invite|users(\/.*)?|clinic(\/.*)?|me(\/.*)?|auth(\/.*)?)$/.test(
          r.url,
        ),
    );
    const unlisted = foundation.filter(
      (r) => !listed.has(`${r.method} ${r.url}`) && r.url !== '/api/v1/me/mfa/confirm',
    );
    expect(unlisted.map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it.each(['missing', 'wrong', 'empty', 'another session’s'] as const)(
    'refuses every state-changing request with a %s token (403 csrf_failed) and changes nothing',
    async (kind) => {
      const c = await h.newClinic();
      const admin = await c.login('admin');
      const other = await c.login('nurse');
      const before = await snapshot(h, c);
      for (const [method, url, body] of requests(c)) {
        const headers: Record<string, string> =
          kind === 'missing'
            ? {}
            : {
                'x-csrf-token':
                  kind === 'wrong' ? `${admin.csrf}x` : kind === 'empty' ? '' : (other.csrf as string),
              };
        const saved = admin.csrf;
        admin.csrf = undefined;
        const r = await admin.request(method as 'POST', url, body, headers);
        admin.csrf = saved;
        expect(r.status, `${method} ${url}`).toBe(403);
        expect(r.body.error.code, `${method} ${url}`).toBe('csrf_failed');
      }
      expect(await snapshot(h, c)).toEqual(before);
      expect((await admin.get('/api/v1/me')).status).toBe(200); // logout was refused too
    },
  );

  it('refuses every state-changing route of every module without the token, before anything else runs', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const saved = admin.csrf;
    admin.csrf = undefined;
    for (const r of routes.filter(
      (x) => x.method !== 'GET' && x.policy?.kind === 'authenticated' && !x.policy.csrfExempt,
    )) {
      const url = r.url.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
      const res = await admin.request(r.method as 'POST', url, {});
      expect(res.status, `${r.method} ${r.url}`).toBe(403);
      expect(refusalCode(res), `${r.method} ${r.url}`).toBe('csrf_failed');
    }
    admin.csrf = saved;
  });

  it('lets every request through with the right token', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const invitee = await admin.post('/api/v1/patients', validPatient());
    for (const [method, url, body] of requests(c, invitee.body.id)) {
      const r = await admin.request(method as 'POST', url, body);
      expect(r.status, `${method} ${url}: ${r.text.slice(0, 200)}`).toBeLessThan(300);
    }
  });

  it('needs no token for safe methods and for login', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    nurse.csrf = undefined;
    expect((await nurse.get('/api/v1/patients')).status).toBe(200);
    expect((await nurse.get('/api/v1/me')).body.csrfToken).toBeTruthy();
  });
});
