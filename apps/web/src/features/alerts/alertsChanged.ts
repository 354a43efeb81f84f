/**
 * A browser-wide notice that alerts changed (one raised or acknowledged): the live board's stream and the
 * acknowledge buttons announce it; the open-alerts strip re-reads at once instead of at its next poll.
 */
const EVENT = 'plasticity:alerts-changed';

export function announceAlertsChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

export function onAlertsChanged(fn: () => void): () => void {
  window.addEventListener(EVENT, fn);
  return () => window.removeEventListener(EVENT, fn);
}
