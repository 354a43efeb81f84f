import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getOutcomes, type OutcomesFilters } from './api.ts';

/** Query keys of the outcomes dashboard: one report per set of filters. */
const outcomesKeys = {
  all: ['outcomes'] as const,
  report: (f: OutcomesFilters) => [...outcomesKeys.all, 'report', f] as const,
};

export function useOutcomes(f: OutcomesFilters) {
  return useQuery({
    queryKey: outcomesKeys.report(f),
    queryFn: ({ signal }) => getOutcomes(f, signal),
    placeholderData: keepPreviousData,
  });
}
