import type { Patient } from '@plasticity/contracts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { getPatient, searchPatients } from '../../api/patients.ts';

/**
 * Query keys of the patients feature. Everything under `all` is patient records: creating or editing a
 * patient invalidates `all` (search results and the open chart alike).
 */
export const patientKeys = {
  all: ['patients'] as const,
  search: (term: string) => [...patientKeys.all, 'search', term] as const,
  detail: (id: string) => [...patientKeys.all, 'detail', id] as const,
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

export function usePatientQuery(id: string, enabled = true) {
  return useQuery({
    queryKey: patientKeys.detail(id),
    queryFn: ({ signal }) => getPatient(id, signal),
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
