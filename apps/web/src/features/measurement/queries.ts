import { useQuery } from '@tanstack/react-query';
import {
  type AssessmentListT,
  getSchedule,
  getSelfReportForm,
  listAssessments,
  listCheckIns,
  listInstruments,
  listOutbox,
  readDemoMailbox,
} from './api.ts';

/**
 * Query keys of the measurement feature. Per patient: the assessment series (one list per instrument),
 * the measurement schedule and the portal's pending check-ins; entering or correcting a score invalidates
 * `patient(id)`. Clinic-wide: the instrument definitions, the outbox and the demo mailbox.
 */
export const measurementKeys = {
  all: ['measurement'] as const,
  instruments: () => [...measurementKeys.all, 'instruments'] as const,
  patient: (patientId: string) => [...measurementKeys.all, 'patient', patientId] as const,
  series: (patientId: string) => [...measurementKeys.patient(patientId), 'series'] as const,
  schedule: (patientId: string) => [...measurementKeys.patient(patientId), 'schedule'] as const,
  checkIns: (patientId: string) => [...measurementKeys.patient(patientId), 'check-ins'] as const,
  outbox: (status: 'unsent' | 'all') => [...measurementKeys.all, 'outbox', status] as const,
  demoMailbox: () => [...measurementKeys.all, 'demo-mailbox'] as const,
  selfReportForm: (token: string) => [...measurementKeys.all, 'self-report', token] as const,
};

/** The clinic's instrument definitions; they change only with a release, so they stay fresh. */
export function useInstrumentDefs() {
  return useQuery({
    queryKey: measurementKeys.instruments(),
    queryFn: ({ signal }) => listInstruments(signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Every instrument the patient has scores for, each with its series (trend, baseline, progress). */
export function useAssessmentSeries(patientId: string) {
  return useQuery({
    queryKey: measurementKeys.series(patientId),
    queryFn: async ({ signal }): Promise<Record<string, AssessmentListT>> => {
      const all = await listAssessments(patientId, undefined, signal);
      const ids = [...new Set(all.items.map((a) => a.instrument))];
      const entries = await Promise.all(
        ids.map(async (id) => [id, await listAssessments(patientId, id, signal)] as const),
      );
      return Object.fromEntries(entries);
    },
  });
}

export function useSchedule(patientId: string) {
  return useQuery({
    queryKey: measurementKeys.schedule(patientId),
    queryFn: ({ signal }) => getSchedule(patientId, signal),
  });
}

export function useCheckIns(patientId: string) {
  return useQuery({
    queryKey: measurementKeys.checkIns(patientId),
    queryFn: ({ signal }) => listCheckIns(patientId, signal),
    enabled: patientId !== '',
  });
}

export function useOutbox(status: 'unsent' | 'all') {
  return useQuery({
    queryKey: measurementKeys.outbox(status),
    queryFn: ({ signal }) => listOutbox(status, signal),
  });
}

/**
 * The demo mailbox issues its links afresh on every read, so an earlier read is never shown again
 * (its links no longer work): nothing is kept once the page closes.
 */
export function useDemoMailbox() {
  return useQuery({
    queryKey: measurementKeys.demoMailbox(),
    queryFn: ({ signal }) => readDemoMailbox(signal),
    gcTime: 0,
  });
}

/** The public self-report form behind a one-time token; nothing is kept once the page closes. */
export function useSelfReportForm(token: string) {
  return useQuery({
    queryKey: measurementKeys.selfReportForm(token),
    queryFn: ({ signal }) => getSelfReportForm(token, signal),
    gcTime: 0,
  });
}
