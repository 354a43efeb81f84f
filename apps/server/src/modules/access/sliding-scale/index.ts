/**
 * Sliding scale: a household's income as a percent of the HHS poverty guideline for its year and state, the
 * clinic's versioned tiers and discounts, guideline years an admin adds, and patients' assessments (evidence
 * seen, approval, expiry). `activeDiscount` (active-discount.ts) gives billing the discount in force.
 * Rules: `@plasticity/clinical/sliding-scale` (docs/clinical-sources.md#hhs-poverty-guidelines).
 */
import type { ServerModule } from '../../../platform/module.ts';
import { addGuidelineYearRoute } from './add-guideline-year.ts';
import { assessmentEnteredInErrorRoute } from './assessment-entered-in-error.ts';
import { createAssessmentRoute } from './create-assessment.ts';
import { evaluateSlidingScaleRoute } from './evaluate-sliding-scale.ts';
import { getTiersRoute } from './get-tiers.ts';
import { listAssessmentsRoute } from './list-assessments.ts';
import { listGuidelineYearsRoute } from './list-guideline-years.ts';
import { saveTiersRoute } from './save-tiers.ts';
import { seedSlidingScaleDemo } from './seed-demo.ts';

export const slidingScaleModule: ServerModule = {
  name: 'sliding-scale',
  routes(app, ctx) {
    evaluateSlidingScaleRoute(app, ctx);
    getTiersRoute(app, ctx);
    saveTiersRoute(app, ctx);
    listGuidelineYearsRoute(app, ctx);
    addGuidelineYearRoute(app, ctx);
    createAssessmentRoute(app, ctx);
    listAssessmentsRoute(app, ctx);
    assessmentEnteredInErrorRoute(app, ctx);
  },
  seedDemo: seedSlidingScaleDemo,
};
