/** A minimal Server-Sent Events client over node:http for tests and the benchmark (loopback only). */
import http from 'node:http';

export interface SseEvent {
  id?: string;
  event: string;
  data: string;
}

export interface SseClient {
  events: SseEvent[];
  /** Resolves with the first event (already received or future) matching `pred`. */
  waitFor(pred: (e: SseEvent) => boolean, timeoutMs?: number): Promise<SseEvent>;
  onEvent(fn: (e: SseEvent) => void): void;
  status: number;
  headers: http.IncomingHttpHeaders;
  close(): void;
}

export function openSse(url: string, headers: Record<string, string>): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
      const events: SseEvent[] = [];
      const listeners = new Set<(e: SseEvent) => void>();
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buf += chunk;
        let i = buf.indexOf('\n\n');
        while (i >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const e: SseEvent = { event: 'message', data: '' };
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            const [k, ...rest] = line.split(':');
            const v = rest.join(':').replace(/^ /, '');
            if (k === 'id') e.id = v;
            else if (k === 'event') e.event = v;
            else if (k === 'data') data.push(v);
          }
          e.data = data.join('\n');
          if (data.length) {
            events.push(e);
            for (const l of listeners) l(e);
          }
          i = buf.indexOf('\n\n');
        }
      });
      resolve({
        events,
        status: res.statusCode ?? 0,
        headers: res.headers,
        onEvent: (fn) => listeners.add(fn),
        waitFor(pred, timeoutMs = 5000) {
          const hit = events.find(pred);
          if (hit) return Promise.resolve(hit);
          return new Promise((ok, fail) => {
            const t = setTimeout(() => {
              listeners.delete(fn);
              fail(new Error('timed out waiting for an SSE event'));
            }, timeoutMs);
            const fn = (e: SseEvent) => {
              if (!pred(e)) return;
              clearTimeout(t);
              listeners.delete(fn);
              ok(e);
            };
            listeners.add(fn);
          });
        },
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
  });
}
