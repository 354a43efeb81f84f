/**
 * POST /api/v1/clinicians/{id}/exceptions {kind, fromDate, toDate, start?, end?, note?} (admin)
 * → 201 ClinicianSchedule. `leave`: no working hours on those dates (times not allowed: 400 naming
 * `body.start`/`body.end`); `hours`: these hours instead of the weekly ones (start and end required, end
 * after start: 400 naming `body.start`/`body.end`). `toDate` before `fromDate` → 400 naming `body.toDate`.
 * Not an active clinician of this clinic → 404. Audited (configuration).
 */
import { AddHoursExceptionRequest, ClinicianSchedule, IdParams } from '@plasticity/contracts';
import { badField } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { clinicDate } from '../../../platform/time-format.ts';
import { clinicianSchedule } from './clinician-schedule.ts';

export function addHoursExceptionRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/clinicians/:id/exceptions',
    {
      config: { policy: allow.roles('admin') },
      schema: {
        params: IdParams,
        body: AddHoursExceptionRequest,
        response: { 201: ClinicianSchedule },
        tags: ['scheduling'],
      },
    },
    async (req, reply) => {
      const a = authOf(req);
      const b = req.body;
      if (b.toDate < b.fromDate) throw badField('body.toDate', 'must be on or after the first date');
      if (b.kind === 'leave') {
        if (b.start !== undefined) throw badField('body.start', 'leave has no hours: leave the time empty');
        if (b.end !== undefined) throw badField('body.end', 'leave has no hours: leave the time empty');
      } else {
        if (b.start === undefined) throw badField('body.start', 'is required for one-off hours');
        if (b.end === undefined) throw badField('body.end', 'is required for one-off hours');
        if (b.end <= b.start) throw badField('body.end', 'must be after the start');
      }
      const now = ctx.clock.now();
      const today = clinicDate(now, a.timeZone);
      const schedule = await ctx.db.transaction().execute(async (trx) => {
        await clinicianSchedule(trx, a.clinicId, today, req.params.id);
        const row = await trx
          .insertInto('clinician_exceptions')
          .values({
            clinic_id: a.clinicId,
            user_id: req.params.id,
            kind: b.kind,
            from_date: b.fromDate,
            to_date: b.toDate,
            start_time: b.kind === 'hours' ? (b.start ?? null) : null,
            end_time: b.kind === 'hours' ? (b.end ?? null) : null,
            note: b.note ?? null,
            created_by: a.userId,
            created_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'clinician_hours',
          resourceId: req.params.id,
          category: 'configuration',
          details: {
            exceptionId: row.id,
            kind: b.kind,
            fromDate: b.fromDate,
            toDate: b.toDate,
            start: b.start ?? null,
            end: b.end ?? null,
          },
        });
        return clinicianSchedule(trx, a.clinicId, today, req.params.id);
      });
      return reply.status(201).send(schedule);
    },
  );
}
