/**
 * GET /api/v1/portal/aftercare — the after-care sheet for the signed-in patient: their last discharged
 * dosing session (when it started and when they were discharged) and the clinic's current after-care page
 * with their read state. Role patient only; audited. `session` is null before any discharged session; `page`
 * is null when the clinic has no after-care page. 200 PortalAftercare.
 */
import { PortalAftercare } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { ownPatientId } from '../scheduling/portal/slot-view.ts';
import { AFTERCARE_SLUG } from './defaults/index.ts';
import { ensureEducationPages } from './ensure-pages.ts';
import { readState, readsOf, selectPages, toPage } from './page-rows.ts';

export function getAftercareRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/portal/aftercare',
    {
      config: { policy: allow.roles('patient') },
      schema: { response: { 200: PortalAftercare }, tags: ['education'] },
    },
    async (req) => {
      const a = authOf(req);
      const patientId = ownPatientId(a);
      await ensureEducationPages(ctx.db, a.clinicId);
      const session = await ctx.db
        .selectFrom('dosing_sessions')
        .select(['id', 'dose_started_at', 'discharged_at'])
        .where('clinic_id', '=', a.clinicId)
        .where('patient_id', '=', patientId)
        .where('discharged_at', 'is not', null)
        .orderBy('discharged_at', 'desc')
        .limit(1)
        .executeTakeFirst();
      // The default after-care page, else the clinic's first current page on after-care.
      const pages = await selectPages(ctx.db, a.clinicId)
        .where('p.status', '=', 'current')
        .where('p.topic', '=', 'aftercare')
        .orderBy('p.sort_order')
        .orderBy('p.slug')
        .execute();
      const page = pages.find((p) => p.slug === AFTERCARE_SLUG) ?? pages[0] ?? null;
      const reads = await readsOf(ctx.db, a.clinicId, patientId);
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'read',
        resourceType: 'dosing_session',
        resourceId: session?.id ?? null,
        patientId,
        category: 'education',
        details: { via: 'portal', sheet: 'aftercare' },
      });
      return {
        session:
          session?.discharged_at != null
            ? {
                id: session.id,
                startedAt: session.dose_started_at ? session.dose_started_at.toISOString() : null,
                dischargedAt: session.discharged_at.toISOString(),
              }
            : null,
        page: page ? toPage(page, readState(page, reads.get(page.slug)), []) : null,
      };
    },
  );
}
