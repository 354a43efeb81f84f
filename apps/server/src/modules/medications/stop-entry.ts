/**
 * Closing an entry without deleting it (a prescriber or a nurse, with a reason; audited):
 * - POST /api/v1/patients/{id}/medications/{entryId}/stop — no longer taken (a medicine) or no longer
 *   applies (an allergy);
 * - POST /api/v1/patients/{id}/medications/{entryId}/entered-in-error — recorded by mistake.
 * 200 with both lists; 404 for an entry of another patient or clinic; 409 when the entry is already stopped or
 * entered in error (an entry in error cannot be stopped; a stopped one can still be marked in error).
 */
import { MedicationEntryParams, MedicationLists, MedicationReasonRequest } from '@plasticity/contracts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { entryForUpdate, listsOf } from './entry-row.ts';
import { CORRECT_ENTRY } from './policies.ts';

export function stopEntryRoutes(app: ZodApp, ctx: ModuleContext) {
  for (const action of ['stop', 'entered-in-error'] as const) {
    app.post(
      `/api/v1/patients/:id/medications/:entryId/${action}`,
      {
        config: { policy: CORRECT_ENTRY },
        schema: {
          params: MedicationEntryParams,
          body: MedicationReasonRequest,
          response: { 200: MedicationLists },
          tags: ['medications'],
        },
      },
      async (req) => {
        const a = authOf(req);
        const now = ctx.clock.now();
        return ctx.db.transaction().execute(async (trx) => {
          const row = await entryForUpdate(trx, a.clinicId, req.params.id, req.params.entryId);
          if (!row) throw notFound('list entry');
          if (row.entered_in_error_at)
            throw new AppError('illegal_transition', 'this entry is already marked entered in error');
          if (action === 'stop' && row.stopped_at)
            throw new AppError('illegal_transition', 'this entry is already stopped');
          await trx
            .updateTable('medication_list_entries')
            .set(
              action === 'stop'
                ? { stopped_at: now, stopped_by: a.userId, stop_reason: req.body.reason }
                : {
                    entered_in_error_at: now,
                    entered_in_error_by: a.userId,
                    entered_in_error_reason: req.body.reason,
                  },
            )
            .where('id', '=', row.id)
            .execute();
          await ctx.audit.record(trx, actorOf(req), {
            action: 'update',
            resourceType: row.kind === 'medication' ? 'medication_entry' : 'allergy_entry',
            resourceId: row.id,
            patientId: req.params.id,
            category: 'medications',
            details: action === 'stop' ? { stopped: true } : { enteredInError: true },
          });
          return listsOf(trx, a.clinicId, req.params.id);
        });
      },
    );
  }
}
