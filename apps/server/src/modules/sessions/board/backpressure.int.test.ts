/**
 * A board client that stops reading is dropped instead of buffered without limit: its socket fills, the
 * stream queues at most `SSE_LIMITS.maxQueuedBytes`, then the server ends the connection (its EventSource
 * would reconnect with Last-Event-ID and be replayed what it missed). A board that reads keeps every event.
 */

import type { AddressInfo } from 'node:net';
import net from 'node:net';
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';
import { openSse } from '../test/sse-client.ts';
import { boardHub } from './hub.ts';
import { SSE_LIMITS } from './sse-writer.ts';

const until = async (ok: () => boolean, timeoutMs: number, what: string) => {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe.each(testBackends())('board stream backpressure on %s', (backend) => {
  const h = useTestApp(backend);

  it('drops a client that does not read, with bounded memory, while a reading client gets everything', async () => {
    await h.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (h.app.server.address() as AddressInfo).port;
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const hub = boardHub(h.built.ctx);
    const healthy = await openSse(`http://127.0.0.1:${port}/api/v1/board/events`, {
      cookie: nurse.cookie as string,
    });
    await until(() => hub.subscriberCount(c.clinicId) === 1, 5000, 'the reading board');

    // A client that sends its request and never reads a byte of the answer.
    const stuck = net.connect(port, '127.0.0.1');
    stuck.pause();
    let stuckClosed = false;
    stuck.on('close', () => {
      stuckClosed = true;
    });
    stuck.on('error', () => {
      stuckClosed = true;
    });
    stuck.write(
      `GET /api/v1/board/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\nCookie: ${nurse.cookie}\r\n\r\n`,
    );
    await until(() => hub.subscriberCount(c.clinicId) === 2, 5000, 'the stuck board');
    const droppedBefore = hub.streamStats.dropped;

    // ~7 KB per event (under PostgreSQL's 8000-byte NOTIFY payload limit), in waves of 40 that the reading
    // board takes in before the next: 1,200 events are ~8.4 MB, more than loopback's socket buffers hold
    // (~4 MB) plus the stream's queue.
    const N = 1200;
    const WAVE = 40;
    const chair = 'x'.repeat(7000);
    for (let i = 1; i <= N; i++) {
      hub.publishAfterCommit({
        id: 1_000_000_000 + i,
        clinicId: c.clinicId,
        kind: 'session',
        data: { kind: 'session', sessionId: c.patientId, chair, status: 'monitoring' },
      });
      if (i % WAVE === 0) await healthy.waitFor(() => healthy.events.length >= i, 10_000);
    }

    await until(() => hub.streamStats.dropped > droppedBefore, 30_000, 'the stuck board to be dropped');
    expect(hub.subscriberCount(c.clinicId)).toBe(1);
    // What waited for the stuck socket never exceeded the bound by more than one event.
    expect(hub.streamStats.peakQueuedBytes).toBeLessThanOrEqual(SSE_LIMITS.maxQueuedBytes + 8 * 1024);

    // The reading board got every event, in full.
    await healthy.waitFor(() => healthy.events.length >= N, 30_000);
    expect(healthy.events.filter((e) => e.event === 'session')).toHaveLength(N);
    healthy.close();

    // The stuck client, once it reads again, finds its stream ended by the server (not left open).
    let bytes = 0;
    stuck.on('data', (b: Buffer) => {
      bytes += b.length;
    });
    stuck.resume();
    await until(() => stuckClosed, 10_000, 'the stuck connection to close');
    expect(bytes).toBeGreaterThan(0);
    expect(bytes).toBeLessThan(N * 7100);
  }, 90_000);
});
