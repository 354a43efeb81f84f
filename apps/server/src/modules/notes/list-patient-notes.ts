/**
 * GET /api/v1/patients/{id}/notes — the patient's notes, newest first: every progress and integration note
 * (care team: admin, prescriber, nurse, therapist), and the psychotherapy notes whose custodian is the caller
 * — nobody else's (45 CFR 164.501; docs/clinical-sources.md#psychotherapy-notes). 200 `{items}`; 404 for a
 * patient of another clinic (front desk and patients: refused by the policy gate). The read is audited, and
 * each psychotherapy note returned leaves its own entry (every read of one is accounted for).
 */
import { IdParams, NoteList } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { requirePatient } from '../patients/require-patient.ts';
import { custodianNotes, recordNotes } from './note-row.ts';
import { READ_NOTES } from './policies.ts';

export function listPatientNotesRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/patients/:id/notes',
    {
      config: { policy: READ_NOTES },
      schema: { params: IdParams, response: { 200: NoteList }, tags: ['notes'] },
    },
    async (req) => {
      const a = authOf(req);
      await requirePatient(ctx.db, a.clinicId, req.params.id);
      const [record, own] = [
        await recordNotes(ctx.db, a.clinicId, { patientId: req.params.id }),
        await custodianNotes(ctx.db, a.clinicId, a.userId, { patientId: req.params.id }),
      ];
      await ctx.db.transaction().execute(async (trx) => {
        await ctx.audit.record(trx, actorOf(req), {
          action: 'read',
          resourceType: 'clinical_note',
          patientId: req.params.id,
          category: 'notes',
          details: { results: record.length },
        });
        for (const n of own)
          await ctx.audit.record(trx, actorOf(req), {
            action: 'read',
            resourceType: 'psychotherapy_note',
            resourceId: n.id,
            patientId: req.params.id,
            category: 'psychotherapy_notes',
          });
      });
      const items = [...record, ...own].sort((x, y) =>
        x.signedAt < y.signedAt ? 1 : x.signedAt > y.signedAt ? -1 : 0,
      );
      return { items };
    },
  );
}
