/**
 * GET/PUT /api/v1/patients/{id}/measurement-profile {firstDoseAt} — the date of the first dosing
 * session that the baseline is measured against (docs/clinical-sources.md#outcome-definitions: baseline =
 * last score before the first dosing session), entered here by staff: recording a dose in a dosing session
 * does not set it.
 */
import { IdParams, MeasurementProfile } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow, CLINICAL_READERS } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { requirePatient } from '../patients/require-patient.ts';

export function profileRoutes(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/patients/:id/measurement-profile',
    {
      config: { policy: allow.roles(...CLINICAL_READERS) },
      schema: { params: IdParams, response: { 200: MeasurementProfile }, tags: ['measurement'] },
    },
    async (req) => {
      const a = authOf(req);
      const p = await requirePatient(ctx.db, a.clinicId, req.params.id);
      const row = await ctx.db
        .selectFrom('measurement_profiles')
        .select('first_dose_at')
        .where('clinic_id', '=', a.clinicId)
        .where('patient_id', '=', p.id)
        .executeTakeFirst();
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'read',
        resourceType: 'measurement_profile',
        patientId: p.id,
        category: 'assessment',
      });
      return { firstDoseAt: row?.first_dose_at ? row.first_dose_at.toISOString() : null };
    },
  );
  app.put(
    '/api/v1/patients/:id/measurement-profile',
    {
      config: { policy: allow.roles('prescriber', 'nurse') },
      schema: {
        params: IdParams,
        body: MeasurementProfile,
        response: { 200: MeasurementProfile },
        tags: ['measurement'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const firstDoseAt = req.body.firstDoseAt;
      await ctx.db.transaction().execute(async (trx) => {
        const p = await requirePatient(trx, a.clinicId, req.params.id);
        await setFirstDose(trx, a.clinicId, p.id, firstDoseAt, ctx.clock.now());
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'measurement_profile',
          patientId: p.id,
          category: 'assessment',
          details: { fields: ['firstDoseAt'] },
        });
      });
      return { firstDoseAt: firstDoseAt ? new Date(firstDoseAt).toISOString() : null };
    },
  );
}

/** Upserts the first dose date (also used by the demo seed and, later, the dosing-session module). */
export async function setFirstDose(
  trx: Kysely<DB>,
  clinicId: string,
  patientId: string,
  at: string | Date | null,
  now: Date,
) {
  await trx
    .insertInto('measurement_profiles')
    .values({ clinic_id: clinicId, patient_id: patientId, first_dose_at: at, updated_at: now })
    .onConflict((oc) =>
      oc.columns(['clinic_id', 'patient_id']).doUpdateSet({ first_dose_at: at, updated_at: now }),
    )
    .execute();
}
