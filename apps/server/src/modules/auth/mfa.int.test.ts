/**
 * TOTP multi-factor authentication (RFC 6238): enrolment with a QR code, confirmation,
 * codes at login (mfa_required / mfa_invalid), replay refusal (RFC 6238 §5.2), single-use recovery
 * codes, a clinic setting that requires MFA per role, and an admin's MFA reset.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { type Client, TEST_PASSWORD, type TestApp, useTestApp } from '../../test/harness.ts';

const codeAt = (h: TestApp, secret: string) =>
  generate({ secret, epoch: Math.floor(h.clock.now().getTime() / 1000) });

async function enrol(h: TestApp, client: Client) {
  const e = await client.post('/api/v1/me/mfa/enrol');
  expect(e.status).toBe(200);
  const secret = e.body.secret as string;
  const confirm = await client.post('/api/v1/me/mfa/confirm', { code: await codeAt(h, secret) });
  expect(confirm.status).toBe(200);
  return { secret, recoveryCodes: confirm.body.recoveryCodes as string[], enrolment: e.body };
}

describe.each(testBackends())('MFA on %s', (backend) => {
  const h = useTestApp(backend);

  it('enrols with a QR code, then requires, checks and refuses replayed codes at login', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const { secret, recoveryCodes, enrolment } = await enrol(h, nurse);
    expect(enrolment.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect(enrolment.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(enrolment.otpauthUrl).toContain(`secret=${secret}`);
    expect(recoveryCodes).toHaveLength(10);
    expect((await nurse.get('/api/v1/me')).body.user.mfaEnabled).toBe(true);
    const stored = await h.database.db
      .selectFrom('users')
      .select(['recovery_codes', 'mfa_pending_secret'])
      .where('id', '=', c.users.nurse.id)
      .executeTakeFirstOrThrow();
    expect(stored.mfa_pending_secret).toBeNull();
    expect(JSON.stringify(stored.recovery_codes)).not.toContain(recoveryCodes[0]); // stored hashed

    const client = c.anonymous();
    const noCode = await client.login(c.users.nurse.email);
    expect(noCode.status).toBe(401);
    expect(noCode.body.error.code).toBe('mfa_required');
    expect(client.cookie).toBeUndefined();

    const wrong = await client.login(
      c.users.nurse.email,
      TEST_PASSWORD,
      (Number(await codeAt(h, secret)) ^ 1).toString().padStart(6, '0'),
    );
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('mfa_invalid');

    // The code used to confirm enrolment is spent: the next step's code is needed.
    h.clock.advance(30_000);
    const code = await codeAt(h, secret);
    const ok = await client.login(c.users.nurse.email, TEST_PASSWORD, code);
    expect(ok.status).toBe(200);
    expect(ok.body.user.mfaEnabled).toBe(true);

    const replay = await c.anonymous().login(c.users.nurse.email, TEST_PASSWORD, code);
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('mfa_invalid');

    // A wrong password with a right code is still a wrong password.
    h.clock.advance(30_000);
    const badPw = await c
      .anonymous()
      .login(c.users.nurse.email, 'wrong-password-123', await codeAt(h, secret));
    expect(badPw.body.error.code).toBe('invalid_credentials');
  });

  it('accepts each recovery code once', async () => {
    const c = await h.newClinic();
    const prescriber = await c.login('prescriber');
    const { recoveryCodes } = await enrol(h, prescriber);
    const rc = recoveryCodes[3] as string;
    const first = await c.anonymous().login(c.users.prescriber.email, TEST_PASSWORD, rc.toUpperCase());
    expect(first.status).toBe(200);
    const again = await c.anonymous().login(c.users.prescriber.email, TEST_PASSWORD, rc);
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('mfa_invalid');
    expect(
      (await c.anonymous().login(c.users.prescriber.email, TEST_PASSWORD, recoveryCodes[4])).status,
    ).toBe(200);
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select(['details', 'outcome'])
      .where('user_id', '=', c.users.prescriber.id)
      .where('action', '=', 'login')
      .execute();
    expect(audit.filter((a) => (a.details as { mfa?: string } | null)?.mfa === 'recovery_code')).toHaveLength(
      2,
    );
  });

  it('refuses a wrong confirmation code and confirmation without enrolment', async () => {
    const c = await h.newClinic();
    const t = await c.login('therapist');
    const early = await t.post('/api/v1/me/mfa/confirm', { code: '123456' });
    expect(early.status).toBe(409);
    await t.post('/api/v1/me/mfa/enrol');
    const bad = await t.post('/api/v1/me/mfa/confirm', { code: '000000' });
    expect([401, 400]).toContain(bad.status);
    expect(bad.body.error.code).toBe('mfa_invalid');
    const malformed = await t.post('/api/v1/me/mfa/confirm', { code: '12ab' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.details[0].field).toBe('body.code');
    expect((await t.get('/api/v1/me')).body.user.mfaEnabled).toBe(false);
  });

  it('blocks a role that must use MFA from everything but enrolment until enrolled', async () => {
    const c = await h.newClinic({ settings: { mfaRequiredRoles: ['nurse', 'admin'] } });
    const nurse = await c.login('nurse');
    const me = await nurse.get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.user.mfaRequired).toBe(true);
    const blocked = await nurse.get('/api/v1/patients');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.code).toBe('forbidden');
    expect(blocked.body.error.message).toMatch(/multi-factor/i);
    expect((await nurse.get(`/api/v1/patients/${c.patientId}`)).status).toBe(403);
    // Roles the setting does not name are not affected.
    expect((await (await c.login('therapist')).get('/api/v1/patients')).status).toBe(200);

    const { secret } = await enrol(h, nurse);
    expect((await nurse.get('/api/v1/patients')).status).toBe(200);
    h.clock.advance(30_000);
    expect((await c.anonymous().login(c.users.nurse.email)).body.error.code).toBe('mfa_required');
    expect(
      (await c.anonymous().login(c.users.nurse.email, TEST_PASSWORD, await codeAt(h, secret))).status,
    ).toBe(200);
  });

  it('lets an admin reset a user’s MFA: the user’s sessions end and the next login needs no code', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    await enrol(h, nurse);
    const admin = await c.login('admin');
    const reset = await admin.post(`/api/v1/users/${c.users.nurse.id}/reset-mfa`);
    expect(reset.status).toBe(200);
    expect((await nurse.get('/api/v1/me')).status).toBe(401);
    const again = await c.anonymous().login(c.users.nurse.email);
    expect(again.status).toBe(200);
    expect(again.body.user.mfaEnabled).toBe(false);
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select(['user_id', 'resource_id'])
      .where('resource_type', '=', 'user_mfa')
      .where('clinic_id', '=', c.clinicId)
      .execute();
    expect(audit).toContainEqual({ user_id: c.users.admin.id, resource_id: c.users.nurse.id });
    // Only an admin may do that.
    expect(
      (await (await c.login('prescriber')).post(`/api/v1/users/${c.users.nurse.id}/reset-mfa`)).status,
    ).toBe(403);
  });
});
