import { useCallback, useEffect, useState } from 'react';

/**
 * Deprecated: screens read server state through TanStack Query (`features/<domain>/queries.ts`). Kept only
 * for the live board until its event-driven cache lands; delete it then.
 *
 * Loads data on mount and on `reload()` (keeping the last data while reloading); aborts stale requests. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[] = []) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: callers pass their own deps
  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    load(ctrl.signal)
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch((e) => {
        if (!(e instanceof DOMException && e.name === 'AbortError')) setError(e);
      })
      .finally(() => setLoading(false));
    return () => ctrl.abort();
  }, [tick, ...deps]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload, setData };
}
