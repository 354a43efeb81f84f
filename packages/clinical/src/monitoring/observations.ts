/**
 * When MOAA/S and CADSS-6 are due in the chair, from the protocol's observation schedule
 * (`protocol.vitals.observations`; absent → `defaultObservationSchedule()`, UNVERIFIED product defaults:
 * MOAA/S every 15 min, CADSS-6 at 40 min and at the end of monitoring, 5 min grace).
 *
 * Semantics (all boundaries in whole milliseconds, like `vitalsOverdue`):
 * - Nothing is due before the dose has started.
 * - MOAA/S: due `moaasEveryMin` after the later of the dose start and the latest MOAA/S; it stops when
 *   monitoring ends (`monitoringEndedAt`, the move to recovery).
 * - CADSS-6 at minute m: due at dose + m; a CADSS-6 taken at or after (due − grace) counts for it. With
 *   `cadss6AtEndOfMonitoring`, one more is due when monitoring ends (its time is unknown until then).
 * - State: `upcoming` before the due time; `due` from the due time up to and including due + grace;
 *   `overdue` after that; `done` once satisfied (or, for MOAA/S, once monitoring has ended).
 * - Invalid input (an unparseable `now`, an interval that is not a positive number) makes MOAA/S overdue
 *   with no due time, so a data error prompts a check instead of hiding one; an unparseable dose time is
 *   treated as no dose.
 */
import { defaultObservationSchedule } from '../protocols/default-building-blocks.ts';
import type { ObservationSchedule, VitalsPlan } from '../protocols/types.ts';
import { MS_PER_MIN, toMs } from './time.ts';

export type ScheduledKind = 'moaas' | 'cadss6';
export type ObservationDueState = 'upcoming' | 'due' | 'overdue' | 'done';

export interface ScheduledObservation {
  kind: ScheduledKind;
  /** `every` (MOAA/S interval), `at_minute` (CADSS-6 at `minute` after the dose) or `end_of_monitoring`. */
  when: 'every' | 'at_minute' | 'end_of_monitoring';
  /** Minutes: the interval for `every`, minutes after the dose for `at_minute`. */
  minute?: number;
  /** ISO time it is (or was) due; null when not yet known. */
  dueAt: string | null;
  state: ObservationDueState;
  /** The recorded observation that satisfied it. */
  doneAt?: string;
}

export interface ObservationsDue {
  doseStarted: boolean;
  items: ScheduledObservation[];
  /** Items due or overdue now, earliest due first. */
  due: ScheduledObservation[];
  anyDue: boolean;
  anyOverdue: boolean;
  /** The earliest upcoming item with a known time. */
  next: ScheduledObservation | null;
}

export interface RecordedObservation {
  kind: string;
  at: Date | string;
}

/** The protocol's schedule, or the default when the stored protocol predates it. */
export function observationScheduleOf(
  vitals: Pick<VitalsPlan, 'observations'> | undefined,
): ObservationSchedule {
  return vitals?.observations ?? defaultObservationSchedule();
}

const positive = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n > 0;
const iso = (ms: number): string => new Date(ms).toISOString();

function stateAt(dueMs: number, nowMs: number, graceMs: number): ObservationDueState {
  if (nowMs < dueMs) return 'upcoming';
  return nowMs - dueMs <= graceMs ? 'due' : 'overdue';
}

/**
 * Which observations are due or overdue at `now`, and when the next one is.
 *
 * @example
 * const plan = defaultObservationSchedule(); // MOAA/S every 15, CADSS-6 at 40 and at the end, grace 5
 * observationsDue(plan, '2025-06-01T10:00:00Z', [], '2025-06-01T10:15:00Z').due;
 * // [{ kind: 'moaas', when: 'every', minute: 15, dueAt: '2025-06-01T10:15:00.000Z', state: 'due' }]
 */
export function observationsDue(
  plan: ObservationSchedule,
  doseStartedAt: Date | string | null | undefined,
  observations: readonly RecordedObservation[],
  now: Date | string,
  opts: { monitoringEndedAt?: Date | string | null } = {},
): ObservationsDue {
  const dose = toMs(doseStartedAt);
  if (dose === null)
    return { doseStarted: false, items: [], due: [], anyDue: false, anyOverdue: false, next: null };
  const nowMs = toMs(now);
  const graceMs = (typeof plan.graceMin === 'number' && plan.graceMin >= 0 ? plan.graceMin : 0) * MS_PER_MIN;
  const ended = toMs(opts.monitoringEndedAt);
  const times = (kind: ScheduledKind): number[] =>
    observations
      .filter((o) => o.kind === kind)
      .map((o) => toMs(o.at))
      .filter((t): t is number => t !== null)
      .sort((a, b) => a - b);
  const items: ScheduledObservation[] = [];

  // MOAA/S at an interval from the dose, then from each MOAA/S.
  const every = plan.moaasEveryMin;
  if (nowMs === null || !positive(every)) {
    items.push({ kind: 'moaas', when: 'every', dueAt: null, state: 'overdue' });
  } else {
    const last = times('moaas')
      .filter((t) => t >= dose && t <= nowMs)
      .at(-1);
    const dueMs = Math.max(dose, last ?? dose) + every * MS_PER_MIN;
    const stopped = ended !== null && ended <= nowMs;
    items.push({
      kind: 'moaas',
      when: 'every',
      minute: every,
      dueAt: iso(dueMs),
      state: stopped ? 'done' : stateAt(dueMs, nowMs, graceMs),
      ...(last !== undefined ? { doneAt: iso(last) } : {}),
    });
  }

  // CADSS-6 at fixed minutes after the dose, and at the end of monitoring.
  const cadss = times('cadss6');
  const point = (when: ScheduledObservation['when'], dueMs: number | null, minute?: number): number => {
    const base = { kind: 'cadss6' as const, when, ...(minute !== undefined ? { minute } : {}) };
    if (dueMs === null) return items.push({ ...base, dueAt: null, state: 'upcoming' });
    const hit = cadss.find((t) => t >= dueMs - graceMs && (nowMs === null || t <= nowMs));
    const state = hit !== undefined ? 'done' : nowMs === null ? 'overdue' : stateAt(dueMs, nowMs, graceMs);
    return items.push({
      ...base,
      dueAt: iso(dueMs),
      state,
      ...(hit !== undefined ? { doneAt: iso(hit) } : {}),
    });
  };
  for (const m of Array.isArray(plan.cadss6AtMin) ? plan.cadss6AtMin : []) {
    if (positive(m)) point('at_minute', dose + m * MS_PER_MIN, m);
  }
  if (plan.cadss6AtEndOfMonitoring)
    point('end_of_monitoring', ended !== null && ended >= dose ? ended : null);

  const due = items
    .filter((i) => i.state === 'due' || i.state === 'overdue')
    .sort((a, b) => (a.dueAt === null ? -1 : b.dueAt === null ? 1 : a.dueAt.localeCompare(b.dueAt)));
  const next =
    items
      .filter((i) => i.state === 'upcoming' && i.dueAt !== null)
      .sort((a, b) => (a.dueAt as string).localeCompare(b.dueAt as string))[0] ?? null;
  return {
    doseStarted: true,
    items,
    due,
    anyDue: due.length > 0,
    anyOverdue: due.some((i) => i.state === 'overdue'),
    next,
  };
}
