/**
 * Which questions a form asks, from the definition's gate constraints (types.ts `Constraint`): an item
 * behind a gate is asked only once the gate item has been answered at or above `openAtLeast` (C-SSRS
 * screener: items 3–5 after a yes to item 2, the "within the past 3 months?" follow-up after a yes to
 * item 6; Columbia Lighthouse Project screener). A question that is not asked is sent as 0, the value
 * the scorer requires behind a closed gate. Shared by the web forms and the tests.
 */
import type { InstrumentDefinition } from './types.ts';

type Answer = number | null | undefined;

/**
 * Whether item `n` (1-based) is asked, given the answers so far. A gate item that is not answered
 * yet, or is itself not asked, keeps its gated items hidden.
 *
 * @example
 * isAsked(cssrsScreen, [0, 0, 0, 0, 0, 1, null], 7) // true: item 6 is yes
 */
export function isAsked(def: InstrumentDefinition, answers: readonly Answer[], n: number): boolean {
  const seen = new Set<number>();
  const asked = (item: number): boolean => {
    if (seen.has(item)) return false; // a gate cycle never opens (the validator reports it elsewhere)
    seen.add(item);
    for (const c of def.constraints ?? []) {
      if (!c.items.includes(item)) continue;
      const gate = answers[c.gateItem - 1];
      if (gate === null || gate === undefined || gate < c.openAtLeast || !asked(c.gateItem)) return false;
    }
    return true;
  };
  return asked(n);
}

/**
 * The answers to send: every question that was not asked becomes 0, the rest are kept as given.
 *
 * @example
 * answersWithNotAsked(cssrsScreen, [1, 0, null, null, null, 0, null]) // [1, 0, 0, 0, 0, 0, 0]
 */
export function answersWithNotAsked(
  def: InstrumentDefinition,
  answers: readonly Answer[],
): (number | null)[] {
  return def.items.map((item, i) => (isAsked(def, answers, item.number) ? (answers[i] ?? null) : 0));
}
