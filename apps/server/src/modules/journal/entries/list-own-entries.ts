/**
 * GET /api/v1/portal/journal — the signed-in patient's own journal, every entry (private and shared), newest
 * first (at most 500). Role patient only. 200 JournalEntryList. Audited as a read of the patient's journal.
 */
import { JournalEntryList } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { ownPatientId } from '../../scheduling/portal/slot-view.ts';
import { PATIENT_ONLY } from '../policies.ts';
import { ownEntry } from './entry-view.ts';

export function listOwnEntriesRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/portal/journal',
    {
      config: { policy: PATIENT_ONLY },
      schema: { response: { 200: JournalEntryList }, tags: ['journal'] },
    },
    async (req) => {
      const a = authOf(req);
      const patientId = ownPatientId(a);
      const rows = await ctx.db
        .selectFrom('journal_entries')
        .selectAll()
        .where('clinic_id', '=', a.clinicId)
        .where('patient_id', '=', patientId)
        .orderBy('created_at', 'desc')
        .orderBy('seq', 'desc')
        .limit(500)
        .execute();
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'read',
        resourceType: 'journal_entry',
        patientId,
        category: 'journal',
        details: { via: 'portal', count: rows.length },
      });
      return { items: rows.map(ownEntry) };
    },
  );
}
