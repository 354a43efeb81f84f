import { useDebouncedValue } from '@mantine/hooks';
import type { Patient } from '@plasticity/contracts';
import { usePatientSearchQuery } from './queries.ts';

const SEARCH_DEBOUNCE_MS = 300;

interface SearchState {
  items: Patient[];
  loading: boolean;
  error: unknown;
}

/**
 * Server-side patient search, debounced. The term lives only in component state and the in-memory
 * query cache: it is never put in the URL or any storage. TanStack Query cancels superseded requests,
 * so results never arrive out of order.
 */
export function usePatientSearch(term: string): SearchState {
  const [debounced] = useDebouncedValue(term.trim(), SEARCH_DEBOUNCE_MS);
  const query = usePatientSearchQuery(debounced);
  return {
    items: query.error ? [] : (query.data ?? []),
    loading: query.isFetching,
    error: query.error,
  };
}
