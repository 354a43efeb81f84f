import { useEffect, useRef } from 'react';

const ACTIVITY_EVENTS = [
  'pointerdown',
  'pointermove',
  'mousemove',
  'keydown',
  'touchstart',
  'wheel',
] as const;
const CHANNEL = 'plasticity-activity';
const BROADCAST_EVERY_MS = 5_000;

/**
 * Calls `onIdle` once after `timeoutSec` seconds without mouse, key or touch activity.
 * Activity in another tab of the app counts too (BroadcastChannel, no data but a ping), so a
 * nurse working in one tab is not signed out by an idle second tab. `onActivity` is called
 * (throttled by the caller if needed) on each local activity, e.g. to keep the server session alive.
 */
export function useIdleTimeout(timeoutSec: number, onIdle: () => void, onActivity?: () => void): void {
  const onIdleRef = useRef(onIdle);
  const onActivityRef = useRef(onActivity);
  onIdleRef.current = onIdle;
  onActivityRef.current = onActivity;

  useEffect(() => {
    if (!Number.isFinite(timeoutSec) || timeoutSec <= 0) return;
    const timeoutMs = timeoutSec * 1000;
    let lastActivity = Date.now();
    let lastBroadcast = 0;
    let fired = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const check = () => {
      if (fired) return;
      const idleFor = Date.now() - lastActivity;
      if (idleFor >= timeoutMs) {
        fired = true;
        onIdleRef.current();
      } else {
        timer = setTimeout(check, timeoutMs - idleFor);
      }
    };

    const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
    if (channel) {
      channel.onmessage = () => {
        lastActivity = Date.now();
      };
    }

    const onLocalActivity = () => {
      const now = Date.now();
      lastActivity = now;
      if (channel && now - lastBroadcast > BROADCAST_EVERY_MS) {
        lastBroadcast = now;
        channel.postMessage('active');
      }
      onActivityRef.current?.();
    };
    // After sleep or a throttled background tab, check as soon as the page is visible again.
    const onVisible = () => {
      if (document.visibilityState === 'visible') {
        clearTimeout(timer);
        check();
      }
    };

    for (const name of ACTIVITY_EVENTS)
      window.addEventListener(name, onLocalActivity, { passive: true, capture: true });
    document.addEventListener('visibilitychange', onVisible);
    timer = setTimeout(check, timeoutMs);

    return () => {
      clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS)
        window.removeEventListener(name, onLocalActivity, { capture: true });
      document.removeEventListener('visibilitychange', onVisible);
      channel?.close();
    };
  }, [timeoutSec]);
}
