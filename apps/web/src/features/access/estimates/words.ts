/** Words and formats of the estimate screens: coverage and status labels, dollars, calendar dates. */
import { formatDate } from '@plasticity/clinical/time-format';
import type { CoverageStatus, EstimateStatus } from '@plasticity/contracts';

export const COVERAGE_LABELS: Record<CoverageStatus, string> = {
  self_pay: 'Self-pay',
  uninsured: 'Uninsured',
  insured_not_billing: 'Insured, not using insurance',
  insured: 'Insured',
};

export const STATUS: Record<EstimateStatus, { label: string; color: string }> = {
  draft: { label: 'Draft', color: 'gray.7' },
  issued: { label: 'Issued', color: 'green.9' },
  entered_in_error: { label: 'Entered in error', color: 'red.9' },
};

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
export const dollars = (cents: number): string => usd.format(cents / 100);

/** A calendar date ('YYYY-MM-DD', no zone) as the product shows every date (`2026-03-05`). */
export function calendarDate(date: string | null): string {
  return date ? formatDate(date, undefined) : '—';
}
