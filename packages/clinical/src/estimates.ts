/**
 * `@plasticity/clinical/estimates`: federal holidays, business days and the good-faith estimate deadlines and
 * dispute threshold of 45 CFR 149.610 and 149.620. Sources: docs/clinical-sources.md#good-faith-estimates.
 */
export {
  addBusinessDays,
  addDays,
  businessDaysBetween,
  type FederalHoliday,
  federalHolidays,
  isBusinessDay,
  isFederalHoliday,
} from './access/business-days.ts';
export {
  compareByProvider,
  type ProviderAmounts,
  type ProviderComparison,
} from './access/dispute.ts';
export {
  type DeadlineRule,
  DISPUTE_THRESHOLD_CENTS,
  type EstimateDeadline,
  type EstimateTrigger,
  estimateDeadline,
  exceedsEstimate,
  latestPeriodEnd,
  MAX_ESTIMATE_MONTHS,
} from './access/estimate-deadlines.ts';
