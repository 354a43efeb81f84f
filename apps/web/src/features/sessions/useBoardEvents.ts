/**
 * Subscribes to the live board (Server-Sent Events, GET /api/v1/board/events) from `fromEventId` — the board
 * snapshot's `lastEventId` — so nothing raised between the snapshot and the subscription is missed (`null`:
 * from now on; `undefined`: not yet, the snapshot is loading). The
 * browser's EventSource reconnects by itself and sends Last-Event-ID, so the server replays what was missed;
 * while the stream is down `stale` is true (the board shows a banner). Every event is checked against the
 * contract (`BoardStreamEvent`): `onEvent` gets the valid ones with their id; `onRefetch` is asked for after
 * a reconnection (anything older than the replay window), on a `resync` event (events may have been missed
 * although this stream stayed open) and on a malformed event (counted and logged to the console once, never
 * dropped silently). The stream opens once: a later snapshot does not reopen it (events are applied by id).
 * An alert event is also announced to the shell's open-alerts strip, so it follows without waiting to poll.
 */
import { type BoardRecordedEvent, BoardStreamEvent } from '@plasticity/contracts';
import { useEffect, useRef, useState } from 'react';
import { announceAlertsChanged } from '../alerts/alertsChanged.ts';

export type BoardEventMessage = BoardRecordedEvent & { eventId: number };
export type RefetchReason = 'reconnected' | 'resync' | 'malformed';

/** Malformed events seen by this page (the console says so once). */
const malformedBoardEvents = { count: 0 };

export function useBoardEvents(
  fromEventId: number | null | undefined,
  onEvent: (e: BoardEventMessage) => void,
  onRefetch: (why: RefetchReason) => void,
) {
  const [stale, setStale] = useState(false);
  const handlers = useRef({ onEvent, onRefetch });
  handlers.current = { onEvent, onRefetch };
  const opened = fromEventId !== undefined;
  const from = useRef(fromEventId ?? undefined);
  from.current ??= fromEventId ?? undefined;
  useEffect(() => {
    if (!opened || typeof EventSource === 'undefined') return;
    const query = from.current === undefined ? '' : `?lastEventId=${from.current}`;
    const es = new EventSource(`/api/v1/board/events${query}`, { withCredentials: true });
    let wasDown = false;
    es.onopen = () => {
      setStale(false);
      if (wasDown) handlers.current.onRefetch('reconnected');
      wasDown = false;
    };
    es.onerror = () => {
      wasDown = true;
      setStale(true);
    };
    const receive = (ev: Event) => {
      const m = ev as MessageEvent<string>;
      let parsed: ReturnType<typeof BoardStreamEvent.safeParse> | undefined;
      try {
        parsed = BoardStreamEvent.safeParse(JSON.parse(m.data));
      } catch {
        parsed = undefined; // not JSON: counted below like any other malformed event
      }
      if (!parsed?.success || parsed.data.kind !== m.type) {
        malformedBoardEvents.count += 1;
        if (malformedBoardEvents.count === 1)
          console.error('Live board: an event did not match the board event contract; refetching the board.');
        handlers.current.onRefetch('malformed');
        return;
      }
      const e = parsed.data;
      if (e.kind === 'resync') return handlers.current.onRefetch('resync');
      handlers.current.onEvent({ ...e, eventId: Number(m.lastEventId) });
      if (e.kind === 'alert') announceAlertsChanged();
    };
    for (const kind of ['alert', 'vitals', 'session', 'resync']) es.addEventListener(kind, receive);
    return () => es.close();
  }, [opened]);
  return { stale };
}
