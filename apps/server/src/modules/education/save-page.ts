/**
 * PUT /api/v1/education/{slug} — the clinic's edit of an education page (admin and prescriber: what patients
 * are told about their treatment is the medical director's decision). The edit becomes the page's new
 * current version; the old version is kept, marked superseded, so every read still names the text that was
 * read. A slug the clinic does not have yet starts a new page at version 1. 201 new page, 200 new version;
 * 400 naming the field for bad input.
 */
import { EducationPage, EducationSlugParams, SaveEducationPageRequest } from '@plasticity/contracts';
import { sql } from 'kysely';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { ensureEducationPages } from './ensure-pages.ts';
import { currentPage, pageVersions, toPage } from './page-rows.ts';

/** Where a new page goes in the reading order when the request does not say. */
const NEW_PAGE_SORT_ORDER = 100;

export function savePageRoute(app: ZodApp, ctx: ModuleContext) {
  app.put(
    '/api/v1/education/:slug',
    {
      config: { policy: allow.roles('admin', 'prescriber') },
      schema: {
        params: EducationSlugParams,
        body: SaveEducationPageRequest,
        response: { 200: EducationPage, 201: EducationPage },
        tags: ['education'],
      },
    },
    async (req, reply) => {
      const a = authOf(req);
      const { slug } = req.params;
      const b = req.body;
      await ensureEducationPages(ctx.db, a.clinicId);
      const created = await ctx.db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(hashtext(${`education-page:${a.clinicId}:${slug}`}))`.execute(
          trx,
        );
        const old = await trx
          .selectFrom('education_pages')
          .select(['version', 'sort_order'])
          .where('clinic_id', '=', a.clinicId)
          .where('slug', '=', slug)
          .where('status', '=', 'current')
          .executeTakeFirst();
        if (old)
          await trx
            .updateTable('education_pages')
            .set({ status: 'superseded' })
            .where('clinic_id', '=', a.clinicId)
            .where('slug', '=', slug)
            .where('status', '=', 'current')
            .execute();
        const version = (old?.version ?? 0) + 1;
        await trx
          .insertInto('education_pages')
          .values({
            clinic_id: a.clinicId,
            slug,
            version,
            title: b.title,
            summary: b.summary,
            body: b.body,
            topic: b.topic,
            sort_order: b.sortOrder ?? old?.sort_order ?? NEW_PAGE_SORT_ORDER,
            status: 'current',
            change_note: b.changeNote && b.changeNote.length > 0 ? b.changeNote : null,
            edited_by: a.userId,
            created_at: ctx.clock.now(),
          })
          .execute();
        await ctx.audit.record(trx, actorOf(req), {
          action: old ? 'update' : 'create',
          resourceType: 'education_page',
          resourceId: slug,
          category: 'education',
          details: { version },
        });
        return !old;
      });
      const row = await currentPage(ctx.db, a.clinicId, slug);
      reply.code(created ? 201 : 200);
      return toPage(row, null, await pageVersions(ctx.db, a.clinicId, slug));
    },
  );
}
