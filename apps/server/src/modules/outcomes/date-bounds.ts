/**
 * The outcomes dashboard's date range: `from` 00:00 to the end of `to`, as instants in the clinic's time zone.
 */
import { zonedInstant } from '@plasticity/clinical/time-format';
import type { OutcomesQuery } from '@plasticity/contracts';

export interface DateBounds {
  readonly start: Date | null;
  readonly end: Date | null;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The instants that bound `from` 00:00 to the end of `to`, in the clinic's time zone. */
export function dateBounds(q: Pick<OutcomesQuery, 'from' | 'to'>, timeZone: string): DateBounds {
  const start = q.from ? zonedInstant(q.from, '00:00', timeZone) : null;
  const end = q.to ? zonedInstant(nextDay(q.to), '00:00', timeZone) : null;
  return { start: start ? new Date(start) : null, end: end ? new Date(end) : null };
}
