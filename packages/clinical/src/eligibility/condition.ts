/**
 * Interpreter for the declarative rule condition language (closed union; no `eval`).
 *
 * Semantics: a `trials` leaf counts adequate failed antidepressant trials (see `medications/trials.ts`); a leaf
 * on an unknown field (missing, wrong type) is false, and the field is reported as unknown;
 * `eq` is strict equality; `gte` is ≥ and `lt` is < (so `{op:'lt', value:18}` fires at 17.99, not at 18);
 * `in` tests membership; `true` is `=== true`. `all` of nothing is true, `any` of nothing is false (the
 * validator rejects empty lists). `all`/`any` short-circuit left to right, so only unknown fields that were
 * actually needed are reported (a missing "controlled?" answer is not reported when there is no hypertension).
 * Sources: none clinical (the rules that use it cite theirs).
 */
import { adequateFailedTrials } from '../medications/trials.ts';
import { type IntakeField, readField } from './fields.ts';
import type { Condition, EligibilityContext, Intake } from './types.ts';

/**
 * Evaluate a condition against an intake.
 *
 * @example
 * evaluateCondition({ field: 'ageYears', op: 'lt', value: 18 }, intake, { ageYears: 17 }, new Set()); // true
 */
export function evaluateCondition(
  cond: Condition,
  intake: Intake,
  ctx: EligibilityContext,
  unknown: Set<IntakeField>,
): boolean {
  if (typeof cond !== 'object' || cond === null) return false; // unvalidated data: never fires
  if ('all' in cond)
    return Array.isArray(cond.all) && cond.all.every((c) => evaluateCondition(c, intake, ctx, unknown));
  if ('any' in cond)
    return Array.isArray(cond.any) && cond.any.some((c) => evaluateCondition(c, intake, ctx, unknown));
  if ('not' in cond) return !evaluateCondition(cond.not, intake, ctx, unknown);
  if ('trials' in cond) {
    // No list recorded counts as no trials (the prescriber is asked to review) and is reported as unknown.
    const list = intake?.indications?.depression?.priorTrials;
    if (!Array.isArray(list)) unknown.add('indication.depression.priorTrialCount');
    const n = adequateFailedTrials(Array.isArray(list) ? list : [], cond.trials ?? { minWeeks: 0 }).length;
    return cond.op === 'gte' ? n >= cond.value : cond.op === 'lt' ? n < cond.value : false;
  }
  const v = readField(cond.field, intake, ctx);
  if (v === undefined) {
    unknown.add(cond.field);
    return false;
  }
  switch (cond.op) {
    case 'eq':
      return v === cond.value;
    case 'gte':
      return typeof v === 'number' && v >= cond.value;
    case 'lt':
      return typeof v === 'number' && v < cond.value;
    case 'in':
      return cond.value.includes(v);
    case 'true':
      return v === true;
  }
}
