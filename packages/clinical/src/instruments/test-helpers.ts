/**
 * Test helpers (used only by *.test.ts): build answer vectors that produce a wanted total, so band
 * boundary tests read as tables of totals. Not exported from the barrel.
 */
import { itemRange, optionsFor } from './helpers.ts';
import { scoreAssessment } from './score.ts';
import type { InstrumentDefinition, ScoreSuccess } from './types.ts';

/**
 * Answers whose total is `total`: sum instruments are filled greedily from the last item backwards
 * (coarse option sets such as AUDIT items 9–10 first, fine ones last); reversed items are converted
 * back to the printed value; domain instruments fill one item per domain. Throws if impossible.
 */
export function answersForTotal(def: InstrumentDefinition, total: number): number[] {
  const answers = def.items
    .filter((i) => i.scored)
    .map((item) => Math.min(...optionsFor(def, item).map((o) => o.value)));
  let remaining = total;
  if (def.scoring.kind === 'domains') {
    for (const d of def.scoring.domains) {
      const first = d.items[0] as number;
      const item = def.items[first - 1];
      if (!item) throw new Error('bad domain');
      const take = Math.min(remaining, itemRange(def, item).max);
      answers[first - 1] = take;
      remaining -= take;
    }
  } else {
    const reversed = new Set(
      def.scoring.kind === 'sum' ? (def.scoring.reverse ?? []).map((r) => r.item) : [],
    );
    for (let i = answers.length - 1; i >= 0; i--) {
      const item = def.items[i];
      if (!item) continue;
      const { min, max } = itemRange(def, item);
      const scoredOptions = optionsFor(def, item).map((o) =>
        reversed.has(item.number) ? min + max - o.value : o.value,
      );
      const best = Math.max(...scoredOptions.filter((v) => v <= remaining));
      answers[i] = reversed.has(item.number) ? min + max - best : best;
      remaining -= best;
    }
  }
  if (remaining !== 0) throw new Error(`cannot build total ${total} for ${def.id}`);
  return answers;
}

/** Scores and asserts success (throws with the errors otherwise), for terse tests. */
export function scoreOk(
  def: InstrumentDefinition,
  answers: readonly (number | null)[],
  context?: { sex?: string },
): ScoreSuccess {
  const r = scoreAssessment(def, answers, context);
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r.errors)}`);
  return r;
}

/** n copies of v. */
export const fill = (n: number, v: number | null = 0): (number | null)[] =>
  Array.from({ length: n }, () => v);
