/**
 * GET /api/v1/patients/{id}/journal — the entries the patient has shared with the care team, newest shared
 * first (at most 500). Roles admin, prescriber, nurse, therapist (front desk and patients: refused by the policy).
 * 200 SharedJournalEntryList; 404 for a patient of another clinic. Private entries are excluded in the query
 * itself (`shared = true`), and the view refuses a private row, so no private entry reaches staff here. Audited.
 */
import { IdParams, SharedJournalEntryList } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { requirePatient } from '../../patients/require-patient.ts';
import { READ_SHARED } from '../policies.ts';
import { sharedEntry } from './entry-view.ts';

export function listSharedEntriesRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/patients/:id/journal',
    {
      config: { policy: READ_SHARED },
      schema: { params: IdParams, response: { 200: SharedJournalEntryList }, tags: ['journal'] },
    },
    async (req) => {
      const a = authOf(req);
      await requirePatient(ctx.db, a.clinicId, req.params.id);
      const rows = await ctx.db
        .selectFrom('journal_entries')
        .selectAll()
        .where('clinic_id', '=', a.clinicId)
        .where('patient_id', '=', req.params.id)
        .where('shared', '=', true)
        .orderBy('shared_at', 'desc')
        .orderBy('seq', 'desc')
        .limit(500)
        .execute();
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'read',
        resourceType: 'journal_entry',
        patientId: req.params.id,
        category: 'journal',
        details: { shared: true, count: rows.length },
      });
      return { items: rows.map(sharedEntry) };
    },
  );
}
