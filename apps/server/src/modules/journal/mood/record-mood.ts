/**
 * POST /api/v1/portal/mood {score, note?} — the signed-in patient's daily mood check-in (0 = the worst,
 * 10 = the best). Role patient only. 201 MoodCheckIn (with its clinic-local date). Every check-in is kept; the
 * trend shows the latest of each day. 400 naming `body.score` for anything but a whole number 0–10. Audited
 * (never the score or the note).
 */
import { instantToLocal } from '@plasticity/clinical/scheduling';
import { CreateMoodCheckInRequest, MoodCheckIn } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { ownPatientId } from '../../scheduling/portal/slot-view.ts';
import { PATIENT_ONLY } from '../policies.ts';

export function recordMoodRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/portal/mood',
    {
      config: { policy: PATIENT_ONLY },
      schema: { body: CreateMoodCheckInRequest, response: { 201: MoodCheckIn }, tags: ['journal'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const patientId = ownPatientId(a);
      const now = ctx.clock.now();
      const row = await ctx.db.transaction().execute(async (trx) => {
        const inserted = await trx
          .insertInto('mood_checkins')
          .values({
            clinic_id: a.clinicId,
            patient_id: patientId,
            score: req.body.score,
            note: req.body.note ?? null,
            recorded_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'mood_checkin',
          resourceId: inserted.id,
          patientId,
          category: 'journal',
        });
        return inserted;
      });
      return reply.status(201).send({
        id: row.id,
        score: row.score,
        note: row.note,
        recordedAt: row.recorded_at.toISOString(),
        date: instantToLocal(row.recorded_at, a.timeZone).date,
      });
    },
  );
}
