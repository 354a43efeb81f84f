/**
 * Several server processes on one PostgreSQL: a reading posted to one app reaches a board client
 * subscribed to another app (LISTEN/NOTIFY fan-out), for both in-transaction (alert) and after-commit
 * (vitals) announcements. Only meaningful on the PostgreSQL server (each embedded test database is private).
 */
import type { AddressInfo } from 'node:net';
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useSecondApp, useTestApp } from '../../../test/harness.ts';
import { at, newSession } from '../test/fixtures.ts';
import { openSse } from '../test/sse-client.ts';

const backends = testBackends().filter((b) => b === 'postgres');

// Skipped visibly (not silently absent) without TEST_DATABASE_URL.
describe.skipIf(backends.length === 0).each(backends.length ? backends : (['postgres'] as const))(
  'board fan-out across processes on %s',
  (backend) => {
    const h = useTestApp(backend);
    const secondApp = useSecondApp(h, backend);

    it('delivers an alert posted to one app to a board subscribed to another', async () => {
      const built = await secondApp();
      await built.app.listen({ port: 0, host: '127.0.0.1' });
      const c = await h.newClinic();
      const nurse = await c.login('nurse'); // a session cookie works on any process (sessions live in the database)
      const s = await newSession(h, c, nurse, undefined, '9');
      const port = (built.app.server.address() as AddressInfo).port;
      const board = await openSse(`http://127.0.0.1:${port}/api/v1/board/events`, {
        cookie: nurse.cookie as string,
      });
      expect(board.status).toBe(200);
      await nurse.post(`/api/v1/sessions/${s.id}/vitals`, {
        idempotencyKey: 'x1',
        readings: [{ at: at(h), spo2: 87, hr: 90 }],
      });
      const alert = await board.waitFor((e) => e.event === 'alert', 3000);
      expect(JSON.parse(alert.data)).toMatchObject({
        kind: 'alert',
        sessionId: s.id,
        alert: { parameter: 'spo2', value: '87' },
      });
      const vitals = await board.waitFor((e) => e.event === 'vitals', 3000);
      expect(JSON.parse(vitals.data).reading.spo2).toBe(87);
      board.close();
    });
  },
);
