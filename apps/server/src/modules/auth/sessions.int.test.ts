/**
 * Sessions (OWASP Session Management Cheat Sheet): idle timeout (default 15 minutes,
 * a clinic setting), absolute lifetime (12 hours) even while active, server-side logout, a new token
 * at every login, and the cookie's flags.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';

const MIN = 60_000;

describe.each(testBackends())('sessions on %s', (backend) => {
  const h = useTestApp(backend);

  it('sets an HttpOnly, SameSite=Strict cookie on path / and a new token at each login', async () => {
    const c = await h.newClinic();
    const client = c.anonymous();
    const first = await client.login(c.users.nurse.email);
    const raw = String([first.headers['set-cookie']].flat()[0]);
    expect(raw).toMatch(/^plasticity_session=[A-Za-z0-9_-]{40,}/);
    expect(raw).toMatch(/;\s*HttpOnly/i);
    expect(raw).toMatch(/;\s*SameSite=Strict/i);
    expect(raw).toMatch(/;\s*Path=\//);
    expect(raw).not.toMatch(/Secure/i); // plain HTTP here; Secure is set when served over HTTPS
    const firstCookie = client.cookie;
    // Logging in again while holding a session still issues a fresh token (no session fixation).
    const second = await client.login(c.users.nurse.email);
    expect(second.status).toBe(200);
    expect(client.cookie).not.toBe(firstCookie);
    expect(second.body.csrfToken).not.toBe(first.body.csrfToken);
    const stored = await h.database.db
      .selectFrom('sessions')
      .select(['token_hash'])
      .where('user_id', '=', c.users.nurse.id)
      .execute();
    const token = client.cookie?.split('=')[1] ?? '';
    expect(stored.map((s) => s.token_hash)).not.toContain(token); // stored hashed, never as the token
  });

  it('expires an idle session after 15 minutes (401 session_expired) and keeps an active one alive', async () => {
    const c = await h.newClinic();
    const active = await c.login('nurse');
    const idle = await c.login('therapist');
    for (let i = 0; i < 4; i++) {
      h.clock.advance(10 * MIN);
      expect((await active.get('/api/v1/me')).status, `active after ${(i + 1) * 10} min`).toBe(200);
    }
    const r = await idle.get('/api/v1/me');
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('session_expired');
    // Once expired, it stays gone even if the clock were to go back.
    expect((await idle.get('/api/v1/me')).status).toBe(401);
    h.clock.advance(15 * MIN);
    expect((await active.get('/api/v1/me')).body.error.code).toBe('session_expired');
  });

  it('keeps a session valid just under the idle limit (14 min 59 s)', async () => {
    const c = await h.newClinic();
    const s = await c.login('nurse');
    h.clock.advance(14 * MIN + 59_000);
    expect((await s.get('/api/v1/me')).status).toBe(200);
  });

  it('uses the clinic’s idle timeout setting', async () => {
    const c = await h.newClinic({ settings: { idleTimeoutMin: 5 } });
    const s = await c.login('nurse');
    expect((await s.get('/api/v1/me')).body.user.idleTimeoutSec).toBe(300);
    h.clock.advance(4 * MIN);
    expect((await s.get('/api/v1/me')).status).toBe(200);
    h.clock.advance(5 * MIN + 1000);
    expect((await s.get('/api/v1/me')).body.error.code).toBe('session_expired');
  });

  it('ends a session after its 12-hour absolute lifetime even while active', async () => {
    const c = await h.newClinic();
    const s = await c.login('prescriber');
    let elapsed = 0;
    while (elapsed + 10 * MIN < 12 * 60 * MIN) {
      h.clock.advance(10 * MIN);
      elapsed += 10 * MIN;
      expect((await s.get('/api/v1/me')).status, `at ${elapsed / MIN} min`).toBe(200);
    }
    h.clock.advance(12 * 60 * MIN - elapsed);
    const r = await s.get('/api/v1/me');
    expect(r.status).toBe(401);
    expect(r.body.error.code).toBe('session_expired');
  });

  it('writes session activity at most once a minute', async () => {
    const c = await h.newClinic();
    const s = await c.login('nurse');
    const seen = async () =>
      (
        await h.database.db
          .selectFrom('sessions')
          .select('last_seen_at')
          .where('user_id', '=', c.users.nurse.id)
          .executeTakeFirstOrThrow()
      ).last_seen_at.getTime();
    h.clock.advance(2 * MIN);
    await s.get('/api/v1/me');
    const t1 = await seen();
    for (let i = 0; i < 5; i++) {
      h.clock.advance(5_000);
      await s.get('/api/v1/me');
    }
    expect(await seen()).toBe(t1);
    h.clock.advance(60_000);
    await s.get('/api/v1/me');
    expect(await seen()).toBeGreaterThan(t1);
  });

  it('revokes the session on the server at logout: replaying the old cookie answers 401', async () => {
    const c = await h.newClinic();
    const s = await c.login('nurse');
    const oldCookie = s.cookie as string;
    const csrf = s.csrf as string;
    const out = await s.post('/api/v1/auth/logout');
    expect(out.status).toBe(200);
    expect(String([out.headers['set-cookie']].flat()[0])).toMatch(/plasticity_session=;/);
    const replay = c.anonymous();
    replay.cookie = oldCookie;
    replay.csrf = csrf;
    expect((await replay.get('/api/v1/me')).status).toBe(401);
    expect((await replay.get('/api/v1/patients')).status).toBe(401);
    expect((await replay.post('/api/v1/auth/logout')).status).toBe(401);
    const row = await h.database.db
      .selectFrom('sessions')
      .select('revoked_at')
      .where('user_id', '=', c.users.nurse.id)
      .executeTakeFirstOrThrow();
    expect(row.revoked_at).not.toBeNull();
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('user_id', '=', c.users.nurse.id)
      .where('action', '=', 'logout')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('answers 401 to an unknown or malformed cookie', async () => {
    const c = await h.newClinic();
    const x = c.anonymous();
    for (const cookie of [
      'plasticity_session=nope',
      'plasticity_session=',
      `plasticity_session=${'a'.repeat(5000)}`,
    ]) {
      x.cookie = cookie;
      expect((await x.get('/api/v1/me')).status, cookie.slice(0, 40)).toBe(401);
    }
  });
});
