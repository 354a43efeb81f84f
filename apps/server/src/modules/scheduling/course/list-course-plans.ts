/**
 * GET /api/v1/patients/{id}/course-plans → 200 CoursePlanList
 * Roles: admin, prescriber, nurse, front desk (who book courses). The patient's plans a course can be booked
 * from — draft, approved or active, not entered in error — with the protocol's name, the planned sessions and
 * the dosing visits already booked under each (cancelled ones not counted); newest first. No doses and no
 * clinical detail: the front desk books visits, the plan itself stays with the clinicians. 404 for another
 * clinic's patient. Audited as a read of the patient's plans.
 */
import { CoursePlanList, IdParams } from '@plasticity/contracts';
import { sql } from 'kysely';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { requirePatient } from '../../patients/require-patient.ts';

export function listCoursePlansRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/patients/:id/course-plans',
    {
      config: { policy: allow.roles('admin', 'prescriber', 'nurse', 'front_desk') },
      schema: { params: IdParams, response: { 200: CoursePlanList }, tags: ['scheduling'] },
    },
    async (req) => {
      const a = authOf(req);
      const patient = await requirePatient(ctx.db, a.clinicId, req.params.id);
      const rows = await ctx.db
        .selectFrom('plan_treatment_plans as tp')
        .innerJoin('plan_protocols as pp', (j) =>
          j.onRef('pp.id', '=', 'tp.protocol_id').onRef('pp.clinic_id', '=', 'tp.clinic_id'),
        )
        .select([
          'tp.id',
          'tp.status',
          'tp.planned_sessions',
          sql<string>`pp.data->>'name'`.as('protocol_name'),
          (eb) =>
            eb
              .selectFrom('appointments as ap')
              .select(sql<number>`count(*)::int`.as('n'))
              .whereRef('ap.clinic_id', '=', 'tp.clinic_id')
              .whereRef('ap.plan_id', '=', 'tp.id')
              .where('ap.type', '=', 'dosing')
              .where('ap.status', 'not in', ['cancelled', 'late_cancelled'])
              .as('booked'),
        ])
        .where('tp.clinic_id', '=', a.clinicId)
        .where('tp.patient_id', '=', patient.id)
        .where('tp.entered_in_error_at', 'is', null)
        .where('tp.status', 'in', ['draft', 'approved', 'active'])
        .orderBy('tp.created_at', 'desc')
        .execute();
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'read',
        resourceType: 'treatment_plan',
        patientId: patient.id,
        category: 'scheduling',
        details: { coursePlans: rows.length },
      });
      return {
        items: rows.map((r) => ({
          id: r.id,
          protocolName: r.protocol_name,
          status: r.status as 'draft' | 'approved' | 'active',
          plannedSessions: r.planned_sessions,
          bookedVisits: Number(r.booked ?? 0),
        })),
      };
    },
  );
}
