/**
 * `evaluateEligibility`: run every applicable rule against an intake and combine the hits.
 *
 * Combination (absolute vs relative contraindications, docs/clinical-sources.md#contraindications): any
 * absolute hit → 'no'; otherwise any relative hit → 'review'; otherwise 'yes' (caution hits are still
 * listed). Rules with `appliesTo` run only for a matching protocol in `ctx.protocol` (drug, route, and any
 * shared indication); with no protocol in context every rule runs, so a general screen errs on the side of
 * caution. Sources for the rules themselves: see `default-rules-*.ts`.
 */

import { evaluateCondition } from './condition.ts';
import type { IntakeField } from './fields.ts';
import type {
  AppliesTo,
  EligibilityContext,
  EligibilityHit,
  EligibilityResult,
  EligibilityRule,
  Intake,
} from './types.ts';

function applies(appliesTo: AppliesTo | undefined, ctx: EligibilityContext): boolean {
  const p = ctx?.protocol;
  if (!appliesTo || !p) return true;
  if (appliesTo.drugs && !appliesTo.drugs.includes(p.drug)) return false;
  if (appliesTo.routes && !appliesTo.routes.includes(p.route)) return false;
  if (appliesTo.indications && !appliesTo.indications.some((i) => p.indications?.includes(i))) return false;
  return true;
}

/**
 * Evaluate eligibility. Every rule that fires is returned, in rule order.
 *
 * @example
 * const r = evaluateEligibility(defaultEligibilityRules(), intake, {
 *   ageYears: 17,
 *   protocol: { drug: 'ketamine', route: 'iv', indications: ['trd'] },
 * });
 * // r.eligible === 'no'; r.hits[0].ruleId === 'age_under_18'
 */
export function evaluateEligibility(
  rules: readonly EligibilityRule[],
  intake: Intake,
  ctx: EligibilityContext,
): EligibilityResult {
  const unknown = new Set<IntakeField>();
  const hits: EligibilityHit[] = [];
  for (const rule of rules) {
    if (!applies(rule.appliesTo, ctx)) continue;
    if (!evaluateCondition(rule.condition, intake, ctx, unknown)) continue;
    hits.push({
      ruleId: rule.id,
      ruleVersion: rule.version,
      severity: rule.severity,
      message: rule.message ?? rule.description,
      source: rule.source,
    });
  }
  const eligible = hits.some((h) => h.severity === 'absolute')
    ? 'no'
    : hits.some((h) => h.severity === 'relative')
      ? 'review'
      : 'yes';
  return { eligible, hits, unknownFields: [...unknown].sort() };
}
