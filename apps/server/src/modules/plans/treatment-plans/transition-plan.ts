/**
 * POST /api/v1/patients/{id}/plans/{planId}/transition — the plan's state machine:
 *   draft → approved (prescriber only: the prescriber's signed approval, of the prescribed dose too; needs the patient's latest
 *                     eligibility evaluation, made on the latest intake, to be "yes" or signed "approved" by a
 *                     prescriber — docs/clinical-sources.md#contraindications:
 *                     absolute contraindications need an override, relative ones a review; the
 *                     evaluation must be for the plan's drug and route, or a general one without protocol)
 *   approved → active (prescriber or nurse; needs every consent the protocol requires, signed and not
 *                      withdrawn — ASKP3: off-label use needs informed consent; SPRAVATO REMS enrolment)
 *   active → completed (reason optional) · draft | approved | active → stopped (reason required).
 * Anything else is 409 illegal_transition; every change is a status event and an audit entry.
 */
import { drugRouteMismatch, sameDrugRoute } from '@plasticity/clinical/protocols';
import { PlanParams, PlanTransitionRequest, TreatmentPlan } from '@plasticity/contracts';
import { AppError, badField, forbidden, notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { activeSignatures } from '../consent/consent-rows.ts';
import { latestIntake } from '../intake/intake-row.ts';
import type { Executor } from '../patient-and-settings.ts';
import { type PlanRow, planView } from './plan-view.ts';

type Status = PlanRow['status'];
const ALLOWED: Record<Status, Status[]> = {
  draft: ['approved', 'stopped'],
  approved: ['active', 'stopped'],
  active: ['completed', 'stopped'],
  completed: [],
  stopped: [],
};

/**
 * The latest eligibility evaluation that applies to the plan: made for the plan's drug and route, or a
 * general screen without a protocol (every rule runs then). One made only for another drug or route does
 * not approve this plan.
 */
async function eligibilityForApproval(
  trx: Executor,
  clinicId: string,
  patientId: string,
  protocolId: string,
): Promise<string> {
  const plan = await trx
    .selectFrom('plan_protocols')
    .select(['drug', 'route'])
    .where('clinic_id', '=', clinicId)
    .where('id', '=', protocolId)
    .executeTakeFirstOrThrow();
  const all = await trx
    .selectFrom('plan_eligibility_decisions as d')
    .leftJoin('plan_protocols as pp', (j) =>
      j.onRef('pp.id', '=', 'd.protocol_id').onRef('pp.clinic_id', '=', 'd.clinic_id'),
    )
    .select(['d.id', 'd.eligible', 'd.decision', 'd.intake_id', 'pp.drug', 'pp.route'])
    .where('d.clinic_id', '=', clinicId)
    .where('d.patient_id', '=', patientId)
    .where('d.entered_in_error_at', 'is', null)
    .orderBy('d.evaluated_at', 'desc')
    .orderBy('d.seq', 'desc')
    .execute();
  const d = all.find((x) => x.drug === null || sameDrugRoute({ drug: x.drug, route: x.route ?? '' }, plan));
  const other = all[0];
  if (!d && other?.drug)
    throw new AppError(
      'precondition_failed',
      `${drugRouteMismatch('the eligibility evaluation', { drug: other.drug, route: other.route ?? '' }, plan, 'this plan is for')}: evaluate eligibility for this plan's protocol`,
      [{ field: 'eligibility', message: 'evaluated for another drug or route' }],
    );
  if (!d)
    throw new AppError('precondition_failed', 'evaluate eligibility before approving a plan', [
      { field: 'eligibility', message: 'no eligibility evaluation' },
    ]);
  const intake = await latestIntake(trx, clinicId, patientId);
  if (intake && intake.id !== d.intake_id) {
    throw new AppError(
      'precondition_failed',
      'the intake changed after eligibility was evaluated: evaluate eligibility again',
      [{ field: 'eligibility', message: 'evaluated on an older intake' }],
    );
  }
  if (d.decision === 'declined')
    throw new AppError(
      'precondition_failed',
      'the prescriber declined eligibility: the plan cannot be approved',
      [{ field: 'eligibility', message: 'declined' }],
    );
  if (d.eligible !== 'yes' && d.decision !== 'approved') {
    const what =
      d.eligible === 'no'
        ? 'an absolute contraindication needs a prescriber override with a reason'
        : 'a relative contraindication needs the prescriber\u2019s signed review';
    throw new AppError('precondition_failed', `eligibility is "${d.eligible}": ${what} before approval`, [
      { field: 'eligibility', message: `eligible ${d.eligible}, not signed` },
    ]);
  }
  return d.id;
}

export function transitionPlanRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/patients/:id/plans/:planId/transition',
    {
      config: { policy: allow.roles('prescriber', 'nurse') },
      schema: {
        params: PlanParams,
        body: PlanTransitionRequest,
        response: { 200: TreatmentPlan },
        tags: ['plans'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const { to, reason } = req.body;
      const view = await ctx.db.transaction().execute(async (trx) => {
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
        if (!ALLOWED[plan.status].includes(to))
          throw new AppError('illegal_transition', `a ${plan.status} plan cannot become ${to}`);
        const now = ctx.clock.now();
        const set: Record<string, unknown> = { status: to, status_reason: reason ?? null, updated_at: now };
        if (to === 'approved') {
          if (a.role !== 'prescriber') throw forbidden('only a prescriber approves (signs) a treatment plan');
          set.eligibility_decision_id = await eligibilityForApproval(
            trx,
            a.clinicId,
            plan.patient_id,
            plan.protocol_id,
          );
          set.approved_by = a.userId;
          set.approved_at = now;
          // The prescriber's signature covers the dose the plan prescribes.
          if (plan.prescribed_dose) {
            set.dose_approved_by = a.userId;
            set.dose_approved_at = now;
          }
        } else if (to === 'active') {
          const proto = await trx
            .selectFrom('plan_protocols')
            .select('data')
            .where('clinic_id', '=', a.clinicId)
            .where('id', '=', plan.protocol_id)
            .executeTakeFirstOrThrow();
          const required = proto.data.requiredConsents ?? [];
          const signed = new Set(
            (await activeSignatures(trx, a.clinicId, plan.patient_id)).map((s) => s.kind),
          );
          const missing = required.filter((k) => !signed.has(k));
          if (missing.length > 0) {
            throw new AppError(
              'precondition_failed',
              `the plan cannot start without these consents: ${missing.join(', ')}`,
              missing.map((k) => ({ field: `consents.${k}`, message: 'not signed' })),
            );
          }
          set.activated_at = now;
        } else {
          if (to === 'stopped' && !reason) throw badField('body.reason', 'is required to stop a plan');
          set.ended_at = now;
        }
        const updated = await trx
          .updateTable('plan_treatment_plans')
          .set(set)
          .where('id', '=', plan.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('plan_status_events')
          .values({
            clinic_id: a.clinicId,
            plan_id: plan.id,
            from_status: plan.status,
            to_status: to,
            reason: reason ?? null,
            actor_id: a.userId,
            at: now,
          })
          .execute();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'treatment_plan',
          resourceId: plan.id,
          patientId: plan.patient_id,
          category: 'treatment_plan',
          details: { from: plan.status, to },
        });
        return planView(trx, a.clinicId, updated);
      });
      return view;
    },
  );
}
