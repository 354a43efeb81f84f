/**
 * PATCH /api/v1/patients/{id} — changes the given fields only; `null` clears an optional one.
 * The audit entry lists which fields changed (names of fields, never their values).
 */
import { IdParams, Patient, UpdatePatientRequest } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import { notFound } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow, PATIENT_EDITORS } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { toPatient } from './patient-row.ts';

export function updatePatientRoute(app: ZodApp, ctx: ModuleContext) {
  app.patch(
    '/api/v1/patients/:id',
    {
      config: { policy: allow.roles(...PATIENT_EDITORS) },
      schema: {
        params: IdParams,
        body: UpdatePatientRequest,
        response: { 200: Patient },
        tags: ['patients'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const b = req.body;
      const row = await ctx.db.transaction().execute(async (trx) => {
        const set = {
          ...(b.firstName !== undefined ? { first_name: b.firstName } : {}),
          ...(b.lastName !== undefined ? { last_name: b.lastName } : {}),
          ...(b.dateOfBirth !== undefined ? { date_of_birth: b.dateOfBirth } : {}),
          ...(b.sex !== undefined ? { sex: b.sex } : {}),
          ...(b.phone !== undefined ? { phone: b.phone } : {}),
          ...(b.email !== undefined ? { email: b.email } : {}),
          ...(b.address !== undefined ? { address: b.address === null ? null : toJson(b.address) } : {}),
          ...(b.emergencyContact !== undefined
            ? { emergency_contact: b.emergencyContact === null ? null : toJson(b.emergencyContact) }
            : {}),
          updated_at: ctx.clock.now(),
        };
        const updated = await trx
          .updateTable('patients')
          .set(set)
          .where('clinic_id', '=', a.clinicId)
          .where('id', '=', req.params.id)
          .returningAll()
          .executeTakeFirst();
        if (!updated) throw notFound('patient');
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'patient',
          resourceId: updated.id,
          patientId: updated.id,
          category: 'demographics',
          details: { fields: Object.keys(b) },
        });
        return updated;
      });
      return toPatient(row);
    },
  );
}
