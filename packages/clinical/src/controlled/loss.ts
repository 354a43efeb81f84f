/**
 * Theft or significant loss: deadlines and the DEA Form 106 record.
 *
 * 21 CFR 1301.76(b): a registrant must notify the DEA Field Division Office in writing of the theft or
 * significant loss of any controlled substance within one business day of discovery, and complete and
 * submit DEA Form 106 (online) within 45 days of discovery (docs/clinical-sources.md#schedule-iii-records).
 * Whether a loss is "significant" is a judgement (quantity, pattern, substance, likelihood of diversion —
 * 1301.76(b)(1)-(6)); this module computes deadlines and checks the record, it does not decide significance.
 *
 * Deadline rules chosen (conservative):
 * - The discovery date is the calendar date of discovery in the clinic's time zone.
 * - Written notice: due by the end of the first business day strictly after the discovery date. Weekends,
 *   observed U.S. federal holidays (`holidays.ts`) and any extra closures passed in are skipped. Discovery on
 *   a Friday → Monday; on a Saturday → Monday.
 * - DEA-106: 45 calendar days after the discovery date, not moved off weekends or holidays (the form is
 *   filed online, so nothing extends it).
 */

import { addDays, type IsoDate, isIsoDate, localDate } from './dates.ts';
import type { Decimal } from './decimal.ts';
import { nextBusinessDay } from './holidays.ts';
import { isValidDeaNumber, isValidNdc } from './identifiers.ts';
import type { QuantityUnit } from './movements.ts';

/** Calendar days allowed for DEA-106 after discovery. */
export const DEA106_DAYS = 45;

export interface LossDeadlines {
  readonly discoveredOn: IsoDate;
  /** Last day to send the written notice to the Field Division Office. */
  readonly writtenNoticeDueOn: IsoDate;
  /** Last day to submit DEA Form 106. */
  readonly dea106DueOn: IsoDate;
}

/**
 * @param discoveredAt ISO instant with offset, or a local `YYYY-MM-DD`.
 * @param timeZone IANA zone of the clinic, e.g. `America/Denver`.
 * @param holidays Extra non-business days (state holidays, executive-order closures), added to federal ones.
 * @example lossDeadlines('2025-07-03T22:00:00Z', 'America/New_York')
 * // { discoveredOn: '2025-07-03', writtenNoticeDueOn: '2025-07-07', dea106DueOn: '2025-08-17' }
 * @throws RangeError on an invalid instant or time zone.
 */
export function lossDeadlines(
  discoveredAt: string | Date,
  timeZone: string,
  holidays: readonly IsoDate[] = [],
): LossDeadlines {
  const discoveredOn = localDate(discoveredAt, timeZone);
  return {
    discoveredOn,
    writtenNoticeDueOn: nextBusinessDay(discoveredOn, holidays),
    dea106DueOn: addDays(discoveredOn, DEA106_DAYS),
  };
}

/** Type of theft or loss as offered on DEA Form 106. */
export type Dea106LossType =
  | 'night_break_in'
  | 'armed_robbery'
  | 'employee_theft'
  | 'customer_theft'
  | 'lost_in_transit'
  | 'other';

export interface Dea106Line {
  readonly ndc: string;
  /** Trade or generic name, e.g. "Ketamine HCl injection". */
  readonly productName: string;
  /** e.g. "50 mg/mL". */
  readonly strength: string;
  /** e.g. "injectable solution, 10 mL multi-dose vial". */
  readonly form: string;
  readonly quantity: Decimal;
  readonly unit: QuantityUnit;
  readonly containerId?: string;
  readonly lot?: string;
}

/** The data a DEA Form 106 submission needs. */
export interface Dea106Report {
  readonly registrant: {
    readonly name: string;
    readonly deaNumber: string;
    readonly address: string;
    readonly phone: string;
    /** Principal business, e.g. "practitioner", "hospital/clinic". */
    readonly businessActivity: string;
  };
  readonly typeOfLoss: Dea106LossType;
  /** Required when `typeOfLoss` is `other`. */
  readonly typeOfLossExplanation?: string;
  readonly discoveredOn: IsoDate;
  /** When the theft or loss happened, if known. */
  readonly occurredOn?: IsoDate;
  readonly policeNotified: boolean;
  readonly police?: { readonly department: string; readonly phone?: string; readonly reportNumber?: string };
  /** Number of thefts or losses reported in the previous 24 months. */
  readonly priorLossesIn24Months: number;
  /** Required when `typeOfLoss` is `lost_in_transit`. */
  readonly transit?: {
    readonly carrier: string;
    readonly trackingNumber?: string;
    readonly supplierName?: string;
  };
  /** Purchase value to the registrant, in US dollars. */
  readonly purchaseValueUsd?: Decimal;
  readonly lines: readonly Dea106Line[];
  /** Measures taken to prevent a recurrence. */
  readonly securityMeasures?: string;
  /** When the one-business-day written notice was sent. */
  readonly writtenNoticeSentOn?: IsoDate;
}

export interface Dea106Problem {
  readonly field: string;
  readonly message: string;
}

/**
 * Lists what is missing or malformed before a DEA-106 can be filed. Empty list = complete.
 * @example dea106Problems({ ...report, lines: [] }) // [{ field: 'lines', message: 'List at least one product' }]
 */
export function dea106Problems(r: Dea106Report): Dea106Problem[] {
  const out: Dea106Problem[] = [];
  const need = (field: string, value: string | undefined, label: string): void => {
    if (!value?.trim()) out.push({ field, message: `${label} is required` });
  };
  need('registrant.name', r.registrant.name, 'Registrant name');
  need('registrant.address', r.registrant.address, 'Registrant address');
  need('registrant.phone', r.registrant.phone, 'Registrant phone');
  need('registrant.businessActivity', r.registrant.businessActivity, 'Principal business');
  if (!isValidDeaNumber(r.registrant.deaNumber))
    out.push({ field: 'registrant.deaNumber', message: 'Not a valid DEA registration number' });
  if (!isIsoDate(r.discoveredOn))
    out.push({ field: 'discoveredOn', message: 'Date of discovery must be YYYY-MM-DD' });
  if (
    r.occurredOn !== undefined &&
    (!isIsoDate(r.occurredOn) || (isIsoDate(r.discoveredOn) && r.occurredOn > r.discoveredOn))
  ) {
    out.push({ field: 'occurredOn', message: 'Date of loss must be a date on or before discovery' });
  }
  if (r.typeOfLoss === 'other')
    need('typeOfLossExplanation', r.typeOfLossExplanation, 'An explanation of "other"');
  if (r.typeOfLoss === 'lost_in_transit') need('transit.carrier', r.transit?.carrier, 'The carrier');
  if (r.policeNotified) need('police.department', r.police?.department, 'The police department');
  if (!Number.isInteger(r.priorLossesIn24Months) || r.priorLossesIn24Months < 0) {
    out.push({ field: 'priorLossesIn24Months', message: 'Prior losses must be a whole number ≥ 0' });
  }
  if (r.purchaseValueUsd?.isNegative())
    out.push({ field: 'purchaseValueUsd', message: 'Value cannot be negative' });
  if (r.lines.length === 0) out.push({ field: 'lines', message: 'List at least one product' });
  r.lines.forEach((line, i) => {
    if (!isValidNdc(line.ndc)) out.push({ field: `lines.${i}.ndc`, message: 'Not a valid NDC' });
    need(`lines.${i}.productName`, line.productName, 'Product name');
    need(`lines.${i}.strength`, line.strength, 'Strength');
    need(`lines.${i}.form`, line.form, 'Dosage form');
    if (!line.quantity.isPositive())
      out.push({ field: `lines.${i}.quantity`, message: 'Quantity lost must be positive' });
  });
  return out;
}
