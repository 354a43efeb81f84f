/**
 * PATCH /api/v1/portal/journal/{id} {shared} — the patient shares one of their entries with the care team, or
 * stops sharing it (from then on no staff route returns it). Role patient only, own entries only: another
 * patient's entry (or an unknown id) is 404. 200 JournalEntry. Setting the state it already has changes
 * nothing and writes no audit entry; a change is audited (never the text).
 */
import { IdParams, JournalEntry, UpdateJournalEntryRequest } from '@plasticity/contracts';
import { notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { ownPatientId } from '../../scheduling/portal/slot-view.ts';
import { PATIENT_ONLY } from '../policies.ts';
import { ownEntry } from './entry-view.ts';

export function updateEntrySharingRoute(app: ZodApp, ctx: ModuleContext) {
  app.patch(
    '/api/v1/portal/journal/:id',
    {
      config: { policy: PATIENT_ONLY },
      schema: {
        params: IdParams,
        body: UpdateJournalEntryRequest,
        response: { 200: JournalEntry },
        tags: ['journal'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const patientId = ownPatientId(a);
      const shared = req.body.shared;
      const now = ctx.clock.now();
      const row = await ctx.db.transaction().execute(async (trx) => {
        const current = await trx
          .selectFrom('journal_entries')
          .selectAll()
          .where('clinic_id', '=', a.clinicId)
          .where('patient_id', '=', patientId)
          .where('id', '=', req.params.id)
          .forUpdate()
          .executeTakeFirst();
        if (!current) throw notFound('journal entry');
        if (current.shared === shared) return current;
        const updated = await trx
          .updateTable('journal_entries')
          .set({ shared, shared_at: shared ? now : null, updated_at: now })
          .where('id', '=', current.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'journal_entry',
          resourceId: current.id,
          patientId,
          category: 'journal',
          details: { shared },
        });
        return updated;
      });
      return ownEntry(row);
    },
  );
}
