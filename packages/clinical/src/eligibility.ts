/**
 * `@plasticity/clinical/eligibility`: intake type, declarative rules as versioned data, default rules with
 * sources, evaluation and a validator for clinic-edited rules. Sources:
 * docs/clinical-sources.md#contraindications, SPRAVATO US label, Sanacora et al. 2017 (see
 * `eligibility/default-rules-*.ts`).
 */

export { evaluateCondition } from './eligibility/condition.ts';
export {
  DEFAULT_ELIGIBILITY_RULE_SET_ID,
  DEFAULT_ELIGIBILITY_RULE_SET_VERSION,
  defaultEligibilityRuleSet,
  defaultEligibilityRules,
} from './eligibility/default-rules.ts';
export { evaluateEligibility } from './eligibility/evaluate.ts';
export { INTAKE_FIELDS, type IntakeField, isIntakeField, readField } from './eligibility/fields.ts';
export type {
  AppliesTo,
  Condition,
  EligibilityContext,
  EligibilityHit,
  EligibilityResult,
  EligibilityRule,
  EligibilityRuleSet,
  Intake,
  Scalar,
  Severity,
} from './eligibility/types.ts';
export { type RulesValidation, validateEligibilityRules } from './eligibility/validate.ts';
