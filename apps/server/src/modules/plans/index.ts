/**
 * The plans module: from referral to an approved treatment plan — intake, eligibility rules (versioned),
 * informed consent (versioned documents, e-signatures, PDF, withdrawal), the protocol library (versioned,
 * one active default per route), treatment plans (draft → approved → active → completed | stopped) and
 * the dose calculator with hard stops. Clinical sources: docs/clinical-sources.md, cited in each operation.
 */
import type { ServerModule } from '../../platform/module.ts';
import { consentPdfRoute } from './consent/consent-pdf.ts';
import { consentDocumentRoutes } from './consent/documents.ts';
import { patientConsentsRoute } from './consent/patient-consents.ts';
import { signConsentRoute } from './consent/sign-consent.ts';
import { withdrawConsentRoute } from './consent/withdraw-consent.ts';
import { calculateDoseRoute } from './dosing/calculate-dose.ts';
import { evaluateEligibilityRoute } from './eligibility/evaluate-eligibility.ts';
import { listEligibilityRoute } from './eligibility/list-eligibility.ts';
import { ruleSetRoutes } from './eligibility/rule-sets.ts';
import { signEligibilityRoute } from './eligibility/sign-eligibility.ts';
import { enteredInErrorRoutes } from './intake/entered-in-error.ts';
import { listIntakesRoute } from './intake/list-intakes.ts';
import { recordWeightRoute } from './intake/record-weight.ts';
import { submitIntakeRoute } from './intake/submit-intake.ts';
import { draftFromTemplateRoute } from './protocols/draft-from-template.ts';
import { listProtocolTemplatesRoute } from './protocols/list-protocol-templates.ts';
import { listProtocolsRoute } from './protocols/list-protocols.ts';
import { saveProtocolRoutes } from './protocols/save-protocol.ts';
import { seedPlansDemo } from './seed-demo.ts';
import { createPlanRoute } from './treatment-plans/create-plan.ts';
import { listPlansRoute } from './treatment-plans/list-plans.ts';
import { setPrescribedDoseRoute } from './treatment-plans/set-prescribed-dose.ts';
import { transitionPlanRoute } from './treatment-plans/transition-plan.ts';

export const plansModule: ServerModule = {
  name: 'plans',
  routes(app, ctx) {
    submitIntakeRoute(app, ctx);
    listIntakesRoute(app, ctx);
    recordWeightRoute(app, ctx);
    enteredInErrorRoutes(app, ctx);
    evaluateEligibilityRoute(app, ctx);
    listEligibilityRoute(app, ctx);
    signEligibilityRoute(app, ctx);
    ruleSetRoutes(app, ctx);
    listProtocolsRoute(app, ctx);
    saveProtocolRoutes(app, ctx);
    listProtocolTemplatesRoute(app, ctx);
    draftFromTemplateRoute(app, ctx);
    consentDocumentRoutes(app, ctx);
    patientConsentsRoute(app, ctx);
    signConsentRoute(app, ctx);
    withdrawConsentRoute(app, ctx);
    consentPdfRoute(app, ctx);
    createPlanRoute(app, ctx);
    listPlansRoute(app, ctx);
    transitionPlanRoute(app, ctx);
    setPrescribedDoseRoute(app, ctx);
    calculateDoseRoute(app, ctx);
  },
  seedDemo: seedPlansDemo,
};
