/**
 * POST /api/v1/patients/{id}/sliding-scale {householdSize, annualIncomeCents, state, year, evidence, approve} —
 * records the patient's sliding-scale assessment, approved by the person recording it (who confirms having seen
 * the evidence): guideline, percent of poverty, the clinic's tier and discount in force, and the expiry (the
 * clinic's months of validity, 12 by default). It replaces earlier assessments from now on. Roles admin and
 * front desk. 201 SlidingScaleAssessmentList (the patient's assessments after the change); 400 naming the field
 * (`body.year` / `body.state` without a guideline table); 404 for a patient of another clinic. Audited.
 */
import {
  CreateSlidingScaleAssessmentRequest,
  IdParams,
  SlidingScaleAssessmentList,
} from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { requirePatient } from '../../patients/require-patient.ts';
import { addMonths, assessmentList } from './assessment-view.ts';
import { evaluateHousehold } from './evaluate-household.ts';
import { RECORD_ASSESSMENT } from './policies.ts';

export function createAssessmentRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/patients/:id/sliding-scale',
    {
      config: { policy: RECORD_ASSESSMENT },
      schema: {
        params: IdParams,
        body: CreateSlidingScaleAssessmentRequest,
        response: { 201: SlidingScaleAssessmentList },
        tags: ['sliding-scale'],
      },
    },
    async (req, reply) => {
      const a = authOf(req);
      const patientId = req.params.id;
      const b = req.body;
      await requirePatient(ctx.db, a.clinicId, patientId);
      const now = ctx.clock.now();
      const list = await ctx.db.transaction().execute(async (trx) => {
        const r = await evaluateHousehold(trx, a.clinicId, {
          householdSize: b.householdSize,
          annualIncomeCents: b.annualIncomeCents,
          state: b.state,
          year: b.year,
        });
        const inserted = await trx
          .insertInto('sliding_scale_assessments')
          .values({
            clinic_id: a.clinicId,
            patient_id: patientId,
            household_size: b.householdSize,
            annual_income_cents: b.annualIncomeCents,
            state: b.state,
            guideline_year: b.year,
            guideline_dollars: r.guideline,
            percent_of_poverty: r.percentOfPoverty.toFixed(1),
            tier_set_version: r.tierSetVersion,
            tier_label: r.tierLabel,
            discount_percent: r.discountPercent,
            evidence: b.evidence,
            approved_by: a.userId,
            approved_at: now,
            expires_at: addMonths(now, r.assessmentValidMonths),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'sliding_scale_assessment',
          resourceId: inserted.id,
          patientId,
          category: 'billing',
          details: { discountPercent: r.discountPercent, tierSetVersion: r.tierSetVersion },
        });
        return assessmentList(trx, a.clinicId, patientId, now);
      });
      return reply.status(201).send(list);
    },
  );
}
