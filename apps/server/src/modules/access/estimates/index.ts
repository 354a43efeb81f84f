/**
 * Good-faith estimates for uninsured and self-pay patients (No Surprises Act, 45 CFR 149.610 and 149.620): the
 * patient's coverage status, estimates drafted and issued with their deadlines, the estimate as a PDF with every
 * required element, the list of estimates due, and the flag when billed charges are $400 or more above an estimate.
 * Pure rules: `@plasticity/clinical/estimates` (docs/clinical-sources.md#good-faith-estimates).
 */
import type { ServerModule } from '../../../platform/module.ts';
import { createEstimateRoute } from './create-estimate.ts';
import { enterEstimateInErrorRoute } from './enter-estimate-in-error.ts';
import { getEstimatePdfRoute } from './get-estimate-pdf.ts';
import { issueEstimateRoute } from './issue-estimate.ts';
import { listDueEstimatesRoute } from './list-due-estimates.ts';
import { listPatientEstimatesRoute } from './list-patient-estimates.ts';
import { seedEstimatesDemo } from './seed-demo.ts';
import { setCoverageRoute } from './set-coverage.ts';

export const estimatesModule: ServerModule = {
  name: 'estimates',
  routes(app, ctx) {
    setCoverageRoute(app, ctx);
    listPatientEstimatesRoute(app, ctx);
    createEstimateRoute(app, ctx);
    issueEstimateRoute(app, ctx);
    enterEstimateInErrorRoute(app, ctx);
    listDueEstimatesRoute(app, ctx);
    getEstimatePdfRoute(app, ctx);
  },
  seedDemo: seedEstimatesDemo,
};
