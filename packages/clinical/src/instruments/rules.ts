/**
 * Evaluation of the declarative parts of a definition: effective bands (sex-specific or configured
 * cut-offs), item-driven severity (C-SSRS screener) and flag rules. Rule semantics are documented on
 * the types in `types.ts`; sources for each instrument's rules are cited in `definitions/` (e.g. AUDIT-C
 * sex-specific cut-offs: Bradley et al. 2007; C-SSRS triage: Posner et al. 2011 and
 * docs/clinical-sources.md#c-ssrs-screener).
 */
import { bandLabel, cutoffBands, normaliseSex, scoreRange } from './helpers.ts';
import type { Band, FlagRule, InstrumentDefinition, ItemLevelsRule, ScoreContext } from './types.ts';
import { SAFETY_ITEM_SKIPPED } from './types.ts';

export interface EffectiveBands {
  readonly bands: readonly Band[] | null;
  /** The cut-off in force, when the definition has one. */
  readonly cutoff: number | null;
  readonly warnings: readonly string[];
}

/**
 * Bands in force for this context: a sex-specific cut-off (AUDIT-C), else the definition's bands.
 *
 * @example
 * effectiveBands(auditc, { sex: 'male' }).cutoff // 4
 */
export function effectiveBands(def: InstrumentDefinition, context: ScoreContext = {}): EffectiveBands {
  const c = def.cutoff;
  if (!c) return { bands: def.bands, cutoff: null, warnings: [] };
  let value = c.value;
  const warnings: string[] = [];
  if (c.bySex) {
    const sex = normaliseSex(context.sex);
    if (sex === 'male') value = c.bySex.male;
    else if (sex === 'female') value = c.bySex.female;
    else warnings.push(c.bySex.unknownSexWarning);
  }
  return {
    bands: cutoffBands(scoreRange(def), value, c.negativeLabel, c.positiveLabel),
    cutoff: value,
    warnings,
  };
}

/** Highest level reached in an item-levels rule; answers are 0-based by position. */
export function itemLevelSeverity(rule: ItemLevelsRule, answers: readonly (number | null)[]): string {
  let label = rule.none;
  for (const level of rule.levels) {
    if (level.items.some((n) => (answers[n - 1] ?? -Infinity) >= level.atLeast)) label = level.label;
  }
  return label;
}

/** Severity label for a total (or from items, for item-driven severity). */
export function severityFor(
  def: InstrumentDefinition,
  total: number,
  answers: readonly (number | null)[],
  bands: readonly Band[] | null,
): string | null {
  if (def.severityRule) return itemLevelSeverity(def.severityRule, answers);
  return bandLabel(bands, total);
}

export interface RuleInput {
  /** Answers as printed on the form, by position (null = skipped). */
  readonly answers: readonly (number | null)[];
  readonly total: number;
  readonly severity: string | null;
  readonly cutoff: number | null;
}

/** Items a rule reads, for the skipped-safety-item check. */
function ruleItems(rule: FlagRule): readonly number[] {
  if (rule.kind === 'item_at_least') return [rule.item];
  if (rule.kind === 'any_item_at_least') return rule.items;
  if (rule.kind === 'item_count_groups') return rule.groups.flatMap((g) => g.items);
  return [];
}

function fires(rule: FlagRule, input: RuleInput): boolean {
  const at = (n: number): number | null => input.answers[n - 1] ?? null;
  switch (rule.kind) {
    case 'item_at_least': {
      const v = at(rule.item);
      return v !== null && v >= rule.value;
    }
    case 'any_item_at_least':
      return rule.items.some((n) => {
        const v = at(n);
        return v !== null && v >= rule.value;
      });
    case 'cutoff_met':
      return input.cutoff !== null && input.total >= input.cutoff;
    case 'severity_in':
      return input.severity !== null && rule.labels.includes(input.severity);
    case 'item_count_groups':
      return rule.groups.every((g) => {
        const endorsed = g.items.filter((n) => {
          const v = at(n);
          return v !== null && v >= rule.minValue;
        }).length;
        return endorsed >= g.minCount;
      });
  }
}

/**
 * Flags raised by rules, in rule order, without duplicates. With `safety: true`, a skipped item that
 * a rule reads adds `safety_item_skipped`, so a skipped safety question never passes silently.
 *
 * @example
 * evaluateFlags(phq9.safetyRules, { answers, total, severity, cutoff: null }, true) // ['suicide_risk']
 */
export function evaluateFlags(rules: readonly FlagRule[], input: RuleInput, safety: boolean): string[] {
  const flags: string[] = [];
  const add = (f: string): void => {
    if (!flags.includes(f)) flags.push(f);
  };
  for (const rule of rules) {
    if (fires(rule, input)) add(rule.flag);
    if (safety && ruleItems(rule).some((n) => (input.answers[n - 1] ?? null) === null))
      add(SAFETY_ITEM_SKIPPED);
  }
  return flags;
}
