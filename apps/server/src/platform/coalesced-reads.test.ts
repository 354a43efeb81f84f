import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CoalescedReads } from './coalesced-reads.ts';

/** A read that stays open until the test ends it, and remembers who it served. */
function controlledReads() {
  const started: Array<{
    key: string;
    waiters: string[];
    end: (r: string) => void;
    fail: (e: Error) => void;
  }> = [];
  const reads = new CoalescedReads<string, string>(
    (key, waiters) =>
      new Promise<string>((end, fail) => {
        started.push({ key, waiters, end, fail });
      }),
  );
  return { reads, started };
}

/** Lets every settled promise's continuations run. */
const settle = () => new Promise((r) => setImmediate(r));

describe('CoalescedReads', () => {
  // The clock the gathering reads (`performance.now`) and its timer, under the test's hand.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives a lone request a read of its own, started at once', async () => {
    const { reads, started } = controlledReads();
    const a = reads.get('clinic-1', 'a');
    expect(started.map((s) => s.waiters)).toEqual([['a']]);
    started[0]?.end('board 1');
    await expect(a).resolves.toBe('board 1');
    expect(reads.stats).toEqual({ reads: 1, requests: 1, largestGroup: 1 });
  });

  it('never answers a request from a read that began before it arrived; those who wait share the next read', async () => {
    const { reads, started } = controlledReads();
    const a = reads.get('clinic-1', 'a');
    const b = reads.get('clinic-1', 'b');
    const c = reads.get('clinic-1', 'c');
    // b and c came while a's read ran: no second read beside it, and they are not served by it.
    expect(started.map((s) => s.waiters)).toEqual([['a']]);
    started[0]?.end('before b and c');
    await expect(a).resolves.toBe('before b and c');
    await settle();
    expect(started.map((s) => s.waiters)).toEqual([['a'], ['b', 'c']]);
    const d = reads.get('clinic-1', 'd'); // came during the second read: waits for a third
    started[1]?.end('after b and c');
    await expect(Promise.all([b, c])).resolves.toEqual(['after b and c', 'after b and c']);
    await settle();
    expect(started.map((s) => s.waiters)).toEqual([['a'], ['b', 'c'], ['d']]);
    started[2]?.end('after d');
    await expect(d).resolves.toBe('after d');
    expect(reads.stats).toEqual({ reads: 3, requests: 4, largestGroup: 2 });
  });

  it('reads each key on its own: another clinic never waits for this one', () => {
    const { reads, started } = controlledReads();
    void reads.get('clinic-1', 'a');
    void reads.get('clinic-2', 'b');
    void reads.get('clinic-1', 'c');
    expect(started.map((s) => [s.key, s.waiters])).toEqual([
      ['clinic-1', ['a']],
      ['clinic-2', ['b']],
    ]);
  });

  it('fails exactly the requests a failed read served, and reads again for the next ones', async () => {
    const { reads, started } = controlledReads();
    const a = reads.get('clinic-1', 'a');
    const b = reads.get('clinic-1', 'b');
    started[0]?.fail(new Error('connection lost'));
    await expect(a).rejects.toThrow('connection lost');
    await settle();
    started[1]?.end('board');
    await expect(b).resolves.toBe('board');
    const c = reads.get('clinic-1', 'c'); // the key is free again: a read at once
    expect(started.map((s) => s.waiters)).toEqual([['a'], ['b'], ['c']]);
    started[2]?.end('board 3');
    await expect(c).resolves.toBe('board 3');
  });

  it('turns a read that throws before its promise into a failed request, not a hang', async () => {
    let calls = 0;
    const reads = new CoalescedReads<string, string>(() => {
      calls += 1;
      if (calls === 1) throw new Error('bad key');
      return Promise.resolve('ok');
    });
    await expect(reads.get('k', 'a')).rejects.toThrow('bad key');
    await expect(reads.get('k', 'b')).resolves.toBe('ok');
  });

  describe('gathering the screens a read answered', () => {
    it('waits for the last round to come back, then reads for all of it at once', async () => {
      const { reads, started } = controlledReads();
      const a = reads.get('clinic-1', 'a');
      const b = reads.get('clinic-1', 'b');
      const c = reads.get('clinic-1', 'c');
      vi.advanceTimersByTime(10); // the read takes 10 ms
      started[0]?.end('first');
      await expect(a).resolves.toBe('first');
      await settle();
      // b and c came while it ran: the round was three; a is expected back within 10 ms.
      expect(started).toHaveLength(1);
      vi.advanceTimersByTime(4);
      const a2 = reads.get('clinic-1', 'a again');
      expect(started.map((s) => s.waiters)).toEqual([['a'], ['b', 'c', 'a again']]);
      started[1]?.end('second');
      await expect(Promise.all([b, c, a2])).resolves.toEqual(['second', 'second', 'second']);
      expect(reads.stats).toEqual({ reads: 2, requests: 4, largestGroup: 3 });
    });

    it('waits no longer than the last read took', async () => {
      const { reads, started } = controlledReads();
      const a = reads.get('clinic-1', 'a');
      const b = reads.get('clinic-1', 'b');
      vi.advanceTimersByTime(10);
      started[0]?.end('first');
      await a;
      await settle();
      vi.advanceTimersByTime(9);
      expect(started).toHaveLength(1);
      vi.advanceTimersByTime(1); // a did not come back: b is read for without it
      expect(started.map((s) => s.waiters)).toEqual([['a'], ['b']]);
      started[1]?.end('second');
      await expect(b).resolves.toBe('second');
    });

    it('waits at most maxGatherMs after a slow read', async () => {
      const { reads, started } = controlledReads();
      const a = reads.get('clinic-1', 'a');
      void reads.get('clinic-1', 'b');
      vi.advanceTimersByTime(400);
      started[0]?.end('slow');
      await a;
      await settle();
      vi.advanceTimersByTime(24);
      expect(started).toHaveLength(1);
      vi.advanceTimersByTime(1);
      expect(started).toHaveLength(2);
    });

    it('never delays a screen polling alone, or a request after the window', async () => {
      const { reads, started } = controlledReads();
      const a = reads.get('clinic-1', 'a');
      vi.advanceTimersByTime(10);
      started[0]?.end('first');
      await a;
      void reads.get('clinic-1', 'a again'); // its round was one: it is back
      expect(started.map((s) => s.waiters)).toEqual([['a'], ['a again']]);
      const b = reads.get('clinic-1', 'b');
      const c = reads.get('clinic-1', 'c');
      vi.advanceTimersByTime(10);
      started[1]?.end('second');
      await settle();
      vi.advanceTimersByTime(10); // 'a again' does not come back
      started[2]?.end('third'); // b and c's read
      await expect(Promise.all([b, c])).resolves.toEqual(['third', 'third']);
      vi.advanceTimersByTime(1_000);
      void reads.get('clinic-1', 'later'); // long after: at once, not waiting for the round of three
      expect(started.map((s) => s.waiters).at(-1)).toEqual(['later']);
    });
  });
});
