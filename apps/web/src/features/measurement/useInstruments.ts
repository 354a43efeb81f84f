import type { InstrumentDefinition } from '@plasticity/clinical/instruments';
import { useEffect, useState } from 'react';
import { listInstruments } from './api.ts';

/** The clinic's instrument definitions (loaded once per mount). */
export function useInstruments() {
  const [defs, setDefs] = useState<InstrumentDefinition[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const c = new AbortController();
    listInstruments(c.signal).then(setDefs, (e: unknown) => {
      if (!c.signal.aborted) setError(e);
    });
    return () => c.abort();
  }, []);
  return { defs, error };
}
