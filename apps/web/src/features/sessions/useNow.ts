import { useEffect, useState } from 'react';

/** The browser clock, refreshed every `ms` (due times and elapsed minutes tick on between reloads). */
export function useNow(ms = 15_000) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(t);
  }, [ms]);
  return now;
}
