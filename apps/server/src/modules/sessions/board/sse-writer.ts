/**
 * Writes Server-Sent Events to one board client without buffering without limit (backpressure, Node.js
 * "Backpressuring in Streams"). While the socket drains, text goes straight to it. Once `write` returns
 * false, nothing more is handed to the socket: events wait in a small queue until `drain`. When `drain`
 * does not come within `drainTimeoutMs`, or the queue grows past `maxQueuedBytes`, the client is not reading
 * (a frozen tab, a dead network path the kernel has not noticed): the connection is destroyed and its memory
 * freed. Nothing is lost for the client: its EventSource reconnects with Last-Event-ID and the route replays
 * what it missed from `board_events`.
 */
import type { Writable } from 'node:stream';

/** What the writer needs of the response (an `http.ServerResponse` is one). */
export type SseSocket = Pick<Writable, 'write' | 'once' | 'off' | 'destroy' | 'writableLength' | 'destroyed'>;

export interface SseLimits {
  /** How long the socket may stay full before the client is dropped. */
  drainTimeoutMs: number;
  /** Bytes that may wait for the socket (beyond Node's own buffer) before the client is dropped. */
  maxQueuedBytes: number;
}

/** A burst of board events (a NOTIFY batch of 200, under 1 KB each) fits the queue; a stuck client does not. */
export const SSE_LIMITS: SseLimits = { drainTimeoutMs: 5_000, maxQueuedBytes: 1024 * 1024 };

export interface SseWriter {
  /** Sends (or queues) one block of SSE text; ignored once the client was dropped. */
  write(text: string): void;
  readonly dropped: boolean;
}

/**
 * `onDrop` is called once, with why and how many bytes were waiting, when the client is dropped;
 * `onQueued` reports the bytes waiting after each queued block (for the stream statistics).
 */
export function createSseWriter(
  res: SseSocket,
  limits: SseLimits,
  onDrop: (reason: 'drain_timeout' | 'queue_full', queuedBytes: number) => void,
  onQueued?: (queuedBytes: number) => void,
): SseWriter {
  let queue: string[] = [];
  let queuedBytes = 0;
  let blocked = false;
  let dropped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const drop = (reason: 'drain_timeout' | 'queue_full') => {
    if (dropped || res.destroyed) return;
    dropped = true;
    clearTimeout(timer);
    res.off('drain', onDrain);
    const n = queuedBytes + res.writableLength;
    queue = [];
    queuedBytes = 0;
    onDrop(reason, n);
    res.destroy();
  };
  // A client that leaves while its socket is full is simply gone, not dropped.
  res.once('close', () => {
    clearTimeout(timer);
    queue = [];
    queuedBytes = 0;
  });
  const block = () => {
    blocked = true;
    timer = setTimeout(() => drop('drain_timeout'), limits.drainTimeoutMs);
    timer.unref();
    res.once('drain', onDrain);
  };
  function onDrain() {
    clearTimeout(timer);
    blocked = false;
    while (queue.length && !dropped) {
      const text = queue.shift() ?? '';
      queuedBytes -= Buffer.byteLength(text);
      if (!res.write(text)) return block();
    }
  }
  return {
    write(text) {
      if (dropped || res.destroyed) return;
      if (!blocked) {
        if (!res.write(text)) block();
        return;
      }
      queue.push(text);
      queuedBytes += Buffer.byteLength(text);
      onQueued?.(queuedBytes);
      if (queuedBytes > limits.maxQueuedBytes) drop('queue_full');
    },
    get dropped() {
      return dropped;
    },
  };
}
