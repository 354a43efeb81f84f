import { useDebouncedValue } from '@mantine/hooks';
import type { Patient } from '@plasticity/contracts';
import { useEffect, useState } from 'react';
import { searchPatients } from '../../api/patients.ts';

const SEARCH_DEBOUNCE_MS = 300;

interface SearchState {
  items: Patient[];
  loading: boolean;
  error: unknown;
}

/**
 * Server-side patient search, debounced. The term lives only in component state: it is never
 * put in the URL or any storage. Earlier requests are aborted so results never arrive out of order.
 */
export function usePatientSearch(term: string): SearchState {
  const [debounced] = useDebouncedValue(term.trim(), SEARCH_DEBOUNCE_MS);
  const [state, setState] = useState<SearchState>({ items: [], loading: true, error: null });

  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, error: null }));
    searchPatients(debounced, controller.signal).then(
      (items) => setState({ items, loading: false, error: null }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ items: [], loading: false, error });
      },
    );
    return () => controller.abort();
  }, [debounced]);

  return state;
}
