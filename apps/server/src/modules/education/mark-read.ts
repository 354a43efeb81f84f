/**
 * POST /api/v1/education/{slug}/read — the signed-in patient has read a page: the version they had on
 * screen (`version`, else the current one). Role patient only. Reading a version again keeps the first
 * time it was read. 200 EducationReadResult; 404 unknown page; 400 `body.version` when the page has no such
 * version.
 */
import { EducationReadResult, EducationSlugParams, MarkEducationReadRequest } from '@plasticity/contracts';
import { AppError } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { ownPatientId } from '../scheduling/portal/slot-view.ts';
import { ensureEducationPages } from './ensure-pages.ts';
import { currentPage } from './page-rows.ts';

export function markReadRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/education/:slug/read',
    {
      config: { policy: allow.roles('patient') },
      schema: {
        params: EducationSlugParams,
        body: MarkEducationReadRequest,
        response: { 200: EducationReadResult },
        tags: ['education'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const patientId = ownPatientId(a);
      await ensureEducationPages(ctx.db, a.clinicId);
      const current = await currentPage(ctx.db, a.clinicId, req.params.slug);
      const version = req.body.version ?? current.version;
      if (version > current.version)
        throw new AppError('validation_failed', 'this page has no such version', [
          { field: 'body.version', message: `must be at most ${current.version}` },
        ]);
      return ctx.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('education_reads')
          .values({
            clinic_id: a.clinicId,
            patient_id: patientId,
            page_slug: current.slug,
            page_version: version,
            read_at: ctx.clock.now(),
          })
          .onConflict((oc) => oc.columns(['patient_id', 'page_slug', 'page_version']).doNothing())
          .execute();
        const read = await trx
          .selectFrom('education_reads')
          .select('read_at')
          .where('patient_id', '=', patientId)
          .where('page_slug', '=', current.slug)
          .where('page_version', '=', version)
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'education_read',
          resourceId: current.slug,
          patientId,
          category: 'education',
          details: { version },
        });
        return {
          slug: current.slug,
          version,
          readAt: read.read_at.toISOString(),
          current: version === current.version,
        };
      });
    },
  );
}
