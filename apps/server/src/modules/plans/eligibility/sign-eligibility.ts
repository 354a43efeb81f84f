/**
 * POST /api/v1/patients/{id}/eligibility/{decisionId}/sign — the prescriber signs the eligibility decision
 * (only a prescriber: ASKP3 — a physician's judgement; docs/clinical-sources.md#contraindications). Approving
 * a "no" (absolute contraindication) is an override and needs a reason; approving a "review" records the
 * prescriber's review; a decision is signed once (409 afterwards).
 */
import { EligibilityDecision, EligibilityParams, SignEligibilityRequest } from '@plasticity/contracts';
import { AppError, badField, notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { toDecision } from './decision-row.ts';

export function signEligibilityRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/patients/:id/eligibility/:decisionId/sign',
    {
      config: { policy: allow.roles('prescriber') },
      schema: {
        params: EligibilityParams,
        body: SignEligibilityRequest,
        response: { 200: EligibilityDecision },
        tags: ['eligibility'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const { decision, reason } = req.body;
      const row = await ctx.db.transaction().execute(async (trx) => {
        const d = await trx
          .selectFrom('plan_eligibility_decisions')
          .selectAll()
          .where('clinic_id', '=', a.clinicId)
          .where('patient_id', '=', req.params.id)
          .where('id', '=', req.params.decisionId)
          .forUpdate()
          .executeTakeFirst();
        if (!d) throw notFound('eligibility decision');
        if (d.decision !== null)
          throw new AppError('illegal_transition', `this decision was already signed (${d.decision})`);
        const override = decision === 'approved' && d.eligible === 'no';
        if (override && !reason)
          throw badField('body.reason', 'is required to override an absolute contraindication');
        const updated = await trx
          .updateTable('plan_eligibility_decisions')
          .set({
            decision,
            override,
            decision_reason: reason ?? null,
            decided_by: a.userId,
            decided_at: ctx.clock.now(),
          })
          .where('id', '=', d.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'eligibility_decision',
          resourceId: d.id,
          patientId: d.patient_id,
          category: 'eligibility',
          details: { decision, override, eligible: d.eligible },
        });
        return updated;
      });
      return toDecision(row);
    },
  );
}
