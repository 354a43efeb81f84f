/**
 * What a chair on the live board says is late, in plain words: "Vitals overdue by 7 min" (past the
 * protocol's vitals cadence since the last reading, or since the dose when there is none yet),
 * "MOAA/S due", "CADSS-6 overdue by 4 min" (past its due time and the protocol's grace). Ticks with the
 * browser clock between reloads; the server's snapshot gives the schedule.
 */
import type { BoardObservationFlag, BoardSession } from '@plasticity/contracts';
import { KIND_LABEL } from './observationFormat.ts';

const IN_CHAIR = new Set(['dosing', 'monitoring', 'recovery']);
const MIN = 60_000;

export interface LateItem {
  key: string;
  text: string;
  overdue: boolean;
}

/** Whole minutes since `fromMs` (at least 1: "overdue by 0 min" is never said). */
const minutesSince = (fromMs: number, now: number) => Math.max(1, Math.floor((now - fromMs) / MIN));

/** "Vitals overdue by N min" when the next reading is past due; null otherwise (or not in the chair). */
export function vitalsLate(s: BoardSession, now: number): LateItem | null {
  if (!IN_CHAIR.has(s.status) || !s.doseStartedAt) return null;
  const cadence = s.protocol.cadenceMin;
  if (!(cadence > 0)) return null;
  const lastMs = Math.max(
    Date.parse(s.doseStartedAt),
    s.latestVitals ? Date.parse(s.latestVitals.at) : Number.NEGATIVE_INFINITY,
  );
  const dueMs = lastMs + cadence * MIN;
  if (!(now > dueMs)) return null;
  return { key: 'vitals', text: `Vitals overdue by ${minutesSince(dueMs, now)} min`, overdue: true };
}

/** MOAA/S and CADSS-6 that are due ("MOAA/S due") or past their grace ("MOAA/S overdue by N min"). */
export function observationsLate(f: BoardObservationFlag | null | undefined, now: number): LateItem[] {
  if (!f) return [];
  const grace = f.graceMin * MIN;
  const entries = f.due
    .filter((d) => d.state === 'due' || d.state === 'overdue')
    .map((d) => ({ kind: d.kind, dueAt: d.dueAt, serverOverdue: d.state === 'overdue' }));
  if (f.nextAt && f.nextKind && now >= Date.parse(f.nextAt))
    entries.push({ kind: f.nextKind, dueAt: f.nextAt, serverOverdue: false });
  const byKind = new Map<string, LateItem>();
  for (const e of entries) {
    const label = KIND_LABEL[e.kind] ?? 'Observation';
    const dueMs = e.dueAt === null ? null : Date.parse(e.dueAt);
    const overdue = e.serverOverdue || dueMs === null || now > dueMs + grace;
    const item: LateItem = {
      key: e.kind,
      text:
        overdue && dueMs !== null
          ? `${label} overdue by ${minutesSince(dueMs, now)} min`
          : `${label} ${overdue ? 'overdue' : 'due'}`,
      overdue,
    };
    const had = byKind.get(e.kind);
    // One line per kind: the most overdue one.
    if (!had || (item.overdue && !had.overdue)) byKind.set(e.kind, item);
  }
  return [...byKind.values()];
}

/** Everything late on the chair, vitals first. */
export function lateItems(s: BoardSession, now: number): LateItem[] {
  const v = vitalsLate(s, now);
  return [...(v ? [v] : []), ...observationsLate(s.observations, now)];
}
