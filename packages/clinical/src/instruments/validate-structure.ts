/**
 * Second validation pass, part 1: structure. Items numbered 1..n in order with unique options, at
 * least one scored item, scoring rules naming existing scored items (domains partition the scored
 * items), bands sorted and covering the score range with no gap or overlap, cut-offs inside the range.
 * Part 2 (rules, outcome, missing-item rule, LOINC) is `validate-rules.ts`.
 */
import { cutoffBands, itemByNumber, itemRange, optionsFor, scoreRange } from './helpers.ts';
import type { Band, DefinitionError, InstrumentDefinition } from './types.ts';

export type Errors = DefinitionError[];

export function checkItems(def: InstrumentDefinition, errors: Errors): void {
  const seen = new Set<number>();
  def.items.forEach((item, i) => {
    const p = `items[${i}]`;
    if (seen.has(item.number))
      errors.push({ path: `${p}.number`, message: `item number ${item.number} repeats` });
    seen.add(item.number);
    if (item.number !== i + 1) {
      errors.push({ path: `${p}.number`, message: `must be ${i + 1}: items are numbered 1..n in order` });
    }
    const opts = optionsFor(def, item);
    if (opts.length === 0)
      errors.push({ path: `${p}.options`, message: 'no options: give item or shared options' });
    const values = new Set<number>();
    opts.forEach((o, j) => {
      if (values.has(o.value)) {
        const where = item.options ? `${p}.options[${j}]` : `options[${j}]`;
        errors.push({ path: `${where}.value`, message: `value ${o.value} repeats` });
      }
      values.add(o.value);
    });
  });
  if (def.items.some((i) => i.text === undefined) && !def.wordingNote) {
    errors.push({ path: 'wordingNote', message: 'required when any item ships without its wording' });
  }
  if (!def.items.some((i) => i.scored))
    errors.push({ path: 'items', message: 'at least one item must be scored' });
  if (def.minAnswers !== undefined) {
    if (def.minAnswers < 1 || def.minAnswers > def.items.length) {
      errors.push({ path: 'minAnswers', message: `must be between 1 and ${def.items.length}` });
    } else if (def.items.slice(def.minAnswers).some((i) => i.scored)) {
      errors.push({ path: 'minAnswers', message: 'only unscored items may follow minAnswers' });
    }
  }
}

/** Checks that every number in `items` names an existing (and, if asked, scored) item. */
export function checkRefs(
  def: InstrumentDefinition,
  items: readonly number[],
  path: string,
  errors: Errors,
  mustBeScored = true,
): void {
  const seen = new Set<number>();
  items.forEach((n, i) => {
    const item = itemByNumber(def, n);
    if (!item) errors.push({ path: `${path}[${i}]`, message: `item ${n} does not exist` });
    else if (mustBeScored && !item.scored)
      errors.push({ path: `${path}[${i}]`, message: `item ${n} is not scored` });
    if (seen.has(n)) errors.push({ path: `${path}[${i}]`, message: `item ${n} is listed twice` });
    seen.add(n);
  });
}

export function checkScoring(def: InstrumentDefinition, errors: Errors): void {
  const rule = def.scoring;
  const scored = def.items.filter((i) => i.scored).map((i) => i.number);
  if (rule.kind === 'sum') {
    checkRefs(
      def,
      (rule.reverse ?? []).map((r) => r.item),
      'scoring.reverse',
      errors,
    );
  } else if (rule.kind === 'single') {
    checkRefs(def, [rule.item], 'scoring.item', errors);
    if (scored.length !== 1 || scored[0] !== rule.item) {
      errors.push({
        path: 'scoring.item',
        message: 'a single-item instrument must have exactly that one scored item',
      });
    }
  } else {
    const ids = new Set<string>();
    const count = new Map<number, number>();
    rule.domains.forEach((d, i) => {
      if (ids.has(d.id)) errors.push({ path: `scoring.domains[${i}].id`, message: `domain ${d.id} repeats` });
      ids.add(d.id);
      checkRefs(def, d.items, `scoring.domains[${i}].items`, errors);
      for (const n of d.items) count.set(n, (count.get(n) ?? 0) + 1);
    });
    for (const n of scored) {
      const c = count.get(n) ?? 0;
      if (c !== 1) {
        errors.push({
          path: 'scoring.domains',
          message: `scored item ${n} is in ${c} domains; it must be in exactly 1`,
        });
      }
    }
  }
}

/** Bands must be sorted, contiguous and cover exactly [range.min, range.max]. */
export function bandErrors(
  bands: readonly Band[],
  range: { min: number; max: number },
  path: string,
): Errors {
  const errors: Errors = [];
  const labels = new Set<string>();
  bands.forEach((b, i) => {
    const p = `${path}[${i}]`;
    if (b.min > b.max) errors.push({ path: p, message: `min ${b.min} is above max ${b.max}` });
    if (b.label !== b.label.toLowerCase()) errors.push({ path: `${p}.label`, message: 'must be lower case' });
    if (labels.has(b.label)) errors.push({ path: `${p}.label`, message: `label "${b.label}" repeats` });
    labels.add(b.label);
    const prev = bands[i - 1];
    if (i === 0 && b.min !== range.min) {
      errors.push({ path: `${p}.min`, message: `first band must start at the lowest score ${range.min}` });
    }
    if (prev && b.min > prev.max + 1) {
      errors.push({ path: `${p}.min`, message: `gap: scores ${prev.max + 1}–${b.min - 1} have no band` });
    }
    if (prev && b.min <= prev.max) {
      errors.push({ path: `${p}.min`, message: `overlaps the previous band (which ends at ${prev.max})` });
    }
    if (i === bands.length - 1 && b.max !== range.max) {
      errors.push({ path: `${p}.max`, message: `last band must end at the highest score ${range.max}` });
    }
  });
  return errors;
}

export function checkSeverity(def: InstrumentDefinition, errors: Errors): void {
  const range = scoreRange(def);
  if (def.bands) errors.push(...bandErrors(def.bands, range, 'bands'));
  if (def.bands && def.severityRule) {
    errors.push({ path: 'severityRule', message: 'use either bands or severityRule, not both' });
  }
  if (!def.bands && !def.severityRule && !def.severityNote) {
    errors.push({
      path: 'severityNote',
      message: 'required when there are no bands: say why severity is null',
    });
  }
  const c = def.cutoff;
  if (c) {
    const inRange = (v: number): boolean => v > range.min && v <= range.max;
    if (!def.bands) errors.push({ path: 'cutoff', message: 'a cut-off needs the matching two bands' });
    if (!inRange(c.value))
      errors.push({ path: 'cutoff.value', message: `must be within ${range.min + 1}–${range.max}` });
    if (c.configurable) {
      const { min, max } = c.configurable;
      if (!(min <= c.value && c.value <= max)) {
        errors.push({ path: 'cutoff.configurable', message: `must include the default ${c.value}` });
      }
      if (!inRange(min) || !inRange(max)) {
        errors.push({
          path: 'cutoff.configurable',
          message: `must lie within ${range.min + 1}–${range.max}`,
        });
      }
    }
    if (c.bySex) {
      if (!inRange(c.bySex.male))
        errors.push({ path: 'cutoff.bySex.male', message: 'outside the score range' });
      if (!inRange(c.bySex.female))
        errors.push({ path: 'cutoff.bySex.female', message: 'outside the score range' });
    }
    const expected = cutoffBands(range, c.value, c.negativeLabel, c.positiveLabel);
    if (def.bands && JSON.stringify(def.bands) !== JSON.stringify(expected)) {
      errors.push({ path: 'bands', message: `must equal the cut-off's bands ${JSON.stringify(expected)}` });
    }
  }
  def.severityRule?.levels.forEach((l, i) => {
    const p = `severityRule.levels[${i}]`;
    checkRefs(def, l.items, `${p}.items`, errors);
    if (l.label !== l.label.toLowerCase()) errors.push({ path: `${p}.label`, message: 'must be lower case' });
    if (!l.items.some((n) => reachable(def, n, l.atLeast))) {
      errors.push({ path: `${p}.atLeast`, message: `no listed item can reach ${l.atLeast}` });
    }
  });
  if (def.severityRule && def.severityRule.none !== def.severityRule.none.toLowerCase()) {
    errors.push({ path: 'severityRule.none', message: 'must be lower case' });
  }
}

/** Whether item `n` has an option ≥ value. */
export function reachable(def: InstrumentDefinition, n: number, value: number): boolean {
  const item = itemByNumber(def, n);
  return item ? itemRange(def, item).max >= value : false;
}

/** Every severity label the definition can produce. */
export function severityLabels(def: InstrumentDefinition): Set<string> {
  const labels = new Set<string>((def.bands ?? []).map((b) => b.label));
  if (def.severityRule) {
    labels.add(def.severityRule.none);
    for (const l of def.severityRule.levels) labels.add(l.label);
  }
  return labels;
}
