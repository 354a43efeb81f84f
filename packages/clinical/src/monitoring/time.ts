/**
 * Time parsing shared by the monitoring functions. Sources: none clinical.
 */

/** Milliseconds since epoch for a Date or ISO string, or null when missing or invalid. */
export function toMs(v: unknown): number | null {
  if (v instanceof Date) return Number.isFinite(v.getTime()) ? v.getTime() : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const t = Date.parse(v);
    return Number.isFinite(t) ? t : null;
  }
  return null;
}

export const MS_PER_MIN = 60_000;

/** A finite number, else undefined (a NaN or string reading counts as not measured). */
export function finite(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
