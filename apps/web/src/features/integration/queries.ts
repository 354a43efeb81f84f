import type { WorklistStatus } from '@plasticity/contracts';
import { useQuery } from '@tanstack/react-query';
import { getPreparation, getWorklist, listProtocolTemplates } from './api.ts';

/**
 * Query keys of the integration feature: the worklist (per status filter), each patient's preparation records and
 * the protocol templates. Recording a preparation invalidates that patient's key.
 */
export const integrationKeys = {
  all: ['integration'] as const,
  worklist: (status: WorklistStatus | null) => [...integrationKeys.all, 'worklist', { status }] as const,
  preparation: (patientId: string) => [...integrationKeys.all, 'preparation', patientId] as const,
  templates: () => [...integrationKeys.all, 'templates'] as const,
};

export function useWorklist(status: WorklistStatus | null) {
  return useQuery({
    queryKey: integrationKeys.worklist(status),
    queryFn: ({ signal }) => getWorklist(status, signal),
  });
}

export function usePreparation(patientId: string) {
  return useQuery({
    queryKey: integrationKeys.preparation(patientId),
    queryFn: ({ signal }) => getPreparation(patientId, signal),
  });
}

export function useProtocolTemplates() {
  return useQuery({
    queryKey: integrationKeys.templates(),
    queryFn: ({ signal }) => listProtocolTemplates(signal),
  });
}
