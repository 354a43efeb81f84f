/**
 * POST /api/v1/patients/{id}/medications — adds a medicine or an allergy to the patient's list.
 * Roles: prescriber, nurse, therapist (recorded as staff-entered), or the patient for their own list (recorded
 * as patient-reported). A new entry is never reconciled: a prescriber or nurse reconciles it. The RxNorm code
 * comes from the curated table when the name is recognised; a code the caller sends must be in that table.
 * 201 with both lists; 400 naming the field (nothing stored); 404 for a patient of another clinic.
 */
import { drugOf } from '@plasticity/clinical/medications';
import { AddMedicationEntryRequest, IdParams, MedicationLists } from '@plasticity/contracts';
import { badField } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { requirePatient } from '../patients/require-patient.ts';
import { listsOf } from './entry-row.ts';
import { ADD_ENTRY } from './policies.ts';

export function addEntryRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/patients/:id/medications',
    {
      config: { policy: ADD_ENTRY },
      schema: {
        params: IdParams,
        body: AddMedicationEntryRequest,
        response: { 201: MedicationLists },
        tags: ['medications'],
      },
    },
    async (req, reply) => {
      const a = authOf(req);
      const b = req.body;
      const rxcui = codeFor(b.name, b.rxcui);
      if (b.kind === 'allergy' && (b.dose || b.frequency))
        throw badField(b.dose ? 'body.dose' : 'body.frequency', 'is for medicines, not allergies');
      if (b.kind === 'medication' && b.reaction) throw badField('body.reaction', 'is for allergies');
      const lists = await ctx.db.transaction().execute(async (trx) => {
        await requirePatient(trx, a.clinicId, req.params.id);
        const row = await trx
          .insertInto('medication_list_entries')
          .values({
            clinic_id: a.clinicId,
            patient_id: req.params.id,
            kind: b.kind,
            name: b.name,
            rxcui,
            dose: b.dose ?? null,
            frequency: b.frequency ?? null,
            reaction: b.reaction ?? null,
            source: a.role === 'patient' ? 'patient' : 'staff',
            reported_via: 'chart',
            reported_by: a.userId,
            reported_role: a.role,
            created_at: ctx.clock.now(),
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: b.kind === 'medication' ? 'medication_entry' : 'allergy_entry',
          resourceId: row.id,
          patientId: req.params.id,
          category: 'medications',
          details: { coded: rxcui !== null },
        });
        return listsOf(trx, a.clinicId, req.params.id);
      });
      return reply.status(201).send(lists);
    },
  );
}

/** The table's code for the name, or the caller's code when the table knows it; else 400. */
export function codeFor(name: string, rxcui: string | undefined, field = 'body.rxcui'): string | null {
  if (rxcui === undefined) return drugOf({ name })?.rxcui ?? null;
  const known = drugOf({ name: '', rxcui });
  if (!known || known.rxcui !== rxcui)
    throw badField(field, 'is not an RxNorm code in the offline drug table');
  return rxcui;
}
