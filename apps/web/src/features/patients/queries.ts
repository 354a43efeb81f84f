import type { Patient } from '@plasticity/contracts';
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { getChartSummary, getPatient, searchPatients, searchPatientsPage } from '../../api/patients.ts';

/**
 * Query keys of the patients feature. Everything under `all` is patient records: creating or editing a
 * patient invalidates `all` (search results and the open chart alike).
 */
export const patientKeys = {
  all: ['patients'] as const,
  search: (term: string) => [...patientKeys.all, 'search', term] as const,
  pages: (term: string) => [...patientKeys.all, 'search', term, 'pages'] as const,
  detail: (id: string) => [...patientKeys.all, 'detail', id] as const,
  summary: (id: string) => [...patientKeys.all, 'summary', id] as const,
};

/** Server-side search; the previous results stay on screen while the next term loads. */
export function usePatientSearchQuery(term: string, enabled = true) {
  return useQuery({
    queryKey: patientKeys.search(term),
    queryFn: ({ signal }) => searchPatients(term, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The patients page: the list or a search, 50 at a time; `fetchNextPage` appends the next page. */
export function usePatientPagesQuery(term: string) {
  return useInfiniteQuery({
    queryKey: patientKeys.pages(term),
    queryFn: ({ signal, pageParam }) => searchPatientsPage(term, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function usePatientQuery(id: string, enabled = true) {
  return useQuery({
    queryKey: patientKeys.detail(id),
    queryFn: ({ signal }) => getPatient(id, signal),
    enabled,
  });
}

/** The chart's glance; read again every 30 s and on returning to the window, so an alert shows without a reload. */
export function useChartSummaryQuery(id: string, enabled = true) {
  return useQuery({
    queryKey: patientKeys.summary(id),
    queryFn: ({ signal }) => getChartSummary(id, signal),
    refetchInterval: 30_000,
    enabled,
  });
}

/** Puts a patient record the server just returned into the cache (the chart shows it at once). */
export function useSetPatient(): (patient: Patient) => void {
  const queries = useQueryClient();
  return useCallback(
    (patient: Patient) => {
      queries.setQueryData(patientKeys.detail(patient.id), patient);
      void queries.invalidateQueries({ queryKey: [...patientKeys.all, 'search'] });
    },
    [queries],
  );
}
