/**
 * POST /api/v1/access/sliding-scale/guideline-years {year, citation, contiguous[8], contiguousExtra, alaskaOne,
 * alaskaExtra, hawaiiOne, hawaiiExtra} — the admin adds a year's HHS poverty guidelines (whole dollars) with its
 * Federal Register citation; a year the product ships may be entered too (the clinic's figures then replace it).
 * Admin only. 201 PovertyGuidelineYearView; 400 naming `body.contiguous` when the eight figures do not rise;
 * 409 when the clinic already entered that year (entries are kept as entered, never edited). Audited as
 * configuration.
 */
import { AddPovertyGuidelineYearRequest, PovertyGuidelineYearView } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import { AppError, badField } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { clinicYearView } from './guideline-tables.ts';
import { ADMIN_ONLY } from './policies.ts';

export function addGuidelineYearRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/access/sliding-scale/guideline-years',
    {
      config: { policy: ADMIN_ONLY },
      schema: {
        body: AddPovertyGuidelineYearRequest,
        response: { 201: PovertyGuidelineYearView },
        tags: ['sliding-scale'],
      },
    },
    async (req, reply) => {
      const a = authOf(req);
      const b = req.body;
      if (b.contiguous.some((v, i) => i > 0 && v <= (b.contiguous[i - 1] ?? 0))) {
        throw badField('body.contiguous', 'the figures for 1 to 8 persons must rise with the household size');
      }
      const row = await ctx.db.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom('poverty_guideline_years')
          .select('id')
          .where('clinic_id', '=', a.clinicId)
          .where('year', '=', b.year)
          .executeTakeFirst();
        if (existing)
          throw new AppError('conflict', `the clinic already entered the guidelines for ${b.year}`);
        const inserted = await trx
          .insertInto('poverty_guideline_years')
          .values({
            clinic_id: a.clinicId,
            year: b.year,
            citation: b.citation,
            contiguous: toJson(b.contiguous),
            contiguous_extra: b.contiguousExtra,
            alaska_one: b.alaskaOne,
            alaska_extra: b.alaskaExtra,
            hawaii_one: b.hawaiiOne,
            hawaii_extra: b.hawaiiExtra,
            created_by: a.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'poverty_guideline_year',
          resourceId: inserted.id,
          category: 'configuration',
          details: { year: b.year },
        });
        return inserted;
      });
      return reply.status(201).send(clinicYearView(row));
    },
  );
}
