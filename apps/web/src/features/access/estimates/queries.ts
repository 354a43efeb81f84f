import { useQuery } from '@tanstack/react-query';
import { getEstimatesDue, getPatientEstimates } from './api.ts';

/**
 * Query keys of good-faith estimates: each patient's coverage and estimates, and the clinic's due list. Every
 * change invalidates `estimateKeys.all` (an estimate changes the due list too).
 */
export const estimateKeys = {
  all: ['estimates'] as const,
  patient: (patientId: string) => [...estimateKeys.all, 'patient', patientId] as const,
  due: () => [...estimateKeys.all, 'due'] as const,
};

export function usePatientEstimates(patientId: string) {
  return useQuery({
    queryKey: estimateKeys.patient(patientId),
    queryFn: ({ signal }) => getPatientEstimates(patientId, signal),
  });
}

export function useEstimatesDue() {
  return useQuery({ queryKey: estimateKeys.due(), queryFn: ({ signal }) => getEstimatesDue(signal) });
}
