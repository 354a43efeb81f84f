/**
 * PUT /api/v1/clinicians/{id}/hours {weekly: [{weekday, start, end}]} (admin) → 200 ClinicianSchedule:
 * replaces the clinician's weekly working hours in one transaction (an empty list = no regular hours).
 * Two intervals overlapping on one weekday → 400 naming `body.weekly[i]` (the later one); an interval that
 * does not end after it starts → 400 naming its `end`. Not an active clinician of this clinic → 404.
 * Staff may still book outside working hours (the calendar flags it). Audited (configuration).
 */
import {
  ClinicianSchedule,
  firstOverlappingHours,
  IdParams,
  SetWeeklyHoursRequest,
} from '@plasticity/contracts';
import { badField } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { clinicDate } from '../../../platform/time-format.ts';
import { clinicianSchedule } from './clinician-schedule.ts';
import { byWeekdayAndStart } from './hours-overlap.ts';

export function setWeeklyHoursRoute(app: ZodApp, ctx: ModuleContext) {
  app.put(
    '/api/v1/clinicians/:id/hours',
    {
      config: { policy: allow.roles('admin') },
      schema: {
        params: IdParams,
        body: SetWeeklyHoursRequest,
        response: { 200: ClinicianSchedule },
        tags: ['scheduling'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const today = clinicDate(ctx.clock.now(), a.timeZone);
      const weekly = req.body.weekly;
      const clash = firstOverlappingHours(weekly);
      if (clash !== null)
        throw badField(`body.weekly[${clash}]`, 'overlaps another interval on the same weekday');
      return ctx.db.transaction().execute(async (trx) => {
        const before = await clinicianSchedule(trx, a.clinicId, today, req.params.id);
        await trx
          .deleteFrom('clinician_hours')
          .where('clinic_id', '=', a.clinicId)
          .where('user_id', '=', req.params.id)
          .execute();
        const rows = [...weekly].sort(byWeekdayAndStart);
        if (rows.length > 0)
          await trx
            .insertInto('clinician_hours')
            .values(
              rows.map((h) => ({
                clinic_id: a.clinicId,
                user_id: req.params.id,
                weekday: h.weekday,
                start_time: h.start,
                end_time: h.end,
              })),
            )
            .execute();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'clinician_hours',
          resourceId: req.params.id,
          category: 'configuration',
          details: { weekly: rows, previous: before.weekly },
        });
        return clinicianSchedule(trx, a.clinicId, today, req.params.id);
      });
    },
  );
}
