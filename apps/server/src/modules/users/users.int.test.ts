/**
 * Account lifecycle: an admin invites staff by a one-time link, deactivates and
 * reactivates them, sends a password-reset link, changes roles (audited); staff invite patients to
 * the portal. One-time links work once (410 link_used) and expire (410 link_expired); weak
 * passwords are refused with 400 naming body.password (NIST SP 800-63B §5.1.1.2).
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, type TestClinic, useTestApp, validPatient } from '../../test/harness.ts';
import { deliverMail, linkIn } from '../../test/mail.ts';

const NEW_PASSWORD = 'lilac-tundra-orbit-1987';
let n = 0;
const uniqueEmail = (c: TestClinic, what: string) => `${what}-${++n}-${c.clinicId.slice(0, 8)}@example.org`;

describe.each(testBackends())('users lifecycle on %s', (backend) => {
  const h = useTestApp(backend);

  it('invites staff with a one-time link that sets the password once', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const email = uniqueEmail(c, 'invitee');
    const inv = await admin.post('/api/v1/users/invite', {
      email,
      displayName: 'Ivy Invitee',
      role: 'nurse',
    });
    expect(inv.status).toBe(201);
    expect(inv.body.link).toMatch(/\/accept\/[A-Za-z0-9_-]{40,}$/);
    expect(inv.body.user).toMatchObject({ email, role: 'nurse', invitePending: true, active: true });
    const mail = await h.database.db
      .selectFrom('outbox')
      .select(['recipient', 'body', 'kind'])
      .where('clinic_id', '=', c.clinicId)
      .execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ recipient: email, kind: 'invite' });
    // The stored message holds no token: only a slot the sender fills when it sends the message.
    expect(mail[0]?.body).not.toContain(inv.body.link.split('/accept/')[1]);
    expect(mail[0]?.body).toContain('/accept/{token}');
    const shown = await h.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'user')
      .where('action', '=', 'create')
      .executeTakeFirstOrThrow();
    expect(shown.details).toMatchObject({ invited: true, linkShown: true });

    // An account without a password cannot log in.
    expect((await c.anonymous().login(email, NEW_PASSWORD)).status).toBe(401);

    const anon = c.anonymous();
    for (const [pw, why] of [
      ['short-pw', /12/],
      ['password1234', /common/],
      ['aaaaaaaaaaaaaaa', /repeated/],
      [`${email.split('@')[0]}-secret`, /email/],
    ] as const) {
      const r = await anon.acceptLink(inv.body.link, pw);
      expect(r.status, pw).toBe(400);
      expect(r.body.error.code).toBe('validation_failed');
      expect(r.body.error.details[0].field, pw).toBe('body.password');
      expect(r.body.error.details[0].message, pw).toMatch(why);
    }
    const ok = await anon.acceptLink(inv.body.link, NEW_PASSWORD);
    expect(ok.status).toBe(200);
    const used = await anon.acceptLink(inv.body.link, `${NEW_PASSWORD}-again`);
    expect(used.status).toBe(410);
    expect(used.body.error.code).toBe('link_used');
    const login = await c.anonymous().login(email, NEW_PASSWORD);
    expect(login.status).toBe(200);
    expect(login.body.user.role).toBe('nurse');

    expect(
      (await anon.post('/api/v1/auth/accept-invite', { token: 'x'.repeat(43), password: NEW_PASSWORD }))
        .status,
    ).toBe(404);
    const dup = await admin.post('/api/v1/users/invite', {
      email: email.toUpperCase(),
      displayName: 'Again',
      role: 'nurse',
    });
    expect(dup.status).toBe(409);
  });

  it('expires an invitation after 7 days', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const inv = await admin.post('/api/v1/users/invite', {
      email: uniqueEmail(c, 'late'),
      displayName: 'Late',
      role: 'therapist',
    });
    h.clock.advance(7 * 24 * 3600_000 + 1000);
    const r = await c.anonymous().acceptLink(inv.body.link, NEW_PASSWORD);
    expect(r.status).toBe(410);
    expect(r.body.error.code).toBe('link_expired');
  });

  it('deactivates (sessions end, login refused) and reactivates a user', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const nurse = await c.login('nurse');
    const off = await admin.post(`/api/v1/users/${c.users.nurse.id}/deactivate`);
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect((await nurse.get('/api/v1/me')).status).toBe(401);
    const refused = await c.anonymous().login(c.users.nurse.email);
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('invalid_credentials');
    expect((await admin.post(`/api/v1/users/${c.users.admin.id}/deactivate`)).status).toBe(409);
    const on = await admin.post(`/api/v1/users/${c.users.nurse.id}/reactivate`);
    expect(on.body.active).toBe(true);
    expect((await c.anonymous().login(c.users.nurse.email)).status).toBe(200);
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select(['details'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'user')
      .where('resource_id', '=', c.users.nurse.id)
      .execute();
    expect(audit.map((a) => a.details)).toEqual(
      expect.arrayContaining([{ active: false }, { active: true }]),
    );
  });

  it('sends a password-reset link that ends every session at once and replaces the password', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const therapist = await c.login('therapist');
    expect((await therapist.get('/api/v1/me')).status).toBe(200); // its session is now in the cache
    const reset = await admin.post(`/api/v1/users/${c.users.therapist.id}/reset-password`);
    expect(reset.status).toBe(200);
    expect(new Date(reset.body.expiresAt).getTime() - h.clock.now().getTime()).toBe(3600_000);
    const mail = await h.database.db
      .selectFrom('outbox')
      .select(['recipient', 'kind'])
      .where('clinic_id', '=', c.clinicId)
      .execute();
    expect(mail).toContainEqual({ recipient: c.users.therapist.email, kind: 'password_reset' });
    // Whoever holds the account's sessions is signed out at once, before the link is used.
    expect((await therapist.get('/api/v1/me')).status).toBe(401);
    const sessions = await h.database.db
      .selectFrom('sessions')
      .select('revoked_at')
      .where('user_id', '=', c.users.therapist.id)
      .execute();
    expect(sessions.length).toBeGreaterThan(0);
    expect(sessions.every((s) => s.revoked_at !== null)).toBe(true);
    expect((await c.anonymous().acceptLink(reset.body.link, NEW_PASSWORD)).status).toBe(200);
    expect((await c.anonymous().login(c.users.therapist.email, TEST_PASSWORD)).status).toBe(401);
    expect((await c.anonymous().login(c.users.therapist.email, NEW_PASSWORD)).status).toBe(200);

    const late = await admin.post(`/api/v1/users/${c.users.therapist.id}/reset-password`);
    expect(late.status, late.text).toBe(200);
    h.clock.advance(3600_000 + 1000);
    expect((await c.anonymous().acceptLink(late.body.link, `${NEW_PASSWORD}x`)).body.error.code).toBe(
      'link_expired',
    );
    // A newer link supersedes an older unused one.
    const admin2 = await c.login('admin'); // the first admin session idled out during the hour
    const first = await admin2.post(`/api/v1/users/${c.users.therapist.id}/reset-password`);
    const second = await admin2.post(`/api/v1/users/${c.users.therapist.id}/reset-password`);
    expect((await c.anonymous().acceptLink(first.body.link, `${NEW_PASSWORD}y`)).body.error.code).toBe(
      'link_used',
    );
    expect((await c.anonymous().acceptLink(second.body.link, `${NEW_PASSWORD}y`)).status).toBe(200);
  });

  it('changes a role, ends the user’s sessions and audits from/to', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const fd = await c.login('front_desk');
    const r = await admin.patch(`/api/v1/users/${c.users.front_desk.id}/role`, { role: 'nurse' });
    expect(r.status).toBe(200);
    expect(r.body.role).toBe('nurse');
    expect((await fd.get('/api/v1/me')).status).toBe(401);
    expect((await c.login('front_desk')).cookie).toBeTruthy();
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select(['user_id', 'role', 'details', 'action'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'user_role')
      .execute();
    expect(audit).toEqual([
      {
        user_id: c.users.admin.id,
        role: 'admin',
        action: 'update',
        details: { from: 'front_desk', to: 'nurse' },
      },
    ]);
    expect((await admin.patch(`/api/v1/users/${c.users.patient.id}/role`, { role: 'nurse' })).status).toBe(
      409,
    );
    expect((await admin.patch(`/api/v1/users/${c.users.admin.id}/role`, { role: 'nurse' })).status).toBe(409);
    const bad = await admin.patch(`/api/v1/users/${c.users.nurse.id}/role`, { role: 'superuser' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('body.role');
  });

  it.each(['prescriber', 'nurse', 'therapist', 'front_desk', 'patient'] as const)(
    'refuses account management to %s (403)',
    async (role) => {
      const c = await h.newClinic();
      const u = await c.login(role);
      const id = c.users.admin.id;
      for (const [m, url, body] of [
        ['GET', '/api/v1/users', undefined],
        ['POST', '/api/v1/users/invite', { email: uniqueEmail(c, 'x'), displayName: 'X', role: 'admin' }],
        ['POST', `/api/v1/users/${id}/deactivate`, {}],
        ['POST', `/api/v1/users/${id}/reset-password`, {}],
        ['POST', `/api/v1/users/${id}/reset-mfa`, {}],
        ['PATCH', `/api/v1/users/${id}/role`, { role: 'nurse' }],
        ['GET', '/api/v1/clinic/settings', undefined],
        ['PATCH', '/api/v1/clinic/settings', { idleTimeoutMin: 60 }],
        ['GET', '/api/v1/audit', undefined],
      ] as const) {
        const r = await u.request(m, url, body);
        expect(r.status, `${role} ${m} ${url}`).toBe(403);
      }
    },
  );

  it('invites a patient to the portal and links the login to that record only', async () => {
    const c = await h.newClinic();
    const fd = await c.login('front_desk');
    const p = await fd.post('/api/v1/patients', validPatient({ email: uniqueEmail(c, 'portal') }));
    const inv = await fd.post(`/api/v1/patients/${p.body.id}/portal-invite`);
    expect(inv.status).toBe(201);
    expect(inv.body.user).toMatchObject({ role: 'patient', patientId: p.body.id });
    expect(inv.body.link).toBeNull(); // front desk never sees the link; it goes to the patient
    expect(JSON.stringify(inv.body)).not.toMatch(/\/accept\//);
    const mail = await h.database.db
      .selectFrom('outbox')
      .select(['body', 'subject'])
      .where('clinic_id', '=', c.clinicId)
      .executeTakeFirstOrThrow();
    expect(`${mail.subject} ${mail.body}`).not.toContain('Testcase'); // no surname or other record data
    expect((await fd.post(`/api/v1/patients/${p.body.id}/portal-invite`)).status).toBe(409);
    const [received] = await deliverMail(h, c.clinicId);
    expect(received?.to).toBe(p.body.email);
    const link = linkIn(received?.text ?? '', 'accept');
    expect((await c.anonymous().acceptLink(link, NEW_PASSWORD)).status).toBe(200);
    const patient = c.anonymous();
    const login = await patient.login(p.body.email, NEW_PASSWORD);
    expect(login.body.user).toMatchObject({ role: 'patient', patientId: p.body.id });
    expect((await patient.get(`/api/v1/patients/${p.body.id}`)).status).toBe(200);
    expect((await patient.get(`/api/v1/patients/${c.patientId}`)).status).toBe(404);
    expect(
      (await (await c.login('therapist')).post(`/api/v1/patients/${c.patientId}/portal-invite`)).status,
    ).toBe(403);
  });

  it('asks for an email when the patient has none on file (400 naming body.email)', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const p = await nurse.post('/api/v1/patients', validPatient({ email: undefined }));
    const r = await nurse.post(`/api/v1/patients/${p.body.id}/portal-invite`);
    expect(r.status).toBe(400);
    expect(r.body.error.details[0].field).toBe('body.email');
  });

  it('lets an admin read and change clinic settings, audited', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const before = await admin.get('/api/v1/clinic/settings');
    expect(before.body).toMatchObject({
      idleTimeoutMin: 15,
      absoluteLifetimeHours: 12,
      mfaRequiredRoles: [],
    });
    const r = await admin.patch('/api/v1/clinic/settings', {
      idleTimeoutMin: 30,
      mfaRequiredRoles: ['prescriber'],
    });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      idleTimeoutMin: 30,
      mfaRequiredRoles: ['prescriber'],
      absoluteLifetimeHours: 12,
    });
    expect((await admin.get('/api/v1/me')).body.user.idleTimeoutSec).toBe(1800);
    const bad = await admin.patch('/api/v1/clinic/settings', { timeZone: 'Mars/Olympus_Mons' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('body.timeZone');
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select(['resource_type', 'action'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'clinic_settings')
      .execute();
    expect(audit).toHaveLength(1);
  });
});

describe.each(testBackends())('clinic settings under concurrency on %s', (backend) => {
  const h = useTestApp(backend);

  it('keeps both of two concurrent admins’ changes to different settings', async () => {
    const c = await h.newClinic();
    const a1 = await c.login('admin');
    const a2 = await c.login('admin');
    const [r1, r2] = await Promise.all([
      a1.patch('/api/v1/clinic/settings', { idleTimeoutMin: 25 }),
      a2.patch('/api/v1/clinic/settings', { absoluteLifetimeHours: 10 }),
    ]);
    expect([r1.status, r2.status]).toEqual([200, 200]);
    const now = await a1.get('/api/v1/clinic/settings');
    expect(now.body).toMatchObject({ idleTimeoutMin: 25, absoluteLifetimeHours: 10 });
  });
});
