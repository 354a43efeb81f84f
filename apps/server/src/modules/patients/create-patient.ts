/**
 * POST /api/v1/patients — admin, prescriber, nurse and front desk register a patient.
 * The MRN is the clinic's next number unless one is given; a duplicate MRN is a 409.
 */
import { CreatePatientRequest, Patient } from '@plasticity/contracts';
import { sql } from 'kysely';
import { AppError } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow, PATIENT_EDITORS } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { newPatientRow, toPatient } from './patient-row.ts';

export function createPatientRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/patients',
    {
      config: { policy: allow.roles(...PATIENT_EDITORS) },
      schema: { body: CreatePatientRequest, response: { 201: Patient }, tags: ['patients'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const b = req.body;
      const row = await ctx.db.transaction().execute(async (trx) => {
        // Serialize MRN allocation per clinic (transaction-scoped advisory lock keyed by the clinic).
        await sql`select pg_advisory_xact_lock(hashtext(${`mrn:${a.clinicId}`}))`.execute(trx);
        let mrn = b.mrn;
        if (mrn) {
          const taken = await trx
            .selectFrom('patients')
            .select('id')
            .where('clinic_id', '=', a.clinicId)
            .where('mrn', '=', mrn)
            .executeTakeFirst();
          if (taken)
            throw new AppError('conflict', 'a patient with this MRN already exists', [
              { field: 'body.mrn', message: 'is already in use' },
            ]);
        } else {
          const n = await sql<{
            n: number;
          }>`select count(*)::int8 + 1 as n from patients where clinic_id = ${a.clinicId}`.execute(trx);
          mrn = `MRN-${String(n.rows[0]?.n ?? 1).padStart(6, '0')}`;
          while (
            await trx
              .selectFrom('patients')
              .select('id')
              .where('clinic_id', '=', a.clinicId)
              .where('mrn', '=', mrn)
              .executeTakeFirst()
          ) {
            mrn = `MRN-${String(Number(mrn.slice(4)) + 1).padStart(6, '0')}`;
          }
        }
        const now = ctx.clock.now();
        const inserted = await trx
          .insertInto('patients')
          .values(newPatientRow(a.clinicId, mrn, b, now))
          .returningAll()
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'patient',
          resourceId: inserted.id,
          patientId: inserted.id,
          category: 'demographics',
        });
        return inserted;
      });
      return reply.status(201).send(toPatient(row));
    },
  );
}
