/**
 * GET /api/v1/patients/{id}/mood — the patient's mood trend: one point per clinic-local day over the last
 * `days` days (default 90, at most 730), the day's latest check-in (`latestPerLocalDay`), oldest first.
 * Roles admin, prescriber, nurse, therapist, and the patient their own (orSelf). 200 MoodTrend; 404 for a
 * patient of another clinic. Audited.
 */
import { latestPerLocalDay } from '@plasticity/clinical/integration/mood-trend';
import { IdParams, MoodTrend, MoodTrendQuery } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { requirePatient } from '../../patients/require-patient.ts';
import { READ_MOOD } from '../policies.ts';

const DAY_MS = 86_400_000;

export function getMoodTrendRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/patients/:id/mood',
    {
      config: { policy: READ_MOOD },
      schema: {
        params: IdParams,
        querystring: MoodTrendQuery,
        response: { 200: MoodTrend },
        tags: ['journal'],
      },
    },
    async (req) => {
      const a = authOf(req);
      await requirePatient(ctx.db, a.clinicId, req.params.id);
      const days = req.query.days ?? 90;
      const since = new Date(ctx.clock.now().getTime() - (days + 1) * DAY_MS);
      const rows = await ctx.db
        .selectFrom('mood_checkins')
        .select(['score', 'recorded_at'])
        .where('clinic_id', '=', a.clinicId)
        .where('patient_id', '=', req.params.id)
        .where('recorded_at', '>=', since)
        .orderBy('recorded_at')
        .orderBy('seq')
        .execute();
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'read',
        resourceType: 'mood_checkin',
        patientId: req.params.id,
        category: 'journal',
        details: { days },
      });
      const trend = latestPerLocalDay(
        rows.map((r) => ({ score: r.score, recordedAt: r.recorded_at })),
        a.timeZone,
      );
      return {
        items: trend.map((d) => ({ date: d.date, score: d.score, recordedAt: d.recordedAt.toISOString() })),
      };
    },
  );
}
