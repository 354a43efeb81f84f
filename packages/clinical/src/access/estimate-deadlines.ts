/**
 * Good-faith estimates for uninsured and self-pay patients (No Surprises Act): when an estimate is due, and when a
 * bill is far enough above it for the patient to dispute it. Sources: docs/clinical-sources.md#good-faith-estimates.
 *
 * - 45 CFR 149.610(b)(1)(vi): scheduled at least 3 business days before the service → the estimate within 1
 *   business day after scheduling; scheduled at least 10 business days before → within 3 business days after
 *   scheduling; requested by the patient → within 3 business days after the request. A service scheduled fewer
 *   than 3 business days ahead has no deadline of its own (none required; a request still starts one).
 * - "n business days before": the service date is at least n business days after the scheduling date, counting
 *   the business days after the scheduling date up to and including the service date (`businessDaysBetween`).
 * - 45 CFR 149.610(b)(1): recurring primary items or services may be covered by one estimate whose expected scope
 *   is at most 12 months.
 * - 45 CFR 149.620(a)(2)(ii): the patient may start patient-provider dispute resolution when billed charges for a
 *   provider or facility are at least $400 above that provider's or facility's expected charges in the estimate.
 */
import { addBusinessDays, addDays, businessDaysBetween } from './business-days.ts';

export type EstimateTrigger =
  | { kind: 'scheduled'; scheduledOn: string; serviceOn: string }
  | { kind: 'requested'; requestedOn: string };

export type DeadlineRule = 'scheduled_3_days' | 'scheduled_10_days' | 'requested' | 'not_required';

export interface EstimateDeadline {
  /** The last day to issue the estimate ('YYYY-MM-DD'), or null when none is required. */
  dueBy: string | null;
  rule: DeadlineRule;
  /** Business days between scheduling and the service (scheduled triggers only). */
  leadBusinessDays: number | null;
}

export const SHORT_LEAD_BUSINESS_DAYS = 3;
export const LONG_LEAD_BUSINESS_DAYS = 10;
export const SHORT_LEAD_ISSUE_WITHIN = 1;
export const LONG_LEAD_ISSUE_WITHIN = 3;
export const REQUEST_ISSUE_WITHIN = 3;
/** 45 CFR 149.620(a)(2)(ii): $400, in cents. */
export const DISPUTE_THRESHOLD_CENTS = 40_000;
/** 45 CFR 149.610(b)(1), recurring items and services: an estimate covers at most 12 months. */
export const MAX_ESTIMATE_MONTHS = 12;

export function estimateDeadline(trigger: EstimateTrigger): EstimateDeadline {
  if (trigger.kind === 'requested') {
    return {
      dueBy: addBusinessDays(trigger.requestedOn, REQUEST_ISSUE_WITHIN),
      rule: 'requested',
      leadBusinessDays: null,
    };
  }
  const lead = businessDaysBetween(trigger.scheduledOn, trigger.serviceOn);
  if (lead >= LONG_LEAD_BUSINESS_DAYS) {
    return {
      dueBy: addBusinessDays(trigger.scheduledOn, LONG_LEAD_ISSUE_WITHIN),
      rule: 'scheduled_10_days',
      leadBusinessDays: lead,
    };
  }
  if (lead >= SHORT_LEAD_BUSINESS_DAYS) {
    return {
      dueBy: addBusinessDays(trigger.scheduledOn, SHORT_LEAD_ISSUE_WITHIN),
      rule: 'scheduled_3_days',
      leadBusinessDays: lead,
    };
  }
  return { dueBy: null, rule: 'not_required', leadBusinessDays: lead };
}

/** The last day an estimate starting on `from` may cover (12 months, less a day). */
export function latestPeriodEnd(from: string): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y, m - 1 + MAX_ESTIMATE_MONTHS, 1));
  const lastOfMonth = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
  end.setUTCDate(Math.min(d, lastOfMonth));
  return addDays(end.toISOString().slice(0, 10), -1);
}

/**
 * True when billed charges are at least $400 above the expected charges (45 CFR 149.620(a)(2)(ii)); applied to one
 * provider's or facility's amounts at a time (`compareByProvider`).
 */
export function exceedsEstimate(billedCents: number, estimatedCents: number): boolean {
  return billedCents - estimatedCents >= DISPUTE_THRESHOLD_CENTS;
}
