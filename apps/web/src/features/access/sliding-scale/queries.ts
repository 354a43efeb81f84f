import { useQuery } from '@tanstack/react-query';
import { getTiers, listAssessments, listGuidelineYears } from './api.ts';

/**
 * Query keys of the sliding scale: the clinic's tiers and guideline years (admin edits invalidate them), and a
 * patient's assessments (recording one or marking one entered in error writes the answer into the cache).
 */
export const slidingScaleKeys = {
  all: ['sliding-scale'] as const,
  tiers: () => [...slidingScaleKeys.all, 'tiers'] as const,
  years: () => [...slidingScaleKeys.all, 'years'] as const,
  patient: (patientId: string) => [...slidingScaleKeys.all, 'patient', patientId] as const,
};

export function useSlidingScaleTiers() {
  return useQuery({ queryKey: slidingScaleKeys.tiers(), queryFn: ({ signal }) => getTiers(signal) });
}

export function useGuidelineYears() {
  return useQuery({
    queryKey: slidingScaleKeys.years(),
    queryFn: ({ signal }) => listGuidelineYears(signal),
  });
}

export function useSlidingScaleAssessments(patientId: string) {
  return useQuery({
    queryKey: slidingScaleKeys.patient(patientId),
    queryFn: ({ signal }) => listAssessments(patientId, signal),
  });
}
