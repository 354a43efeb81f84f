/**
 * Second validation pass, part 2: flag rules, subscales, constraints, outcome rule, missing-item rule
 * and LOINC codes (Mod 10 check digit), then the entry point `ruleErrors` that runs both parts.
 * Part 1 (items, scoring, bands) is `validate-structure.ts`; the public API is `validate.ts`.
 */
import { isValidLoincCode, itemByNumber, itemRange, optionsFor, scoreRange } from './helpers.ts';
import type { DefinitionError, FlagRule, InstrumentDefinition } from './types.ts';
import {
  checkItems,
  checkRefs,
  checkScoring,
  checkSeverity,
  type Errors,
  reachable,
  severityLabels,
} from './validate-structure.ts';

/**
 * A configurable item threshold must include its default and stay where the rule can both fire and
 * stay quiet: above the item's lowest option, at most its highest.
 */
function checkConfigurableThreshold(
  def: InstrumentDefinition,
  r: { item: number; value: number; configurable?: { min: number; max: number } },
  path: string,
  errors: Errors,
): void {
  const item = itemByNumber(def, r.item);
  const cfg = r.configurable;
  if (!item || !cfg) return;
  const { min, max } = itemRange(def, item);
  if (!(cfg.min <= r.value && r.value <= cfg.max))
    errors.push({ path, message: `must include the default ${r.value}` });
  if (cfg.min <= min || cfg.max > max)
    errors.push({ path, message: `must lie within ${min + 1}–${max} (item ${r.item}'s answers)` });
}

function checkFlagRule(def: InstrumentDefinition, r: FlagRule, p: string, errors: Errors): void {
  switch (r.kind) {
    case 'item_at_least':
      checkRefs(def, [r.item], `${p}.item`, errors, false);
      if (itemByNumber(def, r.item) && !reachable(def, r.item, r.value)) {
        errors.push({ path: `${p}.value`, message: `item ${r.item} can never reach ${r.value}` });
      }
      if (r.configurable) checkConfigurableThreshold(def, r, `${p}.configurable`, errors);
      break;
    case 'any_item_at_least':
      checkRefs(def, r.items, `${p}.items`, errors, false);
      if (!r.items.some((n) => reachable(def, n, r.value))) {
        errors.push({ path: `${p}.value`, message: `no listed item can reach ${r.value}` });
      }
      break;
    case 'cutoff_met':
      if (!def.cutoff) errors.push({ path: p, message: 'cutoff_met needs a cutoff' });
      break;
    case 'severity_in': {
      const labels = severityLabels(def);
      r.labels.forEach((l, i) => {
        if (!labels.has(l))
          errors.push({ path: `${p}.labels[${i}]`, message: `"${l}" is not a severity label` });
      });
      break;
    }
    case 'item_count_groups':
      r.groups.forEach((g, i) => {
        checkRefs(def, g.items, `${p}.groups[${i}].items`, errors);
        if (g.minCount < 1 || g.minCount > g.items.length) {
          errors.push({
            path: `${p}.groups[${i}].minCount`,
            message: `must be between 1 and ${g.items.length}`,
          });
        }
      });
      break;
  }
}

function checkRules(def: InstrumentDefinition, errors: Errors): void {
  def.safetyRules.forEach((r, i) => {
    checkFlagRule(def, r, `safetyRules[${i}]`, errors);
  });
  def.flagRules?.forEach((r, i) => {
    checkFlagRule(def, r, `flagRules[${i}]`, errors);
  });
  const ids = new Set<string>();
  def.subscales?.forEach((s, i) => {
    if (ids.has(s.id)) errors.push({ path: `subscales[${i}].id`, message: `subscale ${s.id} repeats` });
    ids.add(s.id);
    checkRefs(def, s.items, `subscales[${i}].items`, errors);
  });
  def.constraints?.forEach((c, i) => {
    const p = `constraints[${i}]`;
    checkRefs(def, [c.gateItem], `${p}.gateItem`, errors);
    checkRefs(def, c.items, `${p}.items`, errors);
    if (c.items.includes(c.gateItem))
      errors.push({ path: `${p}.items`, message: 'must not include the gate item' });
    if (!reachable(def, c.gateItem, c.openAtLeast)) {
      errors.push({ path: `${p}.openAtLeast`, message: 'the gate can never open' });
    }
    for (const n of c.items) {
      const item = itemByNumber(def, n);
      if (item && !optionsFor(def, item).some((o) => o.value === 0)) {
        errors.push({
          path: `${p}.items`,
          message: `gated item ${n} needs a 0 option (sent while the gate is closed)`,
        });
      }
    }
  });
}

function checkOutcomeAndMissing(def: InstrumentDefinition, errors: Errors): void {
  const range = scoreRange(def);
  const { response, remission, direction } = def.outcome;
  if (response) {
    if (!(response.reductionPct > 0 && response.reductionPct <= 100)) {
      errors.push({ path: 'outcome.response.reductionPct', message: 'must be above 0 and at most 100' });
    }
    if (direction !== 'lower_is_better') {
      errors.push({
        path: 'outcome.response',
        message: 'response (a reduction) needs direction lower_is_better',
      });
    }
  }
  if (remission) {
    const inRange = (v: number): boolean => v >= range.min && v <= range.max;
    if (!inRange(remission.threshold)) {
      errors.push({
        path: 'outcome.remission.threshold',
        message: `must be within ${range.min}–${range.max}`,
      });
    }
    const cfg = remission.configurable;
    if (
      cfg &&
      !(
        cfg.min <= remission.threshold &&
        remission.threshold <= cfg.max &&
        inRange(cfg.min) &&
        inRange(cfg.max)
      )
    ) {
      errors.push({
        path: 'outcome.remission.configurable',
        message: 'must include the threshold and lie in range',
      });
    }
  }
  const m = def.missingRule;
  if (m.kind === 'prorate') {
    const scored = def.items.filter((i) => i.scored).length;
    if (def.scoring.kind !== 'sum') {
      errors.push({ path: 'missingRule', message: 'proration is only defined for sum scoring' });
    }
    if (m.maxMissing < 1 || m.maxMissing >= scored) {
      errors.push({ path: 'missingRule.maxMissing', message: `must be between 1 and ${scored - 1}` });
    }
  }
}

function checkLoinc(def: InstrumentDefinition, errors: Errors): void {
  const l = def.loinc;
  if (!l) return;
  const code = (c: string, path: string): void => {
    if (!isValidLoincCode(c))
      errors.push({ path, message: `"${c}" is not a LOINC code with a valid check digit` });
  };
  if (l.panel) code(l.panel, 'loinc.panel');
  if (l.total) code(l.total, 'loinc.total');
  if (l.riskLevel) code(l.riskLevel, 'loinc.riskLevel');
  if (l.total && l.total === l.panel)
    errors.push({ path: 'loinc.total', message: 'must differ from the panel code' });
  for (const [k, c] of Object.entries(l.items)) {
    code(c, `loinc.items.${k}`);
    if (!itemByNumber(def, Number(k)))
      errors.push({ path: `loinc.items.${k}`, message: `item ${k} does not exist` });
  }
  l.related?.forEach((r, i) => {
    code(r.code, `loinc.related[${i}].code`);
  });
}

/** Meaning errors of a definition whose shape is already known to be right. */
export function ruleErrors(def: InstrumentDefinition): DefinitionError[] {
  const errors: Errors = [];
  checkItems(def, errors);
  // Later checks look items up by number; with broken numbering they would only add noise.
  if (errors.some((e) => e.path.endsWith('.number'))) return errors;
  checkScoring(def, errors);
  checkSeverity(def, errors);
  checkRules(def, errors);
  checkOutcomeAndMissing(def, errors);
  checkLoinc(def, errors);
  return errors;
}
