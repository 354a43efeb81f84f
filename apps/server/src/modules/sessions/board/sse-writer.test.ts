import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createSseWriter } from './sse-writer.ts';

/** A socket that accepts `highWaterMark` bytes and then takes a block only when `release()` is called. */
function slowSocket(highWaterMark = 16) {
  const received: string[] = [];
  const waiting: Array<() => void> = [];
  const socket = new Writable({
    highWaterMark,
    write(chunk: Buffer, _enc, cb) {
      received.push(chunk.toString());
      waiting.push(cb);
    },
  });
  const release = () => {
    for (const cb of waiting.splice(0)) cb();
  };
  return { socket, received, release };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('createSseWriter', () => {
  it('stops writing when the socket is full, queues, and sends the queue in order on drain', async () => {
    const { socket, received, release } = slowSocket();
    const drops: string[] = [];
    const w = createSseWriter(socket, { drainTimeoutMs: 1000, maxQueuedBytes: 1000 }, (r) => drops.push(r));
    for (const t of ['a'.repeat(20), 'b', 'c']) w.write(t);
    expect(received).toEqual(['a'.repeat(20)]); // 'b' and 'c' wait for drain
    release();
    await sleep(10);
    release();
    await sleep(10);
    expect(received.join('')).toBe(`${'a'.repeat(20)}bc`);
    expect(drops).toEqual([]);
    expect(w.dropped).toBe(false);
  });

  it('drops a client whose socket does not drain in time', async () => {
    const { socket, received } = slowSocket();
    const drops: string[] = [];
    const w = createSseWriter(socket, { drainTimeoutMs: 30, maxQueuedBytes: 1000 }, (r) => drops.push(r));
    w.write('x'.repeat(20));
    w.write('y');
    await sleep(80);
    expect(drops).toEqual(['drain_timeout']);
    expect(w.dropped).toBe(true);
    expect(socket.destroyed).toBe(true);
    w.write('z');
    expect(received).toEqual(['x'.repeat(20)]);
  });

  it('drops a client at once when the queue grows past its bound, never holding more', () => {
    const { socket } = slowSocket();
    const drops: Array<[string, number]> = [];
    let peak = 0;
    const w = createSseWriter(
      socket,
      { drainTimeoutMs: 10_000, maxQueuedBytes: 100 },
      (r, n) => drops.push([r, n]),
      (n) => {
        peak = Math.max(peak, n);
      },
    );
    for (let i = 0; i < 50; i++) w.write('e'.repeat(30));
    expect(drops.map((d) => d[0])).toEqual(['queue_full']);
    expect(peak).toBeLessThanOrEqual(100 + 30);
    expect(w.dropped).toBe(true);
  });
});
