/**
 * The default eligibility rule set (versioned data). A clinic copies and edits it; `validateEligibilityRules`
 * checks the edit. Sources: see `default-rules-absolute.ts` and `default-rules-review.ts` (SPRAVATO US label,
 * Ketalar US label, Sanacora et al. 2017, instrument manuals, practice lists).
 */
import { absoluteRules } from './default-rules-absolute.ts';
import { reviewRules } from './default-rules-review.ts';
import { medicationRules } from './medication-rules.ts';
import type { EligibilityRule, EligibilityRuleSet } from './types.ts';

export const DEFAULT_ELIGIBILITY_RULE_SET_ID = 'plasticity-default-eligibility';
/**
 * 2: rules that read the medication list and the prior antidepressant trials; the Ketalar BP contraindication
 * absolute for racemic ketamine; esketamine hepatic impairment rules.
 */
export const DEFAULT_ELIGIBILITY_RULE_SET_VERSION = 2;

/**
 * Fresh copies of the default rules.
 *
 * @example
 * defaultEligibilityRules().find((r) => r.id === 'age_under_18')?.severity; // 'absolute'
 */
export function defaultEligibilityRules(): EligibilityRule[] {
  return [...absoluteRules(), ...reviewRules(), ...medicationRules()];
}

/**
 * The default rules with their set id and version, for recording which version a decision used.
 *
 * @example
 * defaultEligibilityRuleSet().version; // 1
 */
export function defaultEligibilityRuleSet(): EligibilityRuleSet {
  return {
    id: DEFAULT_ELIGIBILITY_RULE_SET_ID,
    version: DEFAULT_ELIGIBILITY_RULE_SET_VERSION,
    rules: defaultEligibilityRules(),
  };
}
