/**
 * POST /api/v1/patients/{id}/medications/reconcile — a prescriber or a nurse confirms the named entries
 * (medication reconciliation): each gets who and when. Roles: prescriber, nurse. 200 with both lists;
 * 400 naming `body.entryIds` when an id is not an active entry of this patient (nothing changes); an entry
 * already reconciled keeps its first reconciliation. Audited, one entry per reconciled item.
 */
import { IdParams, MedicationLists, ReconcileMedicationsRequest } from '@plasticity/contracts';
import { badField } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { requirePatient } from '../patients/require-patient.ts';
import { listsOf } from './entry-row.ts';
import { RECONCILE } from './policies.ts';

export function reconcileEntriesRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/patients/:id/medications/reconcile',
    {
      config: { policy: RECONCILE },
      schema: {
        params: IdParams,
        body: ReconcileMedicationsRequest,
        response: { 200: MedicationLists },
        tags: ['medications'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const now = ctx.clock.now();
      const ids = [...new Set(req.body.entryIds)];
      return ctx.db.transaction().execute(async (trx) => {
        await requirePatient(trx, a.clinicId, req.params.id);
        const rows = await trx
          .selectFrom('medication_list_entries')
          .select(['id', 'kind', 'reconciled_at'])
          .where('clinic_id', '=', a.clinicId)
          .where('patient_id', '=', req.params.id)
          .where('id', 'in', ids)
          .where('stopped_at', 'is', null)
          .where('entered_in_error_at', 'is', null)
          .forUpdate()
          .execute();
        if (rows.length !== ids.length)
          throw badField('body.entryIds', 'each must be an active entry of this patient');
        for (const r of rows.filter((x) => !x.reconciled_at)) {
          await trx
            .updateTable('medication_list_entries')
            .set({ reconciled_at: now, reconciled_by: a.userId })
            .where('id', '=', r.id)
            .execute();
          await ctx.audit.record(trx, actorOf(req), {
            action: 'update',
            resourceType: r.kind === 'medication' ? 'medication_entry' : 'allergy_entry',
            resourceId: r.id,
            patientId: req.params.id,
            category: 'medications',
            details: { reconciled: true },
          });
        }
        return listsOf(trx, a.clinicId, req.params.id);
      });
    },
  );
}
