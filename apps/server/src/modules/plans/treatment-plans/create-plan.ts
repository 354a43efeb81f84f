/**
 * POST /api/v1/patients/{id}/plans — a draft treatment plan (prescriber or nurse) on a current, active
 * protocol version of the clinic's library: indications, target instruments (default: the protocol's
 * required instruments) and planned sessions (default: the protocol's course, e.g. IV 6 infusions —
 * Psychiatric Times, docs/clinical-sources.md#default-protocols) and the prescribed dose (default: the
 * protocol's default dose, IV duration and schedule; checked by the dose calculator against the protocol, 400
 * naming the limit). It becomes usable, with its dose, only once a prescriber approves it.
 */
import { CreatePlanRequest, IdParams, TreatmentPlan } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import { AppError, badField, notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { latestWeight } from '../dosing/latest-weight.ts';
import { protocolById } from '../library/protocol-row.ts';
import { patientOf } from '../patient-and-settings.ts';
import { planView } from './plan-view.ts';
import { checkPrescribedDose, defaultPrescribedDose } from './prescribed-dose.ts';

export function createPlanRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/patients/:id/plans',
    {
      config: { policy: allow.roles('prescriber', 'nurse') },
      schema: {
        params: IdParams,
        body: CreatePlanRequest,
        response: { 201: TreatmentPlan },
        tags: ['plans'],
      },
    },
    async (req, reply) => {
      const a = authOf(req);
      const b = req.body;
      const view = await ctx.db.transaction().execute(async (trx) => {
        const patient = await patientOf(trx, a.clinicId, req.params.id);
        const proto = await protocolById(trx, a.clinicId, b.protocolId);
        if (proto.superseded_at || proto.status !== 'active') {
          throw new AppError('conflict', 'plans use the current active version of a protocol', [
            { field: 'body.protocolId', message: 'is not a current active protocol' },
          ]);
        }
        const data = proto.data;
        const planned = b.plannedSessions ?? data.sessions?.count;
        if (planned === undefined)
          throw badField(
            'body.plannedSessions',
            'is required: this protocol has no fixed number of sessions',
          );
        if (b.eligibilityDecisionId) {
          const d = await trx
            .selectFrom('plan_eligibility_decisions')
            .select('id')
            .where('clinic_id', '=', a.clinicId)
            .where('patient_id', '=', patient.id)
            .where('id', '=', b.eligibilityDecisionId)
            .executeTakeFirst();
          if (!d) throw notFound('eligibility decision');
        }
        const now = ctx.clock.now();
        const prescribed = b.prescribedDose ?? defaultPrescribedDose(data);
        const weight = await latestWeight(trx, a.clinicId, patient.id);
        checkPrescribedDose(data, prescribed, 'body.prescribedDose', weight?.weightKg ?? null, now);
        const row = await trx
          .insertInto('plan_treatment_plans')
          .values({
            clinic_id: a.clinicId,
            patient_id: patient.id,
            protocol_id: proto.id,
            protocol_version: proto.version,
            indications: toJson(b.indications),
            target_instruments: toJson(
              b.targetInstruments ?? [...new Set((data.requiredInstruments ?? []).map((i) => i.instrument))],
            ),
            planned_sessions: planned,
            eligibility_decision_id: b.eligibilityDecisionId ?? null,
            notes: b.notes ?? null,
            prescribed_dose: toJson(prescribed),
            status: 'draft',
            created_by: a.userId,
            created_at: now,
            updated_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('plan_status_events')
          .values({
            clinic_id: a.clinicId,
            plan_id: row.id,
            from_status: null,
            to_status: 'draft',
            actor_id: a.userId,
            at: now,
          })
          .execute();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'treatment_plan',
          resourceId: row.id,
          patientId: patient.id,
          category: 'treatment_plan',
          details: { protocolVersion: proto.version },
        });
        return planView(trx, a.clinicId, row);
      });
      return reply.status(201).send(view);
    },
  );
}
