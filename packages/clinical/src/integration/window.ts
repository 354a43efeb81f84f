/**
 * The integration visit after a dosing session: when it is due and where it stands on the therapist's worklist.
 *
 * Rule (docs/clinical-sources.md#integration-window): after each discharged dosing session an integration visit
 * is due from `fromHours` to `toHours` after discharge — 24 to 72 h by default, a Plasticity product default
 * (KAP practice: integration within a few days of the dose, while the experience is fresh), set per protocol
 * (`Protocol.integration`). An integration appointment counts for a session when it starts at or after that
 * session's discharge and before the patient's next discharge (so one visit never covers two doses):
 * - completed → the session leaves the worklist (done);
 * - booked or checked in → 'booked';
 * - none → 'due' until `dueBy` (inclusive), then 'overdue'.
 * Cancelled and no-show visits do not count.
 */
import type { IntegrationWindow, Protocol } from '../protocols/types.ts';

export type WorklistStatus = 'due' | 'overdue' | 'booked';
export const WORKLIST_STATUSES: readonly WorklistStatus[] = ['due', 'overdue', 'booked'];

/** Worklist items are drawn from sessions discharged within this many days (product default). */
export const WORKLIST_LOOKBACK_DAYS = 30;

const HOUR = 3_600_000;

/** 24–72 h after discharge (product default). Returns a fresh copy. */
export function defaultIntegrationWindow(): IntegrationWindow {
  return {
    fromHours: 24,
    toHours: 72,
    source:
      'Plasticity product default: integration visit 24–72 h after each dosing session (KAP practice; no ' +
      'trial fixes the interval), docs/clinical-sources.md#integration-window',
  };
}

/** The protocol's window, or the default for protocols stored before the field existed. */
export function integrationWindowOf(protocol: Pick<Protocol, 'integration'>): IntegrationWindow {
  return protocol.integration ?? defaultIntegrationWindow();
}

export interface DueWindow {
  dueFrom: Date;
  dueBy: Date;
}

export function integrationDue(
  dischargedAt: Date,
  window: Pick<IntegrationWindow, 'fromHours' | 'toHours'>,
): DueWindow {
  const t = dischargedAt.getTime();
  return { dueFrom: new Date(t + window.fromHours * HOUR), dueBy: new Date(t + window.toHours * HOUR) };
}

export type IntegrationAppointmentStatus = 'booked' | 'checked_in' | 'completed' | 'cancelled' | 'no_show';

export interface IntegrationAppointment {
  id: string;
  startAt: Date;
  status: IntegrationAppointmentStatus;
}

export interface WorklistInput {
  dischargedAt: Date;
  /** The same patient's next discharge after this one, if any. */
  nextDischargeAt: Date | null;
  window: Pick<IntegrationWindow, 'fromHours' | 'toHours'>;
  /** The patient's integration appointments (any time; the rule picks those that count). */
  appointments: readonly IntegrationAppointment[];
  now: Date;
}

export interface WorklistEntry extends DueWindow {
  status: WorklistStatus;
  /** The visit that makes it 'booked' (earliest), else null. */
  appointment: IntegrationAppointment | null;
}

/** Whether an appointment belongs to this session's interval: at or after discharge, before the next one. */
export function countsForSession(
  a: Pick<IntegrationAppointment, 'startAt'>,
  dischargedAt: Date,
  nextDischargeAt: Date | null,
): boolean {
  const t = a.startAt.getTime();
  return t >= dischargedAt.getTime() && (nextDischargeAt === null || t < nextDischargeAt.getTime());
}

/** The session's worklist entry, or null when its integration visit is done (completed). */
export function worklistEntry(input: WorklistInput): WorklistEntry | null {
  const due = integrationDue(input.dischargedAt, input.window);
  const mine = input.appointments
    .filter((a) => countsForSession(a, input.dischargedAt, input.nextDischargeAt))
    .sort((x, y) => x.startAt.getTime() - y.startAt.getTime());
  if (mine.some((a) => a.status === 'completed')) return null;
  const held = mine.find((a) => a.status === 'booked' || a.status === 'checked_in') ?? null;
  if (held) return { ...due, status: 'booked', appointment: held };
  const status: WorklistStatus = input.now.getTime() <= due.dueBy.getTime() ? 'due' : 'overdue';
  return { ...due, status, appointment: null };
}
