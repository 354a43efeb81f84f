/**
 * Resolved sessions are cached per process (session-cache.ts); every change to what resolution returns must
 * still take effect at once in this process and, at commit, in every other process on the same database.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { Client, useSecondApp, useTestApp } from '../../test/harness.ts';

describe.each(testBackends())('session cache on %s', (backend) => {
  const h = useTestApp(backend);

  it('a role change, a deactivation and a logout take effect on the next request of this process', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const nurse = await c.login('nurse');
    for (let i = 0; i < 3; i++) expect((await nurse.get('/api/v1/me')).body.user.role).toBe('nurse');
    expect((await admin.patch(`/api/v1/users/${c.users.nurse.id}/role`, { role: 'prescriber' })).status).toBe(
      200,
    );
    // The role change revokes the nurse's sessions: the cached one must not outlive it.
    expect((await nurse.get('/api/v1/me')).status).toBe(401);
    const again = await c.login('nurse');
    expect((await again.get('/api/v1/me')).body.user.role).toBe('prescriber');
    expect((await admin.post(`/api/v1/users/${c.users.nurse.id}/deactivate`)).status).toBe(200);
    expect((await again.get('/api/v1/me')).status).toBe(401);
    const front = await c.login('front_desk');
    expect((await front.get('/api/v1/me')).status).toBe(200);
    const old = new Client(h.app);
    old.cookie = front.cookie;
    expect((await old.get('/api/v1/me')).status).toBe(200);
    expect((await front.post('/api/v1/auth/logout')).status).toBeLessThan(300);
    expect((await old.get('/api/v1/me')).status).toBe(401);
  });

  it("a clinic's stricter session policy applies to already-resolved sessions at once", async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const nurse = await c.login('nurse');
    expect((await nurse.get('/api/v1/me')).status).toBe(200);
    const r = await admin.patch('/api/v1/clinic/settings', { mfaRequiredRoles: ['nurse'] });
    expect(r.status).toBe(200);
    const blocked = await nurse.get('/api/v1/patients');
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.message).toMatch(/multi-factor/);
  });
});

const pgOnly = testBackends().filter((b) => b === 'postgres');
describe.skipIf(pgOnly.length === 0).each(pgOnly.length ? pgOnly : (['postgres'] as const))(
  'session cache across processes on %s',
  (backend) => {
    const h = useTestApp(backend);
    const secondApp = useSecondApp(h, backend);

    it('a deactivation on one process ends the session on another when it commits', async () => {
      const built = await secondApp();
      const c = await h.newClinic();
      const admin = await c.login('admin');
      const nurse = await c.login('nurse');
      const onSecond = new Client(built.app);
      onSecond.cookie = nurse.cookie;
      onSecond.csrf = nurse.csrf;
      // Resolved (and cached) on the second process.
      for (let i = 0; i < 3; i++) expect((await onSecond.get('/api/v1/me')).status).toBe(200);
      expect((await admin.post(`/api/v1/users/${c.users.nurse.id}/deactivate`)).status).toBe(200);
      let status = 200;
      for (let i = 0; i < 50 && status === 200; i++) {
        await new Promise((r) => setTimeout(r, 20));
        status = (await onSecond.get('/api/v1/me')).status;
      }
      expect(status).toBe(401);
    });
  },
);
