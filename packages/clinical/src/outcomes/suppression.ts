/**
 * Small-cell suppression for aggregate outcome figures (docs/clinical-sources.md#outcomes-small-cell-suppression).
 *
 * Primary rule (CMS cell-size suppression policy): any count from 1 to 10 is shown as "<11" and any rate
 * built on it is withheld. Complementary rule: within a partition whose total is shown (responders,
 * partial responders and non-responders of the evaluable patients), a single suppressed cell could be worked
 * out by subtraction, so the smallest other non-zero cell is suppressed as well. A rate is withheld when its
 * numerator or its denominator is suppressed, since the rate and the shown figure would give the other.
 * The threshold is clinic-configurable data (`minCellSize`, default 11).
 */

/** What a suppressed count shows instead of its value. */
export const SUPPRESSED = '<11';
export type Suppressed = typeof SUPPRESSED;
/** A count as shown: the number, or "<11". */
export type ShownCount = number | Suppressed;

/** The CMS minimum cell size: counts below it (and above zero) are suppressed. */
export const DEFAULT_MIN_CELL_SIZE = 11;

/** True when a count must not be shown (1 ≤ n < minCellSize). Zero is shown: it reveals no one. */
export function isSmallCell(n: number, minCellSize: number = DEFAULT_MIN_CELL_SIZE): boolean {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`a count must be a non-negative integer: ${n}`);
  return n >= 1 && n < minCellSize;
}

/** The count as shown under the primary rule alone. */
export function showCount(n: number, minCellSize: number = DEFAULT_MIN_CELL_SIZE): ShownCount {
  return isSmallCell(n, minCellSize) ? SUPPRESSED : n;
}

/** A count with the decision already made (primary or complementary). */
export function shown(n: number, suppressed: boolean): ShownCount {
  return suppressed ? SUPPRESSED : n;
}

export interface PartitionSuppression {
  readonly total: boolean;
  readonly parts: readonly boolean[];
}

/**
 * Which cells of a partition (parts summing to total) to suppress so that no suppressed cell can be
 * derived from the total and the shown cells.
 *
 * @throws RangeError when the parts do not sum to the total
 * @example suppressPartition(40, [5, 20, 15]) // { total: false, parts: [true, false, true] }
 */
export function suppressPartition(
  total: number,
  parts: readonly number[],
  minCellSize: number = DEFAULT_MIN_CELL_SIZE,
): PartitionSuppression {
  const sum = parts.reduce((s, p) => s + p, 0);
  if (sum !== total) throw new RangeError(`parts sum to ${sum}, not the total ${total}`);
  const totalHidden = isSmallCell(total, minCellSize);
  const hidden = parts.map((p) => isSmallCell(p, minCellSize));
  if (!totalHidden && hidden.filter(Boolean).length === 1) {
    // One hidden cell = total − the shown cells: hide the smallest other non-zero cell too.
    let pick = -1;
    parts.forEach((p, i) => {
      if (hidden[i] || p === 0) return;
      if (pick === -1 || p < (parts[pick] ?? 0)) pick = i;
    });
    if (pick !== -1) hidden[pick] = true;
  }
  return { total: totalHidden, parts: hidden };
}

/**
 * A rate (0–1, to 3 decimals) of shown figures, or null when either figure is suppressed or the
 * denominator is zero.
 */
export function shownRate(n: ShownCount, of: ShownCount): number | null {
  if (n === SUPPRESSED || of === SUPPRESSED || of === 0) return null;
  return Math.round((n / of) * 1000) / 1000;
}

/** Events per 100 sessions (1 decimal), or null when the event count or the session count is suppressed. */
export function shownPer100(events: ShownCount, sessions: ShownCount): number | null {
  if (events === SUPPRESSED || sessions === SUPPRESSED || sessions === 0) return null;
  return Math.round((events / sessions) * 1000) / 10;
}
