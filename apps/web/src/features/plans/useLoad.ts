import { useCallback, useEffect, useState } from 'react';

/** Loads data on mount and on `reload()`; aborts on unmount. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: callers pass their own deps
  useEffect(() => {
    const c = new AbortController();
    setError(null);
    load(c.signal).then(
      (d) => {
        if (!c.signal.aborted) setData(d);
      },
      (e: unknown) => {
        if (!c.signal.aborted) setError(e);
      },
    );
    return () => c.abort();
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, reload };
}
