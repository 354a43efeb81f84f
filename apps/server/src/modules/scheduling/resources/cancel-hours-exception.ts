/**
 * POST /api/v1/clinicians/{id}/exceptions/{exceptionId}/cancel (admin) → 200 ClinicianSchedule: the leave
 * or one-off hours no longer apply (the row stays, marked cancelled). Not an active clinician of this clinic,
 * or an exception that is not theirs → 404; an exception already cancelled → 409 `conflict`. Audited.
 */
import { ClinicianExceptionParams, ClinicianSchedule } from '@plasticity/contracts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { clinicDate } from '../../../platform/time-format.ts';
import { clinicianSchedule } from './clinician-schedule.ts';

export function cancelHoursExceptionRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/clinicians/:id/exceptions/:exceptionId/cancel',
    {
      config: { policy: allow.roles('admin') },
      schema: {
        params: ClinicianExceptionParams,
        response: { 200: ClinicianSchedule },
        tags: ['scheduling'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const now = ctx.clock.now();
      const today = clinicDate(now, a.timeZone);
      return ctx.db.transaction().execute(async (trx) => {
        await clinicianSchedule(trx, a.clinicId, today, req.params.id);
        const row = await trx
          .selectFrom('clinician_exceptions')
          .select(['id', 'cancelled_at'])
          .where('clinic_id', '=', a.clinicId)
          .where('user_id', '=', req.params.id)
          .where('id', '=', req.params.exceptionId)
          .forUpdate()
          .executeTakeFirst();
        if (!row) throw notFound('exception');
        if (row.cancelled_at) throw new AppError('conflict', 'this exception is already cancelled');
        await trx
          .updateTable('clinician_exceptions')
          .set({ cancelled_at: now })
          .where('clinic_id', '=', a.clinicId)
          .where('id', '=', row.id)
          .execute();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'clinician_hours',
          resourceId: req.params.id,
          category: 'configuration',
          details: { exceptionId: row.id, cancelled: true },
        });
        return clinicianSchedule(trx, a.clinicId, today, req.params.id);
      });
    },
  );
}
