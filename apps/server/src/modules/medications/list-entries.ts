/**
 * GET /api/v1/patients/{id}/medications — the patient's medication list and allergy list, every entry with
 * its status (active, stopped, entered in error) and who reported, reconciled, stopped or corrected it.
 * Roles: admin, prescriber, nurse, therapist; the patient their own. 200; 404 for a patient of another clinic.
 * Reading the lists is audited (category "medications") because they are clinical data.
 */
import { IdParams, MedicationLists } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { requirePatient } from '../patients/require-patient.ts';
import { listsOf } from './entry-row.ts';
import { READ_LISTS } from './policies.ts';

export function listEntriesRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/patients/:id/medications',
    {
      config: { policy: READ_LISTS },
      schema: { params: IdParams, response: { 200: MedicationLists }, tags: ['medications'] },
    },
    async (req) => {
      const a = authOf(req);
      await requirePatient(ctx.db, a.clinicId, req.params.id);
      const lists = await listsOf(ctx.db, a.clinicId, req.params.id);
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'read',
        resourceType: 'medication_list',
        patientId: req.params.id,
        category: 'medications',
      });
      return lists;
    },
  );
}
