import { useQuery } from '@tanstack/react-query';
import { getConsents, listEligibility, listIntakes, listPlans, listProtocols } from './api.ts';

/**
 * Query keys of the plans feature: the protocol library, and per patient the intakes, eligibility
 * decisions, consents and treatment plans. A change invalidates the narrowest key it makes stale
 * (`patient(id)` covers all four lists of one patient).
 */
export const planKeys = {
  all: ['plans'] as const,
  protocols: () => [...planKeys.all, 'protocols'] as const,
  protocolList: (history: boolean) => [...planKeys.protocols(), { history }] as const,
  patient: (patientId: string) => [...planKeys.all, 'patient', patientId] as const,
  intakes: (patientId: string) => [...planKeys.patient(patientId), 'intakes'] as const,
  eligibility: (patientId: string) => [...planKeys.patient(patientId), 'eligibility'] as const,
  consents: (patientId: string) => [...planKeys.patient(patientId), 'consents'] as const,
  plans: (patientId: string) => [...planKeys.patient(patientId), 'plans'] as const,
};

export function useProtocols(history = false) {
  return useQuery({
    queryKey: planKeys.protocolList(history),
    queryFn: ({ signal }) => listProtocols(history, signal),
  });
}

export function useIntakes(patientId: string) {
  return useQuery({
    queryKey: planKeys.intakes(patientId),
    queryFn: ({ signal }) => listIntakes(patientId, signal),
  });
}

export function useEligibility(patientId: string) {
  return useQuery({
    queryKey: planKeys.eligibility(patientId),
    queryFn: ({ signal }) => listEligibility(patientId, signal),
  });
}

export function useConsents(patientId: string) {
  return useQuery({
    queryKey: planKeys.consents(patientId),
    queryFn: ({ signal }) => getConsents(patientId, signal),
  });
}

export function usePlans(patientId: string) {
  return useQuery({
    queryKey: planKeys.plans(patientId),
    queryFn: ({ signal }) => listPlans(patientId, signal),
  });
}
