/**
 * Subscribes to the live board (Server-Sent Events, GET /api/v1/board/events). The browser's EventSource
 * reconnects by itself and sends Last-Event-ID, so the server replays what was missed; while the stream is
 * down `stale` is true (the board shows a banner). Calls `onEvent` for every event and `onReconnect` after a
 * reconnection (the board refetches its snapshot as well, covering anything older than the replay window), and
 * also on a `resync` event: the server's own database connection broke and came back, so events may have
 * been missed although this stream stayed open.
 */
import { useEffect, useRef, useState } from 'react';

export interface BoardEventMessage {
  kind: 'alert' | 'vitals' | 'session';
  id: string;
  data: Record<string, unknown>;
}

export function useBoardEvents(onEvent: (e: BoardEventMessage) => void, onReconnect?: () => void) {
  const [stale, setStale] = useState(false);
  const handlers = useRef({ onEvent, onReconnect });
  handlers.current = { onEvent, onReconnect };
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const es = new EventSource('/api/v1/board/events', { withCredentials: true });
    let wasDown = false;
    es.onopen = () => {
      setStale(false);
      if (wasDown) handlers.current.onReconnect?.();
      wasDown = false;
    };
    es.onerror = () => {
      wasDown = true;
      setStale(true);
    };
    const listen = (kind: BoardEventMessage['kind']) =>
      es.addEventListener(kind, (ev) => {
        const m = ev as MessageEvent<string>;
        try {
          handlers.current.onEvent({ kind, id: m.lastEventId, data: JSON.parse(m.data) });
        } catch {
          /* ignore a malformed event */
        }
      });
    listen('alert');
    listen('vitals');
    listen('session');
    es.addEventListener('resync', () => handlers.current.onReconnect?.());
    return () => es.close();
  }, []);
  return { stale };
}
