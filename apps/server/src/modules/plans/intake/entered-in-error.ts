/**
 * Corrections (clinical records are never deleted): a prescriber or nurse marks an intake or a weight
 * observation "entered in error" with a reason. The record stays (and shows in the audit trail) but is no
 * longer the "latest" for eligibility or the dose calculator; marking an intake also marks the weight it
 * recorded. Repeating a correction is 409.
 * - POST /api/v1/patients/{id}/intake/{intakeId}/entered-in-error
 * - POST /api/v1/patients/{id}/weights/{weightId}/entered-in-error
 */
import { IntakeParams, OkResponse, PlanEnteredInErrorRequest, WeightParams } from '@plasticity/contracts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';

export function enteredInErrorRoutes(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/patients/:id/intake/:intakeId/entered-in-error',
    {
      config: { policy: allow.roles('prescriber', 'nurse') },
      schema: {
        params: IntakeParams,
        body: PlanEnteredInErrorRequest,
        response: { 200: OkResponse },
        tags: ['intake'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const now = ctx.clock.now();
      await ctx.db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('plan_intakes')
          .select(['id', 'entered_in_error_at'])
          .where('clinic_id', '=', a.clinicId)
          .where('patient_id', '=', req.params.id)
          .where('id', '=', req.params.intakeId)
          .forUpdate()
          .executeTakeFirst();
        if (!row) throw notFound('intake');
        if (row.entered_in_error_at)
          throw new AppError('illegal_transition', 'this intake is already marked entered in error');
        const set = {
          entered_in_error_at: now,
          entered_in_error_by: a.userId,
          entered_in_error_reason: req.body.reason,
        };
        await trx.updateTable('plan_intakes').set(set).where('id', '=', row.id).execute();
        await trx
          .updateTable('plan_weight_observations')
          .set(set)
          .where('clinic_id', '=', a.clinicId)
          .where('intake_id', '=', row.id)
          .where('entered_in_error_at', 'is', null)
          .execute();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'intake',
          resourceId: row.id,
          patientId: req.params.id,
          category: 'intake',
          details: { enteredInError: true },
        });
      });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/v1/patients/:id/weights/:weightId/entered-in-error',
    {
      config: { policy: allow.roles('prescriber', 'nurse') },
      schema: {
        params: WeightParams,
        body: PlanEnteredInErrorRequest,
        response: { 200: OkResponse },
        tags: ['intake'],
      },
    },
    async (req) => {
      const a = authOf(req);
      await ctx.db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('plan_weight_observations')
          .select(['id', 'entered_in_error_at'])
          .where('clinic_id', '=', a.clinicId)
          .where('patient_id', '=', req.params.id)
          .where('id', '=', req.params.weightId)
          .forUpdate()
          .executeTakeFirst();
        if (!row) throw notFound('weight observation');
        if (row.entered_in_error_at)
          throw new AppError('illegal_transition', 'this weight is already marked entered in error');
        await trx
          .updateTable('plan_weight_observations')
          .set({
            entered_in_error_at: ctx.clock.now(),
            entered_in_error_by: a.userId,
            entered_in_error_reason: req.body.reason,
          })
          .where('id', '=', row.id)
          .execute();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'weight_observation',
          resourceId: row.id,
          patientId: req.params.id,
          category: 'vital_signs',
          details: { enteredInError: true },
        });
      });
      return { ok: true as const };
    },
  );
}
