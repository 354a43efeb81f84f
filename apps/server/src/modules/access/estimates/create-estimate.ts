/**
 * POST /api/v1/patients/{id}/estimates — drafts (or, with `issue`, issues) a good-faith estimate: the primary
 * service and its scheduled date (from the booked appointment when given), the period it covers (at most 12 months,
 * 45 CFR 149.610(b)(1)) and its lines, each with the provider (the clinic, or a clinician of the clinic), service
 * code, diagnosis codes, quantity and expected charge. The deadline to issue it (45 CFR 149.610(b)(1)(vi)) is
 * computed from the day the service was scheduled or the patient asked, in the clinic's zone, and kept.
 * Roles: admin, front desk, prescriber. 201 with the estimate; 400 naming the field (period, appointment, scheduled
 * date, a line's provider); 404 for a patient of another clinic. Written with its audit entry in one transaction.
 */
import { instantToLocal } from '@plasticity/clinical/scheduling';
import { CreateEstimateRequest, Estimate, IdParams } from '@plasticity/contracts';
import { notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { requirePatient } from '../../patients/require-patient.ts';
import { loadEstimates } from './estimate-view.ts';
import { WRITE_ESTIMATES } from './policies.ts';
import { prepareEstimate } from './prepare-estimate.ts';

export function createEstimateRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/patients/:id/estimates',
    {
      config: { policy: WRITE_ESTIMATES },
      schema: {
        params: IdParams,
        body: CreateEstimateRequest,
        response: { 201: Estimate },
        tags: ['estimates'],
      },
    },
    async (req, reply) => {
      const a = authOf(req);
      const patient = await requirePatient(ctx.db, a.clinicId, req.params.id);
      const now = ctx.clock.now();
      const today = instantToLocal(now, a.timeZone).date;
      const id = await ctx.db.transaction().execute(async (trx) => {
        const p = await prepareEstimate(
          trx,
          { clinicId: a.clinicId, patientId: patient.id, timeZone: a.timeZone, today },
          req.body,
        );
        const issue = req.body.issue;
        const row = await trx
          .insertInto('good_faith_estimates')
          .values({
            clinic_id: a.clinicId,
            patient_id: patient.id,
            primary_service: req.body.primaryService,
            scheduled_on: p.scheduledOn,
            appointment_id: req.body.appointmentId ?? null,
            period_from: req.body.periodFrom,
            period_to: req.body.periodTo,
            trigger_kind: req.body.trigger,
            trigger_on: p.triggerOn,
            due_by: p.dueBy,
            status: issue ? 'issued' : 'draft',
            total_cents: p.totalCents,
            issued_at: issue ? now : null,
            issued_by: issue ? a.userId : null,
            created_by: a.userId,
            created_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('good_faith_estimate_items')
          .values(
            p.lines.map((l, position) => ({ ...l, clinic_id: a.clinicId, estimate_id: row.id, position })),
          )
          .execute();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'good_faith_estimate',
          resourceId: row.id,
          patientId: patient.id,
          category: 'billing',
          details: { issued: issue, lines: p.lines.length },
        });
        return row.id;
      });
      const [estimate] = await loadEstimates(ctx.db, { clinicId: a.clinicId, estimateId: id });
      if (!estimate) throw notFound('estimate');
      return reply.status(201).send(estimate);
    },
  );
}
