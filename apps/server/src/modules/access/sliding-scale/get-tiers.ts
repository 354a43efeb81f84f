/**
 * GET /api/v1/access/sliding-scale/tiers — the clinic's tiers in force (the product's defaults, version 0, until
 * the admin saves some) and every saved version, newest first. Any staff role. 200 SlidingScaleTierSets. Clinic
 * configuration, no patient data: not audited.
 */
import { SlidingScaleTierSets } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { authOf } from '../../../platform/request-context.ts';
import { ANY_STAFF } from './policies.ts';
import { defaultTierSet, tierSetVersions } from './tier-sets.ts';

export function getTiersRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/access/sliding-scale/tiers',
    {
      config: { policy: ANY_STAFF },
      schema: { response: { 200: SlidingScaleTierSets }, tags: ['sliding-scale'] },
    },
    async (req) => {
      const versions = await tierSetVersions(ctx.db, authOf(req).clinicId);
      return { current: versions[0] ?? defaultTierSet(), versions };
    },
  );
}
