/**
 * GET /api/v1/education/{slug} — one page, current version, with its body. Every role. Staff also get every
 * version of the page (the editor lists them); a patient gets their read state instead (their own data:
 * audited). 200 EducationPage; 404 when the clinic has no such page.
 */
import { EducationPage, EducationSlugParams } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { ensureEducationPages } from './ensure-pages.ts';
import { currentPage, pageVersions, readState, readsOf, toPage } from './page-rows.ts';

export function getPageRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/education/:slug',
    {
      config: { policy: allow.anyUser() },
      schema: { params: EducationSlugParams, response: { 200: EducationPage }, tags: ['education'] },
    },
    async (req) => {
      const a = authOf(req);
      await ensureEducationPages(ctx.db, a.clinicId);
      const row = await currentPage(ctx.db, a.clinicId, req.params.slug);
      if (a.role !== 'patient' || !a.patientId)
        return toPage(row, null, await pageVersions(ctx.db, a.clinicId, row.slug));
      const reads = await readsOf(ctx.db, a.clinicId, a.patientId);
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'read',
        resourceType: 'education_read',
        resourceId: row.slug,
        patientId: a.patientId,
        category: 'education',
        details: { via: 'portal', version: row.version },
      });
      return toPage(row, readState(row, reads.get(row.slug)), []);
    },
  );
}
