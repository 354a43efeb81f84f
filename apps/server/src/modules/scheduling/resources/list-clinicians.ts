/**
 * GET /api/v1/clinicians (all staff roles) → 200 ClinicianScheduleList: the clinic's active prescribers,
 * nurses and therapists with their weekly working hours and their current and future exceptions (leave,
 * one-off hours), for the calendar and the booking forms. No patient data.
 */
import { ClinicianScheduleList } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow, STAFF } from '../../../platform/policy.ts';
import { authOf } from '../../../platform/request-context.ts';
import { clinicDate } from '../../../platform/time-format.ts';
import { clinicianSchedules } from './clinician-schedule.ts';

export function listCliniciansRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/clinicians',
    {
      config: { policy: allow.roles(...STAFF) },
      schema: { response: { 200: ClinicianScheduleList }, tags: ['scheduling'] },
    },
    async (req) => {
      const a = authOf(req);
      const today = clinicDate(ctx.clock.now(), a.timeZone);
      return { items: await clinicianSchedules(ctx.db, a.clinicId, today) };
    },
  );
}
