/**
 * Login lockout and per-address rate limit (OWASP Authentication Cheat Sheet):
 * 10 failed logins to one account within 15 minutes lock it for 15 minutes (429 account_locked,
 * even with the right password); failures older than the window do not count; failures from one
 * source address are limited (429 rate_limited). Successes and failures are audited.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD, useTestApp } from '../../test/harness.ts';

const MIN = 60_000;
let ipCounter = 0;
/** A fresh source address per test, so the per-address limit of one test never leaks into another. */
const freshIp = () => `10.9.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

describe.each(testBackends())('login lockout on %s', (backend) => {
  const h = useTestApp(backend);

  it('locks an account after 10 failures within 15 minutes, even for the right password, and unlocks after 15 minutes', async () => {
    const c = await h.newClinic();
    const client = c.anonymous();
    client.remoteAddress = freshIp();
    const email = c.users.nurse.email;
    for (let i = 0; i < 10; i++) {
      const r = await client.login(email, 'wrong-password-123');
      expect(r.status, `failure ${i + 1}`).toBe(401);
      expect(r.body.error.code).toBe('invalid_credentials');
      h.clock.advance(30_000);
    }
    const locked = await client.login(email, TEST_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('account_locked');
    // A different address does not get around an account lock.
    const other = c.anonymous();
    other.remoteAddress = freshIp();
    expect((await other.login(email, TEST_PASSWORD)).body.error.code).toBe('account_locked');

    h.clock.advance(14 * MIN);
    expect((await client.login(email, TEST_PASSWORD)).status).toBe(429);
    h.clock.advance(1 * MIN + 1000);
    const ok = await client.login(email, TEST_PASSWORD);
    expect(ok.status).toBe(200);

    const audit = await h.database.db
      .selectFrom('audit_log')
      .select(['outcome', 'details'])
      .where('clinic_id', '=', c.clinicId)
      .where('action', '=', 'login')
      .where('user_id', '=', c.users.nurse.id)
      .execute();
    expect(audit.filter((a) => a.outcome === 'failure')).toHaveLength(13);
    expect(audit.filter((a) => (a.details as { reason?: string } | null)?.reason === 'locked')).toHaveLength(
      3,
    );
    expect(audit.filter((a) => a.outcome === 'success')).toHaveLength(1);
  });

  it('does not count failures older than 15 minutes', async () => {
    const c = await h.newClinic();
    const client = c.anonymous();
    client.remoteAddress = freshIp();
    const email = c.users.front_desk.email;
    for (let i = 0; i < 9; i++) expect((await client.login(email, 'wrong-password-123')).status).toBe(401);
    h.clock.advance(15 * MIN + 1000);
    for (let i = 0; i < 9; i++) expect((await client.login(email, 'wrong-password-123')).status).toBe(401);
    expect((await client.login(email, TEST_PASSWORD)).status).toBe(200);
  });

  it('treats an unknown email like a wrong password (401, no account revealed) and audits it', async () => {
    const c = await h.newClinic();
    const client = c.anonymous();
    client.remoteAddress = freshIp();
    const r = await client.login(`nobody-${Date.now()}@example.org`, TEST_PASSWORD);
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('invalid_credentials');
    // Email is case-insensitive.
    expect((await client.login(c.users.admin.email.toUpperCase())).status).toBe(200);
  });
});

describe.each(testBackends())('per-address login rate limit on %s', (backend) => {
  const h = useTestApp(backend, { config: { loginRateLimitPerIp: 5 } });

  it('refuses further logins from an address after its failures reach the limit, then lets it in after the window', async () => {
    const c = await h.newClinic();
    const attacker = c.anonymous();
    attacker.remoteAddress = freshIp();
    // Spread over several accounts: no single account reaches its own lockout.
    const roles = ['nurse', 'therapist', 'front_desk', 'prescriber', 'admin'] as const;
    for (const role of roles)
      expect((await attacker.login(c.users[role].email, 'wrong-password-123')).status).toBe(401);
    const blocked = await attacker.login(c.users.nurse.email, TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate_limited');

    // Another address is not affected.
    const colleague = c.anonymous();
    colleague.remoteAddress = freshIp();
    expect((await colleague.login(c.users.nurse.email, TEST_PASSWORD)).status).toBe(200);

    h.clock.advance(15 * MIN + 1000);
    expect((await attacker.login(c.users.nurse.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('uses a default per-address limit from the configuration', async () => {
    const { loadConfig } = await import('../../config.ts');
    expect(loadConfig({}).loginRateLimitPerIp).toBeGreaterThanOrEqual(10);
    expect(() => loadConfig({ LOGIN_RATE_LIMIT_PER_IP: 'x' })).toThrow(/LOGIN_RATE_LIMIT_PER_IP/);
  });
});
