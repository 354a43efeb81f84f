/**
 * Vitals cadence: when the next reading is due and whether it is overdue.
 *
 * Source: docs/clinical-sources.md#in-chair-monitoring — vitals every 10–15 min during dosing
 * (clinic-configurable); the cadence comes from `protocol.vitals.cadenceMin`.
 *
 * Semantics: a reading is due exactly `cadenceMin` after the last one and overdue only after that instant
 * (elapsed > cadence). With no reading yet, vitals are overdue. Invalid input (cadence ≤ 0 or not finite,
 * unparseable dates) is treated as overdue, so a data error prompts a check instead of hiding one.
 */
import { MS_PER_MIN, toMs } from './time.ts';

/**
 * Whether vitals are overdue.
 *
 * @example
 * vitalsOverdue(15, '2025-06-01T10:00:00Z', '2025-06-01T10:15:00Z'); // false (due now, not overdue)
 * vitalsOverdue(15, '2025-06-01T10:00:00Z', '2025-06-01T10:15:01Z'); // true
 * vitalsOverdue(15, null, '2025-06-01T10:00:00Z'); // true
 */
export function vitalsOverdue(
  cadenceMin: number,
  lastReadingAt: Date | string | null | undefined,
  now: Date | string,
): boolean {
  const nowMs = toMs(now);
  const last = toMs(lastReadingAt);
  if (!(typeof cadenceMin === 'number' && Number.isFinite(cadenceMin) && cadenceMin > 0)) return true;
  if (nowMs === null || last === null) return true;
  return nowMs - last > cadenceMin * MS_PER_MIN;
}

/**
 * When the next reading is due (ISO string), or null when it cannot be known (no reading, bad input).
 *
 * @example
 * nextVitalsDueAt(15, '2025-06-01T10:00:00Z'); // '2025-06-01T10:15:00.000Z'
 */
export function nextVitalsDueAt(
  cadenceMin: number,
  lastReadingAt: Date | string | null | undefined,
): string | null {
  const last = toMs(lastReadingAt);
  if (last === null || !(typeof cadenceMin === 'number' && Number.isFinite(cadenceMin) && cadenceMin > 0))
    return null;
  return new Date(last + cadenceMin * MS_PER_MIN).toISOString();
}
