/**
 * Scoring engine: one code path for every instrument, driven by its definition (types.ts).
 *
 * Answers are the values printed on the published form, one per item in item order, `null` for a
 * skipped item (AUDIT items 9–10: 0, 2 or 4; yes/no items: yes = 1, no = 0, before any reverse
 * scoring). Incomplete forms follow the definition's `missingRule` (the published rule, cited in each
 * definition), otherwise scoring is refused with every missing item named.
 *
 * Sources: the rules applied are data from the manuals cited in `definitions/` (Kroenke 2001 PHQ-9;
 * Spitzer 2006 GAD-7; Weathers 2013 PCL-5; Babor 2001 AUDIT; Skinner 1982 DAST-10; Posner 2011 C-SSRS;
 * Rush 2003 QIDS-SR16; Montgomery & Åsberg 1979 MADRS; Chernik 1990 MOAA/S; Rodrigues 2021 CADSS-6).
 */
import { itemRange, listItems, optionsFor } from './helpers.ts';
import { effectiveBands, evaluateFlags, itemLevelSeverity, severityFor } from './rules.ts';
import type { InstrumentDefinition, ScoreContext, ScoreError, ScoreResult } from './types.ts';
import { SAFETY_ITEM_SKIPPED } from './types.ts';
import { cachedDefinitionErrors } from './validate.ts';

type Answer = number | null;

function expectedCounts(def: InstrumentDefinition): number[] {
  const n = def.items.length;
  return def.minAnswers !== undefined && def.minAnswers < n ? [def.minAnswers, n] : [n];
}

/** Checks length and values; returns errors (empty when every value is allowed). */
function answerErrors(def: InstrumentDefinition, answers: unknown): ScoreError[] {
  if (!Array.isArray(answers)) {
    return [{ field: 'answers', message: 'answers must be an array of numbers or null' }];
  }
  const counts = expectedCounts(def);
  if (!counts.includes(answers.length)) {
    return [
      {
        field: 'answers',
        message: `${def.name} expects ${counts.join(' or ')} answers (one per item, null for a skipped item); got ${answers.length}`,
      },
    ];
  }
  const errors: ScoreError[] = [];
  for (let i = 0; i < answers.length; i++) {
    const v: unknown = answers[i];
    const item = def.items[i];
    if (v === null || !item) continue;
    const allowed = optionsFor(def, item).map((o) => o.value);
    if (typeof v !== 'number' || !Number.isInteger(v) || !allowed.includes(v)) {
      errors.push({
        item: item.number,
        field: `answers[${i}]`,
        message: `item ${item.number} (${item.label}): ${String(v)} is not an allowed answer; allowed values are ${allowed.join(', ')}`,
      });
    }
  }
  return errors;
}

/** Applies gate constraints: closed-gate nulls become 0; a non-zero answer behind a closed gate is an error. */
function applyGates(def: InstrumentDefinition, answers: Answer[]): ScoreError[] {
  const errors: ScoreError[] = [];
  for (const c of def.constraints ?? []) {
    const gate = answers[c.gateItem - 1] ?? null;
    if (gate === null || gate >= c.openAtLeast) continue;
    for (const n of c.items) {
      const v = answers[n - 1] ?? null;
      if (v === null) answers[n - 1] = 0;
      else if (v !== 0) {
        errors.push({
          item: n,
          field: `answers[${n - 1}]`,
          message: `item ${n} is answered ${v} but item ${c.gateItem} is ${gate}: items ${listItems(c.items)} are only asked when item ${c.gateItem} is at least ${c.openAtLeast}, so they must be 0`,
        });
      }
    }
  }
  return errors;
}

/** Scored value of an answer (reverse items flipped within their option range). */
function scoredValue(def: InstrumentDefinition, index: number, v: number): number {
  const item = def.items[index];
  if (!item || def.scoring.kind !== 'sum' || !def.scoring.reverse?.some((r) => r.item === item.number))
    return v;
  const { min, max } = itemRange(def, item);
  return min + max - v;
}

function computeTotal(
  def: InstrumentDefinition,
  answers: readonly Answer[],
): { total: number; domains?: Record<string, number> } {
  const value = (n: number): number => answers[n - 1] ?? 0;
  const rule = def.scoring;
  if (rule.kind === 'single') return { total: value(rule.item) };
  if (rule.kind === 'domains') {
    const domains: Record<string, number> = {};
    let total = 0;
    for (const d of rule.domains) {
      const vals = d.items.map(value);
      const score = d.combine === 'max' ? Math.max(...vals) : vals.reduce((a, b) => a + b, 0);
      domains[d.id] = score;
      total += score;
    }
    return { total, domains };
  }
  let sum = 0;
  let answered = 0;
  let scoredCount = 0;
  def.items.forEach((item, i) => {
    if (!item.scored) return;
    scoredCount++;
    const v = answers[i] ?? null;
    if (v === null) return;
    sum += scoredValue(def, i, v);
    answered++;
  });
  if (answered === scoredCount) return { total: sum };
  // Proration: total = round(sum × scored items / answered items), halves rounded up.
  return { total: Math.floor((sum * scoredCount) / answered + 0.5) };
}

function subscaleScores(
  def: InstrumentDefinition,
  answers: readonly Answer[],
  warnings: string[],
): Record<string, number> | undefined {
  if (!def.subscales || def.subscales.length === 0) return undefined;
  const out: Record<string, number> = {};
  for (const s of def.subscales) {
    const vals = s.items.map((n) => answers[n - 1] ?? null);
    if (vals.some((v) => v === null)) {
      warnings.push(`subscale ${s.id} is not scored: it has skipped items`);
      continue;
    }
    out[s.id] = s.items.reduce((sum, n) => sum + scoredValue(def, n - 1, answers[n - 1] ?? 0), 0);
  }
  return out;
}

/** Items read by safety rules (directly, or through the item-driven severity a safety rule uses). */
function safetyItemNumbers(def: InstrumentDefinition): Set<number> {
  const items = new Set<number>();
  for (const r of def.safetyRules) {
    if (r.kind === 'item_at_least') items.add(r.item);
    else if (r.kind === 'any_item_at_least') for (const n of r.items) items.add(n);
    else if (r.kind === 'item_count_groups') for (const g of r.groups) for (const n of g.items) items.add(n);
    else if (r.kind === 'severity_in' && def.severityRule) {
      for (const l of def.severityRule.levels) for (const n of l.items) items.add(n);
    }
  }
  return items;
}

/**
 * Scores one completed form.
 *
 * @param def a valid instrument definition (see `validateDefinition`)
 * @param answers the printed value of each item in order, null for a skipped item
 * @param context sex, for sex-specific cut-offs (AUDIT-C); unknown sex uses the conservative cut-off
 * @returns `{ok: true, total, severity, flags, missing, prorated, warnings, instrumentVersion, ...}`
 *   or `{ok: false, errors}` naming `answers` (wrong length) or `answers[i]` (item i + 1)
 *
 * @example
 * scoreAssessment(phq9, [1, 1, 2, 1, 0, 1, 1, 0, 1])
 * // { ok: true, total: 8, severity: 'mild', flags: ['suicide_risk'], missing: [], prorated: false, ... }
 * scoreAssessment(auditc, [2, 1, 1], { sex: 'female' }) // severity 'positive' (cut-off 3 for women)
 */
export function scoreAssessment(
  def: InstrumentDefinition,
  answers: readonly Answer[],
  context: ScoreContext = {},
): ScoreResult {
  const defErrors = cachedDefinitionErrors(def);
  if (defErrors.length > 0) {
    return {
      ok: false,
      errors: defErrors.map((e) => ({ field: 'definition', message: `${e.path || '(root)'}: ${e.message}` })),
    };
  }
  const valueErrors = answerErrors(def, answers);
  if (valueErrors.length > 0) return { ok: false, errors: valueErrors };

  const filled: Answer[] = def.items.map((_, i) => answers[i] ?? null);
  const gateErrors = applyGates(def, filled);
  if (gateErrors.length > 0) return { ok: false, errors: gateErrors };

  const missing = def.items.filter((item, i) => item.scored && filled[i] === null).map((item) => item.number);
  const rule = def.missingRule;
  const safetyItems = safetyItemNumbers(def);
  if (missing.length > 0 && (rule.kind === 'refuse' || missing.length > rule.maxMissing)) {
    const why =
      rule.kind === 'refuse'
        ? `${def.name} is not scored with skipped items (its missing-item rule is to refuse; see missingRule.source)`
        : `${def.name} is scored with at most ${rule.maxMissing} skipped item(s); ${missing.length} were skipped`;
    // The answered items may already show risk: report it even though the form cannot be scored.
    const partialSeverity = def.severityRule ? itemLevelSeverity(def.severityRule, filled) : null;
    const flags = evaluateFlags(
      def.safetyRules,
      { answers: filled, total: 0, severity: partialSeverity, cutoff: null },
      true,
    );
    if (missing.some((n) => safetyItems.has(n)) && !flags.includes(SAFETY_ITEM_SKIPPED))
      flags.push(SAFETY_ITEM_SKIPPED);
    return {
      ok: false,
      flags,
      errors: missing.map((n) => ({
        item: n,
        field: `answers[${n - 1}]`,
        message: `item ${n} (${def.items[n - 1]?.label ?? ''}) was skipped${safetyItems.has(n) ? ', and it is a safety question: ask it in person' : ''}. ${why}`,
      })),
    };
  }

  const warnings: string[] = [];
  const { total, domains } = { domains: undefined, ...computeTotal(def, filled) };
  const prorated = missing.length > 0;
  if (prorated) {
    const answered = def.items.filter((i) => i.scored).length - missing.length;
    warnings.push(
      `prorated: item(s) ${listItems(missing)} skipped; total estimated as the answered sum × ${answered + missing.length} / ${answered}, rounded half up`,
    );
  }
  const eff = effectiveBands(def, context ?? {});
  warnings.push(...eff.warnings);
  const severity = severityFor(def, total, filled, eff.bands);
  const input = { answers: filled, total, severity, cutoff: eff.cutoff };
  const flags = evaluateFlags(def.safetyRules, input, true);
  for (const f of evaluateFlags(def.flagRules ?? [], input, false)) if (!flags.includes(f)) flags.push(f);
  if (flags.includes(SAFETY_ITEM_SKIPPED)) {
    warnings.push('a safety question was skipped: a clinician should ask it directly');
  }
  const subscales = subscaleScores(def, filled, warnings);

  return {
    ok: true,
    instrumentId: def.id,
    instrumentVersion: def.version,
    total,
    severity,
    ...(subscales ? { subscales } : {}),
    ...(domains ? { domains } : {}),
    flags,
    missing,
    prorated,
    warnings,
  };
}
