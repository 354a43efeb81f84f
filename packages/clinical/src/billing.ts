/**
 * `@plasticity/clinical/billing`: the billing code list (CPT/HCPCS, ICD-10-CM, each with its source) and the
 * rule mapping a discharged dosing session or a visit to charge lines. Sources:
 * docs/clinical-sources.md#diagnosis-and-billing-codes, docs/clinical-sources.md#charge-lines.
 */
export {
  additionalInfusionHours,
  type ChargeLine,
  type ChargePlan,
  type DischargedSession,
  diagnosisCodesFor,
  discountCents,
  evaluationCode,
  INDICATION_DIAGNOSIS,
  psychotherapyCode,
  SERVICE_KEYS,
  SERVICE_LABELS,
  type ServiceKey,
  sessionChargePlan,
  type VisitKind,
  visitChargePlan,
} from './access/charge-lines.ts';
export {
  type BillingCode,
  billingCode,
  type CodeSystem,
  type CodeVerification,
  DIAGNOSIS_CODES,
  isDiagnosisCode,
  isProcedureCode,
  PLACE_OF_SERVICE_OFFICE,
  PROCEDURE_CODES,
} from './access/codes.ts';
export { formatUsd, parseUsd } from './access/money.ts';
