/**
 * Small shared helpers for instrument definitions: option lookup, score range, LOINC check digit,
 * sex normalisation and band lookup.
 *
 * LOINC check digit: LOINC codes end in a Mod 10 check digit (the Luhn algorithm), per the LOINC
 * Users' Guide (Regenstrief Institute), "Calculating Mod 10 check digits".
 */
import type { AnswerOption, Band, InstrumentDefinition, ItemDefinition } from './types.ts';

/** The options that apply to an item (its own, else the instrument's shared set); empty when none. */
export function optionsFor(def: InstrumentDefinition, item: ItemDefinition): readonly AnswerOption[] {
  return item.options ?? def.options ?? [];
}

/** Lowest and highest option value of an item. */
export function itemRange(def: InstrumentDefinition, item: ItemDefinition): { min: number; max: number } {
  const values = optionsFor(def, item).map((o) => o.value);
  if (values.length === 0) return { min: 0, max: 0 };
  return { min: Math.min(...values), max: Math.max(...values) };
}

/** Item by 1-based number, or undefined. */
export function itemByNumber(def: InstrumentDefinition, n: number): ItemDefinition | undefined {
  return def.items.find((i) => i.number === n);
}

/**
 * Lowest and highest possible total under the definition's scoring rule.
 *
 * @example
 * scoreRange(phq9) // { min: 0, max: 27 }
 */
export function scoreRange(def: InstrumentDefinition): { min: number; max: number } {
  const rangeOf = (n: number): { min: number; max: number } => {
    const item = itemByNumber(def, n);
    return item ? itemRange(def, item) : { min: 0, max: 0 };
  };
  const rule = def.scoring;
  switch (rule.kind) {
    case 'single':
      return rangeOf(rule.item);
    case 'domains': {
      let min = 0;
      let max = 0;
      for (const d of rule.domains) {
        const ranges = d.items.map(rangeOf);
        if (ranges.length === 0) continue;
        if (d.combine === 'max') {
          min += Math.max(...ranges.map((r) => r.min));
          max += Math.max(...ranges.map((r) => r.max));
        } else {
          min += ranges.reduce((s, r) => s + r.min, 0);
          max += ranges.reduce((s, r) => s + r.max, 0);
        }
      }
      return { min, max };
    }
    case 'sum': {
      // Reversing maps [lo, hi] onto itself, so the range is the same with or without reversal.
      let min = 0;
      let max = 0;
      for (const item of def.items) {
        if (!item.scored) continue;
        const r = itemRange(def, item);
        min += r.min;
        max += r.max;
      }
      return { min, max };
    }
  }
}

/**
 * True when `code` looks like a LOINC code (`12345-6`) and its Mod 10 check digit is right.
 *
 * @example
 * isValidLoincCode('44261-6') // true
 * isValidLoincCode('44261-5') // false
 */
export function isValidLoincCode(code: string): boolean {
  const m = /^(\d{1,7})-(\d)$/.exec(code);
  if (!m?.[1] || !m[2]) return false;
  return loincCheckDigit(m[1]) === Number(m[2]);
}

/** Mod 10 (Luhn) check digit for the digits of a LOINC code before the hyphen. */
export function loincCheckDigit(digits: string): number {
  let sum = 0;
  // Rightmost digit is doubled (the check digit would follow it), then every second one.
  for (let i = digits.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export type NormalisedSex = 'male' | 'female' | 'unknown';

/** Map free-text sex to male / female / unknown (case-insensitive; anything else is unknown). */
export function normaliseSex(sex: string | undefined): NormalisedSex {
  const s = (sex ?? '').trim().toLowerCase();
  if (['male', 'm', 'man', 'men'].includes(s)) return 'male';
  if (['female', 'f', 'woman', 'women'].includes(s)) return 'female';
  return 'unknown';
}

/** Label of the band containing `total`, or null. */
export function bandLabel(bands: readonly Band[] | null, total: number): string | null {
  if (!bands) return null;
  return bands.find((b) => total >= b.min && total <= b.max)?.label ?? null;
}

/** The two bands a cut-off implies over [min, max]. */
export function cutoffBands(
  range: { min: number; max: number },
  value: number,
  negativeLabel: string,
  positiveLabel: string,
): Band[] {
  return [
    { min: range.min, max: value - 1, label: negativeLabel },
    { min: value, max: range.max, label: positiveLabel },
  ];
}

/** "1, 2 and 3" */
export function listItems(items: readonly number[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
