import type { MedicationLists } from '@plasticity/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { getLists } from './api.ts';

/** Query keys of the medications feature: one patient's medication and allergy lists. */
const medicationKeys = {
  all: ['medications'] as const,
  lists: (patientId: string) => [...medicationKeys.all, patientId] as const,
};

export function useMedicationLists(patientId: string) {
  return useQuery({
    queryKey: medicationKeys.lists(patientId),
    queryFn: ({ signal }) => getLists(patientId, signal),
  });
}

/** Every change answers with both lists as they now stand: they replace the cached ones. */
export function useSetMedicationLists(patientId: string): (lists: MedicationLists) => void {
  const queries = useQueryClient();
  return useCallback(
    (lists: MedicationLists) => queries.setQueryData(medicationKeys.lists(patientId), lists),
    [queries, patientId],
  );
}
