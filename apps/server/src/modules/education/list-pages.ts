/**
 * GET /api/v1/education — the clinic's education pages (current versions, in reading order). Every role:
 * staff see the pages; a patient also sees, per page, the newest version they have read and whether it is
 * the current one (their own data, so the patient's call is audited; staff calls read clinic content only).
 * 200 EducationPageList.
 */
import { EducationPageList } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { ensureEducationPages } from './ensure-pages.ts';
import { currentPages, readState, readsOf, toSummary } from './page-rows.ts';

export function listPagesRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/education',
    {
      config: { policy: allow.anyUser() },
      schema: { response: { 200: EducationPageList }, tags: ['education'] },
    },
    async (req) => {
      const a = authOf(req);
      await ensureEducationPages(ctx.db, a.clinicId);
      const rows = await currentPages(ctx.db, a.clinicId);
      if (a.role !== 'patient' || !a.patientId) return { items: rows.map((r) => toSummary(r, null)) };
      const reads = await readsOf(ctx.db, a.clinicId, a.patientId);
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'read',
        resourceType: 'education_read',
        patientId: a.patientId,
        category: 'education',
        details: { via: 'portal' },
      });
      return { items: rows.map((r) => toSummary(r, readState(r, reads.get(r.slug)))) };
    },
  );
}
