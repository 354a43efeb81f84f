/**
 * The outcomes report as CSV rows (measure, time point, count, rate): the same suppressed figures as the
 * screen, "<11" included, so the file reveals nothing the screen hides.
 */
import type { OutcomesReport } from '@plasticity/contracts';
import { csvCell } from '../audit/csv.ts';

type Cell = string | number | null;

function cell(v: Cell): string {
  if (v === null) return '';
  return typeof v === 'number' ? String(v) : csvCell(v);
}

export function outcomesCsv(r: OutcomesReport): string {
  const rows: Cell[][] = [['measure', 'time_point', 'count', 'rate']];
  rows.push(['patients', 'overall', r.patients, null]);
  rows.push(['sessions', 'overall', r.sessions, null]);
  rows.push(['evaluable_for_response', 'overall', r.evaluable.response, null]);
  rows.push(['response', 'overall', r.response.n, r.response.rate]);
  rows.push(['evaluable_for_remission', 'overall', r.evaluable.remission, null]);
  rows.push(['remission', 'overall', r.remission.n, r.remission.rate]);
  for (const t of r.timePoints) {
    rows.push(['evaluable_for_response', t.key, t.evaluableResponse, null]);
    rows.push(['response', t.key, t.response.n, t.response.rate]);
    rows.push(['evaluable_for_remission', t.key, t.evaluableRemission, null]);
    rows.push(['remission', t.key, t.remission.n, t.remission.rate]);
  }
  for (const d of r.distribution) rows.push([`category_${d.category}`, 'overall', d.n, null]);
  rows.push(['time_to_response_median_days', 'overall', r.timeToResponse.n, r.timeToResponse.medianDays]);
  rows.push(['measurements_due', 'overall', r.measurementCompletion.due, null]);
  rows.push([
    'measurements_completed',
    'overall',
    r.measurementCompletion.completed,
    r.measurementCompletion.rate,
  ]);
  rows.push([
    'adverse_events_per_100_sessions',
    'overall',
    r.adverseEvents.n,
    r.adverseEvents.per100Sessions,
  ]);
  rows.push(['alerts_per_100_sessions', 'overall', r.alerts.n, r.alerts.per100Sessions]);
  rows.push(['dropout', 'overall', r.dropout.n, r.dropout.rate]);
  for (const t of r.trajectory) {
    rows.push(['mean_change_pct', `week_${t.week}`, t.patients, t.meanChangePct]);
  }
  return `${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}
