/**
 * POST /api/v1/patients/{id}/preparation — records a preparation visit: the patient's intentions for the course
 * and their support person (name, relationship, phone), optionally tied to a treatment plan and the visit's
 * appointment. A correction is a new record (the newest is the one in force); nothing is overwritten.
 * Roles: therapist, prescriber, nurse. 201 with the record; 400 naming `body.planId` / `body.appointmentId` when
 * they are not this patient's; 404 for a patient of another clinic. Written with its audit entry in one
 * transaction.
 */
import { IdParams, PreparationRecord, RecordPreparationRequest } from '@plasticity/contracts';
import { badField, notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { requirePatient } from '../../patients/require-patient.ts';
import { preparationRecords } from './preparation-row.ts';

export function recordPreparationRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/patients/:id/preparation',
    {
      config: { policy: allow.roles('therapist', 'prescriber', 'nurse') },
      schema: {
        params: IdParams,
        body: RecordPreparationRequest,
        response: { 201: PreparationRecord },
        tags: ['integration'],
      },
    },
    async (req, reply) => {
      const a = authOf(req);
      const patient = await requirePatient(ctx.db, a.clinicId, req.params.id);
      const b = req.body;
      const id = await ctx.db.transaction().execute(async (trx) => {
        if (b.planId) {
          const plan = await trx
            .selectFrom('plan_treatment_plans')
            .select('id')
            .where('clinic_id', '=', a.clinicId)
            .where('patient_id', '=', patient.id)
            .where('id', '=', b.planId)
            .executeTakeFirst();
          if (!plan) throw badField('body.planId', 'is not a treatment plan of this patient');
        }
        if (b.appointmentId) {
          const appt = await trx
            .selectFrom('appointments')
            .select('id')
            .where('clinic_id', '=', a.clinicId)
            .where('patient_id', '=', patient.id)
            .where('id', '=', b.appointmentId)
            .executeTakeFirst();
          if (!appt) throw badField('body.appointmentId', 'is not an appointment of this patient');
        }
        const row = await trx
          .insertInto('preparation_records')
          .values({
            clinic_id: a.clinicId,
            patient_id: patient.id,
            plan_id: b.planId ?? null,
            appointment_id: b.appointmentId ?? null,
            intentions: b.intentions,
            support_name: b.supportPerson.name,
            support_relationship: b.supportPerson.relationship,
            support_phone: b.supportPerson.phone,
            recorded_by: a.userId,
            recorded_at: ctx.clock.now(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'preparation_record',
          resourceId: row.id,
          patientId: patient.id,
          category: 'integration',
        });
        return row.id;
      });
      const record = (await preparationRecords(ctx.db, a.clinicId, patient.id)).find((r) => r.id === id);
      if (!record) throw notFound('preparation record');
      return reply.status(201).send(record);
    },
  );
}
