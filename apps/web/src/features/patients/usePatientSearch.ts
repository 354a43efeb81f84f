import { useDebouncedValue } from '@mantine/hooks';
import type { Patient } from '@plasticity/contracts';
import { usePatientPagesQuery } from './queries.ts';

const SEARCH_DEBOUNCE_MS = 300;

interface SearchState {
  items: Patient[];
  loading: boolean;
  error: unknown;
  /** Another page follows the ones shown. */
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
}

/**
 * Server-side patient search, debounced. The term lives only in component state and the in-memory
 * query cache: it is never put in the URL or any storage. TanStack Query cancels superseded requests,
 * so results never arrive out of order. Results come 50 at a time; `loadMore` appends the next page.
 */
export function usePatientSearch(term: string): SearchState {
  const [debounced] = useDebouncedValue(term.trim(), SEARCH_DEBOUNCE_MS);
  const query = usePatientPagesQuery(debounced);
  return {
    items: query.error ? [] : (query.data?.pages.flatMap((p) => p.items) ?? []),
    loading: query.isFetching && !query.isFetchingNextPage,
    error: query.error,
    hasMore: query.hasNextPage,
    loadingMore: query.isFetchingNextPage,
    // Fire and forget: fetchNextPage never rejects; a failure lands in `query.error`, shown by the page.
    loadMore: () => void query.fetchNextPage(),
  };
}
