/**
 * GET/PUT /api/v1/patients/{id}/measurement-schedule {items: [{instrument, cadence}]} — which
 * self-report instruments a patient is asked for, and how often (before each dosing
 * session, weekly, monthly). PUT replaces the schedule: entries not listed are deactivated, never
 * deleted. The scheduler (scheduler.ts) creates the requests and reminders itself.
 */
import { IdParams, MeasurementSchedule } from '@plasticity/contracts';
import { AppError } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow, CLINICAL_READERS } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { requirePatient } from '../patients/require-patient.ts';
import { clinicInstruments } from './definitions.ts';

export function scheduleRoutes(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/patients/:id/measurement-schedule',
    {
      config: { policy: allow.roles(...CLINICAL_READERS) },
      schema: { params: IdParams, response: { 200: MeasurementSchedule }, tags: ['measurement'] },
    },
    async (req) => {
      const a = authOf(req);
      const p = await requirePatient(ctx.db, a.clinicId, req.params.id);
      const rows = await ctx.db
        .selectFrom('measurement_schedules')
        .select(['instrument_id', 'cadence'])
        .where('clinic_id', '=', a.clinicId)
        .where('patient_id', '=', p.id)
        .where('active', '=', true)
        .orderBy('instrument_id')
        .execute();
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'read',
        resourceType: 'measurement_schedule',
        patientId: p.id,
        category: 'assessment',
      });
      return { items: rows.map((r) => ({ instrument: r.instrument_id, cadence: r.cadence })) };
    },
  );

  app.put(
    '/api/v1/patients/:id/measurement-schedule',
    {
      config: { policy: allow.roles('prescriber', 'nurse', 'therapist') },
      schema: {
        params: IdParams,
        body: MeasurementSchedule,
        response: { 200: MeasurementSchedule },
        tags: ['measurement'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const items = req.body.items;
      const defs = await clinicInstruments(ctx.db, a.clinicId);
      items.forEach((it, i) => {
        const field = `body.items[${i}].instrument`;
        const def = defs.find((d) => d.id === it.instrument);
        if (!def)
          throw new AppError('validation_failed', `${field}: unknown instrument`, [
            { field, message: `unknown instrument "${it.instrument}"` },
          ]);
        if (def.kind !== 'self_report')
          throw new AppError('validation_failed', `${field}: clinician-rated`, [
            { field, message: `${def.name} is clinician-rated; only self-report instruments are scheduled` },
          ]);
        if (items.findIndex((x) => x.instrument === it.instrument) !== i)
          throw new AppError('validation_failed', `${field}: listed twice`, [
            { field, message: 'is listed twice' },
          ]);
      });
      await ctx.db.transaction().execute(async (trx) => {
        const p = await requirePatient(trx, a.clinicId, req.params.id);
        const now = ctx.clock.now();
        await trx
          .updateTable('measurement_schedules')
          .set({ active: false, updated_at: now })
          .where('clinic_id', '=', a.clinicId)
          .where('patient_id', '=', p.id)
          .execute();
        for (const it of items) {
          await trx
            .insertInto('measurement_schedules')
            .values({
              clinic_id: a.clinicId,
              patient_id: p.id,
              instrument_id: it.instrument,
              cadence: it.cadence,
              created_by: a.userId,
              created_at: now,
              updated_at: now,
            })
            .onConflict((oc) =>
              oc
                .columns(['clinic_id', 'patient_id', 'instrument_id'])
                .doUpdateSet({ cadence: it.cadence, active: true, updated_at: now }),
            )
            .execute();
        }
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'measurement_schedule',
          patientId: p.id,
          category: 'assessment',
          details: { items: items.map((i) => `${i.instrument}:${i.cadence}`) },
        });
      });
      return { items };
    },
  );
}
