import { PlanParams, PrescribedDose, TreatmentPlan } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { latestWeight } from '../dosing/latest-weight.ts';
import { protocolOf } from '../library/protocol-row.ts';
import { planView } from './plan-view.ts';
import { checkPrescribedDose } from './prescribed-dose.ts';

export function setPrescribedDoseRoute(app: ZodApp, ctx: ModuleContext) {
  app.put(
    '/api/v1/patients/:id/plans/:planId/prescribed-dose',
    {
      config: { policy: allow.roles('prescriber') },
      schema: {
        params: PlanParams,
        body: PrescribedDose,
        response: { 200: TreatmentPlan },
        tags: ['plans'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const now = ctx.clock.now();
      return ctx.db.transaction().execute(async (trx) => {
        const plan = await trx
          .selectFrom('plan_treatment_plans')
          .selectAll()
          .where('clinic_id', '=', a.clinicId)
          .where('patient_id', '=', req.params.id)
          .where('id', '=', req.params.planId)
          .where('entered_in_error_at', 'is', null)
          .forUpdate()
          .executeTakeFirst();
        if (!plan) throw notFound('treatment plan');
        if (plan.status === 'completed' || plan.status === 'stopped')
          throw new AppError('conflict', `the plan is ${plan.status}: its dose cannot change`);
        const proto = await trx
          .selectFrom('plan_protocols')
          .selectAll()
          .where('clinic_id', '=', a.clinicId)
          .where('id', '=', plan.protocol_id)
          .executeTakeFirstOrThrow();
        const weight = await latestWeight(trx, a.clinicId, plan.patient_id);
        checkPrescribedDose(protocolOf(proto), req.body, 'body', weight?.weightKg ?? null, now);
        const signed = plan.status !== 'draft';
        const updated = await trx
          .updateTable('plan_treatment_plans')
          .set({
            prescribed_dose: toJson(req.body),
            dose_approved_by: signed ? a.userId : null,
            dose_approved_at: signed ? now : null,
            updated_at: now,
          })
          .where('id', '=', plan.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'treatment_plan',
          resourceId: plan.id,
          patientId: plan.patient_id,
          category: 'treatment_plan',
          details: { prescribedDose: req.body, previous: plan.prescribed_dose, signed },
        });
        return planView(trx, a.clinicId, updated);
      });
    },
  );
}
