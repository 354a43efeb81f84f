import { useQuery } from '@tanstack/react-query';
import { getMoodTrend, listOwnEntries, listPortalPrompts, listPrompts, listSharedEntries } from './api.ts';

/**
 * Query keys of the journal feature: the patient's own entries and the prompts offered to them (portal), a
 * patient's shared entries and mood trend (chart, and the patient's own trend), and the clinic's prompt library.
 * Writing or sharing an entry invalidates `own()` and the shared list; a check-in invalidates that patient's
 * mood; a library edit invalidates `prompts()`.
 */
export const journalKeys = {
  all: ['journal'] as const,
  own: () => [...journalKeys.all, 'own'] as const,
  portalPrompts: () => [...journalKeys.all, 'portal-prompts'] as const,
  patient: (patientId: string) => [...journalKeys.all, 'patient', patientId] as const,
  shared: (patientId: string) => [...journalKeys.patient(patientId), 'shared'] as const,
  mood: (patientId: string) => [...journalKeys.patient(patientId), 'mood'] as const,
  prompts: () => [...journalKeys.all, 'prompts'] as const,
};

export function useOwnEntries() {
  return useQuery({ queryKey: journalKeys.own(), queryFn: ({ signal }) => listOwnEntries(signal) });
}

export function usePortalPrompts() {
  return useQuery({
    queryKey: journalKeys.portalPrompts(),
    queryFn: ({ signal }) => listPortalPrompts(signal),
  });
}

export function useSharedEntries(patientId: string) {
  return useQuery({
    queryKey: journalKeys.shared(patientId),
    queryFn: ({ signal }) => listSharedEntries(patientId, signal),
  });
}

export function useMoodTrend(patientId: string) {
  return useQuery({
    queryKey: journalKeys.mood(patientId),
    queryFn: ({ signal }) => getMoodTrend(patientId, signal),
    enabled: patientId !== '',
  });
}

export function usePromptLibrary() {
  return useQuery({ queryKey: journalKeys.prompts(), queryFn: ({ signal }) => listPrompts(signal) });
}
