/**
 * What the schedule says about an appointment at a glance, in words: the plan behind a dosing visit, the
 * patient's confirmation (escort, reschedule request) and the server's time flags (outside hours, leave).
 */
import { type Appointment, PLAN_STATE_LABELS } from '@plasticity/contracts';

export interface AppointmentFlag {
  key: string;
  label: string;
  /** Needs someone's action before the visit. */
  warn: boolean;
}

const ACTIVE = new Set(['booked', 'checked_in']);

export function appointmentFlags(a: Appointment): AppointmentFlag[] {
  const flags: AppointmentFlag[] = a.flags.map((f) => ({ key: f.code, label: f.message, warn: true }));
  if (a.type === 'dosing' && a.planState && a.planState !== 'approved') {
    flags.push({ key: 'plan', label: PLAN_STATE_LABELS[a.planState], warn: true });
  }
  if (a.type === 'dosing' && ACTIVE.has(a.status)) {
    if (a.confirmation?.status === 'unconfirmed') {
      flags.push({ key: 'escort', label: 'Escort not confirmed', warn: true });
    }
    if (a.confirmation?.status === 'reschedule_requested') {
      flags.push({ key: 'reschedule', label: 'Reschedule requested', warn: true });
    }
  }
  return flags;
}

/**
 * "Escort: Sam Lee (confirmed)" / "Escort not confirmed" / "" (not a dosing visit; or a visit that is over,
 * cancelled or missed and was never confirmed: nothing left to chase).
 */
export function escortText(a: Appointment): string {
  const c = a.confirmation;
  if (a.type !== 'dosing' || !c) return '';
  if (c.status === 'confirmed') return `Escort: ${c.escortName ?? 'named'} (confirmed)`;
  if (!ACTIVE.has(a.status)) return '';
  if (c.status === 'reschedule_requested') return 'Reschedule requested';
  return 'Escort not confirmed';
}

/** Whether the front desk may still act on it (check in, no-show, cancel, move). */
export const isOpen = (a: Appointment): boolean => a.status === 'booked';
