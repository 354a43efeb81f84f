/**
 * Initial and biennial controlled-substance inventories, and expiry watch.
 *
 * 21 CFR 1304.11: an initial inventory when first engaging in controlled-substance activity (a zero
 * inventory is recorded if there is no stock, 1304.11(b)), then a biennial inventory at least every two
 * years, on any date within two years of the previous one (1304.11(c)); each records whether it was taken at
 * the opening or the close of business (1304.11(a)). For each finished form: name, form and strength, units
 * or volume per commercial container, number of containers (1304.11(e)(1)). For opened containers, a
 * dispenser (1304.11(e)(3)) must count Schedule I–II exactly, and may estimate Schedule III–V "unless the
 * container holds more than 1,000 tablets or capsules in which case he/she must make an exact count".
 *
 * Rules applied per line:
 * - sealed commercial container → `exact` (containers are counted, contents are as labelled);
 * - opened, Schedule II → `exact`;
 * - opened, Schedule III–V, counted in discrete units (`each`) with a container size or content of more than
 *   1,000 → `exact` (conservative: applied to every discrete dosage unit, not only tablets and capsules, and to
 *   the container's labelled size as well as its content);
 * - otherwise (e.g. an opened vial of ketamine solution) → `estimated`.
 */

import { addYears, compareDates, daysBetween, type IsoDate } from './dates.ts';
import { Decimal } from './decimal.ts';
import type { QuantityUnit } from './movements.ts';

export type Schedule = 'II' | 'III' | 'IV' | 'V';
export type CountMethod = 'exact' | 'estimated';

/** Threshold of 1304.11(e)(3): more than this many tablets/capsules requires an exact count. */
export const EXACT_COUNT_THRESHOLD = Decimal.of(1000);

export interface InventoryItem {
  readonly containerId: string;
  readonly ndc: string;
  /** e.g. "Ketamine HCl". */
  readonly substance: string;
  /** e.g. "injectable solution", "tablet". */
  readonly form: string;
  /** e.g. "50 mg/mL". */
  readonly strength: string;
  readonly schedule: Schedule;
  readonly unit: QuantityUnit;
  readonly sealed: boolean;
  /** Labelled units or volume per commercial container (e.g. 10 mL, 100 tablets). */
  readonly containerSize: Decimal;
  /** Quantity found (counted or estimated). */
  readonly quantity: Decimal;
}

export interface InventoryLine extends InventoryItem {
  readonly countMethod: CountMethod;
  readonly countMethodReason: string;
}

export interface Inventory {
  readonly kind: 'initial' | 'biennial';
  readonly takenOn: IsoDate;
  readonly takenAt: 'opening_of_business' | 'close_of_business';
  readonly registrant: { readonly name: string; readonly deaNumber: string; readonly address: string };
  readonly lines: readonly InventoryLine[];
  /** True when there was nothing on hand (record a zero inventory). */
  readonly zeroInventory: boolean;
  /** Latest date for the next biennial inventory. */
  readonly nextBiennialDueOn: IsoDate;
}

/**
 * Count method for one container under 21 CFR 1304.11(e)(3).
 * @example countMethodFor({ schedule: 'III', sealed: false, unit: 'each', containerSize: Decimal.of(5000), quantity: Decimal.of(10) })
 * // { method: 'exact', reason: ... }
 */
export function countMethodFor(
  item: Pick<InventoryItem, 'schedule' | 'sealed' | 'unit' | 'containerSize' | 'quantity'>,
): { readonly method: CountMethod; readonly reason: string } {
  if (item.sealed)
    return { method: 'exact', reason: 'Sealed commercial container: count containers exactly' };
  if (item.schedule === 'II')
    return { method: 'exact', reason: 'Opened Schedule II container: exact count or measure' };
  if (
    item.unit === 'each' &&
    (item.containerSize.gt(EXACT_COUNT_THRESHOLD) || item.quantity.gt(EXACT_COUNT_THRESHOLD))
  ) {
    return {
      method: 'exact',
      reason: 'Opened container holding more than 1,000 dosage units: exact count (1304.11(e)(3))',
    };
  }
  return {
    method: 'estimated',
    reason: `Opened Schedule ${item.schedule} container: estimated count or measure allowed`,
  };
}

/**
 * Builds an inventory record with per-line count methods and the next due date.
 * @example buildInventory({ kind: 'biennial', takenOn: '2025-05-01', takenAt: 'close_of_business', registrant, items }).nextBiennialDueOn
 * // '2027-05-01'
 */
export function buildInventory(
  input: Omit<Inventory, 'lines' | 'zeroInventory' | 'nextBiennialDueOn'> & {
    readonly items: readonly InventoryItem[];
  },
): Inventory {
  const { items, ...rest } = input;
  const lines = items.map((item) => {
    const { method, reason } = countMethodFor(item);
    return { ...item, countMethod: method, countMethodReason: reason };
  });
  return {
    ...rest,
    lines,
    zeroInventory: lines.every((l) => l.quantity.isZero()),
    nextBiennialDueOn: nextBiennialDue(input.takenOn),
  };
}

/**
 * Latest date for the next biennial inventory: two years after the last (initial or biennial) one; a
 * 29 February inventory is due by 28 February.
 * @example nextBiennialDue('2024-02-29') // '2026-02-28'
 */
export function nextBiennialDue(lastInventoryOn: IsoDate): IsoDate {
  return addYears(lastInventoryOn, 2);
}

/**
 * Units not yet expired whose expiry falls within `withinDays` of `today` (inclusive), soonest first.
 * Already-expired units are excluded (their status is `expired`).
 * @example expiringSoon([{ id: 'v1', expiresOn: '2025-06-10' }], '2025-06-01', 30) // [{ unit: {...}, daysLeft: 9 }]
 */
export function expiringSoon<T extends { readonly expiresOn: IsoDate }>(
  units: readonly T[],
  today: IsoDate,
  withinDays: number,
): { readonly unit: T; readonly daysLeft: number }[] {
  if (!Number.isInteger(withinDays) || withinDays < 0)
    throw new RangeError('withinDays must be a whole number ≥ 0');
  return units
    .filter((u) => compareDates(u.expiresOn, today) >= 0)
    .map((unit) => ({ unit, daysLeft: daysBetween(today, unit.expiresOn) }))
    .filter((x) => x.daysLeft <= withinDays)
    .sort((a, b) => a.daysLeft - b.daysLeft);
}
