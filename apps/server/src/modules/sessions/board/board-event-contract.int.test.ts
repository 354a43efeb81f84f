/**
 * One definition of the board event: every event a board receives live (built in TypeScript, or by the
 * vitals upload statement in SQL) matches the contract's union, and the same event replayed after
 * Last-Event-ID (read back from `board_events`) is equal to it — for each kind. The snapshot's `lastEventId`
 * is where a board opens its stream, so an event raised between the snapshot and the subscription arrives.
 */
import type { AddressInfo } from 'node:net';
import { BoardStreamEvent } from '@plasticity/contracts';
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';
import { at, newSession } from '../test/fixtures.ts';
import { openSse, type SseEvent } from '../test/sse-client.ts';

describe.each(testBackends())('board event contract on %s', (backend) => {
  const h = useTestApp(backend);
  const url = async () => {
    if (!h.app.server.listening) await h.app.listen({ port: 0, host: '127.0.0.1' });
    return `http://127.0.0.1:${(h.app.server.address() as AddressInfo).port}/api/v1/board/events`;
  };

  it('replays each kind of event exactly as it was sent live, and every event matches the contract', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const headers = { cookie: nurse.cookie as string };
    const from = (await nurse.get('/api/v1/board')).body.lastEventId as number;
    const live = await openSse(`${await url()}?lastEventId=${from}`, headers);

    const s = await newSession(h, c, nurse, undefined, '5'); // session (created)
    await nurse.post(`/api/v1/sessions/${s.id}/vitals`, {
      idempotencyKey: 'c1',
      readings: [
        { at: at(h, -2000), hr: 70, spo2: 97 },
        { at: at(h), hr: 72, spo2: 96 },
      ],
    }); // vitals (group commit, SQL-built)
    const crossing = await nurse.post(`/api/v1/sessions/${s.id}/vitals`, {
      idempotencyKey: 'c2',
      readings: [{ at: at(h, 1000), hr: 75, spo2: 86 }],
    }); // alert + vitals (the crossing upload's own transaction)
    const alertId = crossing.body.alerts[0].id as string;
    await nurse.post(`/api/v1/sessions/${s.id}/alerts/${alertId}/acknowledge`, { note: 'repositioned' });
    await nurse.post(`/api/v1/sessions/${s.id}/transition`, { to: 'cancelled', reason: 'did not attend' });

    const kinds = (es: SseEvent[]) => es.map((e) => e.event);
    const want = ['alert', 'alert', 'session', 'session', 'vitals', 'vitals'];
    await live.waitFor(() => live.events.length >= want.length, 5000);
    const sent = [...live.events].sort((x, y) => Number(x.id) - Number(y.id));
    expect(kinds(sent).sort()).toEqual(want);
    live.close();

    const replay = await openSse(`${await url()}?lastEventId=${from}`, headers);
    await replay.waitFor(() => replay.events.length >= want.length, 5000);
    expect(replay.events.map((e) => e.id)).toEqual(sent.map((e) => e.id));
    for (const [i, e] of sent.entries()) {
      const parsed = BoardStreamEvent.parse(JSON.parse(e.data));
      expect(parsed.kind).toBe(e.event);
      expect(JSON.parse(replay.events[i]?.data ?? 'null')).toEqual(JSON.parse(e.data));
    }
    replay.close();
    const events = sent.map((e) => BoardStreamEvent.parse(JSON.parse(e.data)));
    const of = (kind: string) => events.filter((e) => e.kind === kind);
    expect(of('vitals')[0]).toMatchObject({
      sessionId: s.id,
      chair: '5',
      count: 2,
      reading: { hr: 72, spo2: 96 },
    });
    expect(of('vitals')[1]).toMatchObject({ count: 1, reading: { hr: 75, spo2: 86 } });
    expect(of('alert')[0]).toMatchObject({ chair: '5', alert: { id: alertId, status: 'open', value: '86' } });
    expect(of('alert')[1]).toMatchObject({ alert: { id: alertId, status: 'acknowledged' } });
    expect(of('session').map((e) => e.kind === 'session' && e.status)).toEqual(['scheduled', 'cancelled']);
  });

  it('opens from the snapshot’s lastEventId: an event raised before subscribing still arrives', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const s = await newSession(h, c, nurse, undefined, '6');
    const snapshot = await nurse.get('/api/v1/board');
    expect(snapshot.body.lastEventId).toBeGreaterThan(0);
    await nurse.post(`/api/v1/sessions/${s.id}/vitals`, {
      idempotencyKey: 'gap',
      readings: [{ at: at(h), hr: 64, spo2: 98 }],
    });
    const sse = await openSse(`${await url()}?lastEventId=${snapshot.body.lastEventId}`, {
      cookie: nurse.cookie as string,
    });
    const e = await sse.waitFor((x) => x.event === 'vitals', 3000);
    expect(JSON.parse(e.data)).toMatchObject({ sessionId: s.id, reading: { hr: 64 } });
    expect(sse.events.filter((x) => x.event === 'session')).toEqual([]); // the snapshot had that one
    sse.close();
  });
});
