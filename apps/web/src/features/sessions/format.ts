/** Display helpers for the session screens. */
import type { SessionStatus } from '@plasticity/contracts';

export const PHASE_LABEL: Record<string, string> = {
  scheduled: 'Scheduled',
  checked_in: 'Checked in',
  pre_assessment: 'Pre-assessment',
  dosing: 'Dosing',
  monitoring: 'Monitoring',
  recovery: 'Recovery',
  discharged: 'Discharged',
  cancelled: 'Canceled',
  aborted: 'Aborted',
};

export const PHASE_COLOR: Record<string, string> = {
  scheduled: 'gray',
  checked_in: 'cyan',
  pre_assessment: 'blue',
  dosing: 'grape',
  monitoring: 'violet',
  recovery: 'teal',
  discharged: 'green',
  cancelled: 'dark',
  aborted: 'red',
};

export const NEXT_PHASE: Partial<Record<string, SessionStatus>> = {
  scheduled: 'checked_in',
  checked_in: 'pre_assessment',
  pre_assessment: 'dosing',
  dosing: 'monitoring',
  monitoring: 'recovery',
  recovery: 'discharged',
};

export const PARAM_LABEL: Record<string, string> = {
  spo2: 'SpO₂',
  sbp: 'Systolic BP',
  dbp: 'Diastolic BP',
  hr: 'Heart rate',
  rr: 'Resp. rate',
  moaas: 'MOAA/S',
  vitals_overdue: 'Vitals overdue',
};

/** Minutes (and seconds under an hour) since an ISO time, e.g. "42 min". */
export function elapsed(fromIso: string | null, now: number): string {
  if (!fromIso) return '–';
  const ms = Math.max(0, now - Date.parse(fromIso));
  const min = Math.floor(ms / 60_000);
  return min >= 60 ? `${Math.floor(min / 60)} h ${min % 60} min` : `${min} min`;
}

export const shortName = (p: { firstName: string; lastName: string }) =>
  `${p.firstName} ${p.lastName.slice(0, 1)}.`;
