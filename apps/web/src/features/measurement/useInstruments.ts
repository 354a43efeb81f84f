import { useInstrumentDefs } from './queries.ts';

/** The clinic's instrument definitions (cached for the page's lifetime). */
export function useInstruments() {
  const { data, error } = useInstrumentDefs();
  return { defs: data ?? null, error };
}
