/**
 * PUT /api/v1/access/sliding-scale/tiers {tiers, assessmentValidMonths} — saves the clinic's tiers as a new
 * version, in force from now (earlier assessments keep the tier they were given). Admin only. 200
 * SlidingScaleTierSet; 400 naming `body.tiers[i]…` when bounds do not rise, the last band is not open, or labels
 * repeat (`tierProblems`, docs/clinical-sources.md#sliding-scale-tiers). Audited as configuration.
 */
import { tierProblems } from '@plasticity/clinical/sliding-scale';
import { SaveSlidingScaleTiersRequest, SlidingScaleTierSet } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import { AppError } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { ADMIN_ONLY } from './policies.ts';

export function saveTiersRoute(app: ZodApp, ctx: ModuleContext) {
  app.put(
    '/api/v1/access/sliding-scale/tiers',
    {
      config: { policy: ADMIN_ONLY },
      schema: {
        body: SaveSlidingScaleTiersRequest,
        response: { 200: SlidingScaleTierSet },
        tags: ['sliding-scale'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const tiers = req.body.tiers;
      const problems = tierProblems(tiers).map((p) => ({
        field: p.index === null ? 'body.tiers' : `body.tiers[${p.index}]`,
        message: p.message,
      }));
      if (problems.length > 0) {
        throw new AppError(
          'validation_failed',
          problems.map((p) => `${p.field}: ${p.message}`).join('; '),
          problems,
        );
      }
      const now = ctx.clock.now();
      const row = await ctx.db.transaction().execute(async (trx) => {
        const last = await trx
          .selectFrom('sliding_scale_tier_sets')
          .select((eb) => eb.fn.max('version').as('v'))
          .where('clinic_id', '=', a.clinicId)
          .executeTakeFirst();
        const version = Number(last?.v ?? 0) + 1;
        const inserted = await trx
          .insertInto('sliding_scale_tier_sets')
          .values({
            clinic_id: a.clinicId,
            version,
            tiers: toJson(tiers),
            assessment_valid_months: req.body.assessmentValidMonths,
            effective_from: now,
            created_by: a.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'sliding_scale_tiers',
          resourceId: inserted.id,
          category: 'configuration',
          details: { version },
        });
        return inserted;
      });
      return {
        version: row.version,
        tiers: row.tiers,
        assessmentValidMonths: row.assessment_valid_months,
        effectiveFrom: row.effective_from.toISOString(),
        createdByName: a.displayName,
      };
    },
  );
}
