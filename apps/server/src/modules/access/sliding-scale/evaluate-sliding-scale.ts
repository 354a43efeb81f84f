/**
 * POST /api/v1/access/sliding-scale/evaluate {householdSize, annualIncome, state, year} — the household's HHS
 * poverty guideline (dollars), income as a percent of it (one decimal), and the clinic's tier and discount.
 * Any staff role. 200 SlidingScaleEvaluation; 400 naming the field for bad input, and `body.year` / `body.state`
 * when the clinic has no guideline table for them. Stores and reads no patient data, so nothing is audited.
 */
import { EvaluateSlidingScaleRequest, SlidingScaleEvaluation } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { authOf } from '../../../platform/request-context.ts';
import { evaluateHousehold } from './evaluate-household.ts';
import { ANY_STAFF } from './policies.ts';

export function evaluateSlidingScaleRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/access/sliding-scale/evaluate',
    {
      config: { policy: ANY_STAFF },
      schema: {
        body: EvaluateSlidingScaleRequest,
        response: { 200: SlidingScaleEvaluation },
        tags: ['sliding-scale'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const r = await evaluateHousehold(ctx.db, a.clinicId, {
        householdSize: req.body.householdSize,
        annualIncomeCents: Math.round(req.body.annualIncome * 100),
        state: req.body.state,
        year: req.body.year,
      });
      return {
        guideline: r.guideline,
        percentOfPoverty: r.percentOfPoverty,
        tier: r.tierLabel,
        discountPercent: r.discountPercent,
      };
    },
  );
}
