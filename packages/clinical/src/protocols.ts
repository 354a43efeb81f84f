/**
 * `@plasticity/clinical/protocols`: the Protocol type, default protocols per route, and the validator for
 * clinic-edited protocols. Sources: docs/clinical-sources.md#protocols-dosing-and-discharge (see
 * `protocols/sources.ts`).
 */

export {
  defaultAlertThresholds,
  defaultChecklist,
  defaultDischarge,
  defaultDosingWeight,
  defaultInstruments,
  defaultObservationSchedule,
  defaultRounding,
  defaultVitalsPlan,
} from './protocols/default-building-blocks.ts';
export { defaultProtocolFor, defaultProtocols } from './protocols/defaults.ts';
export { defaultIntranasalEsketamineProtocol } from './protocols/defaults-esketamine.ts';
export { defaultOralKetamineProtocol, defaultSublingualKetamineProtocol } from './protocols/defaults-kap.ts';
export { defaultImKetamineProtocol, defaultIvKetamineProtocol } from './protocols/defaults-ketamine.ts';
export {
  CONSENT_LABEL,
  CONSENT_SCOPE,
  type ConsentCheck,
  checkConsents,
  consentCovers,
  consentLabel,
  DRUG_CONSENT,
  type DrugRoute,
  drugRouteLabel,
  drugRouteMismatch,
  sameDrugRoute,
} from './protocols/match.ts';
export { PROTOCOL_PLAUSIBILITY } from './protocols/plausibility.ts';
export { ESKETAMINE_LABEL, esketamineLabelAllows } from './protocols/regulatory.ts';
export { SOURCES } from './protocols/sources.ts';
export { TEMPLATE_SOURCES, type TemplateSource } from './protocols/template-sources.ts';
export {
  type ProtocolTemplate,
  protocolTemplate,
  protocolTemplates,
  type TemplateEvidence,
  type TemplateIndication,
  type TemplateInstrument,
} from './protocols/templates.ts';
export * from './protocols/types.ts';
export { type ProtocolValidation, type ValidationError, validateProtocol } from './protocols/validate.ts';
