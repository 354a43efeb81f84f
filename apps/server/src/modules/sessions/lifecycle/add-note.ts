/**
 * POST /api/v1/sessions/{id}/notes {text} — a signed nurse or prescriber note (signed by the caller at the
 * time of writing). Once the record is locked (discharge, cancel, abort) every note is stored as an addendum:
 * the record itself never changes after it locks.
 */
import { IdParams, NoteRequest, SessionNote } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { loadSession } from '../shared/load.ts';

export function addNoteRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/sessions/:id/notes',
    {
      config: { policy: allow.roles('prescriber', 'nurse') },
      schema: { params: IdParams, body: NoteRequest, response: { 201: SessionNote }, tags: ['sessions'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const now = ctx.clock.now();
      const note = await ctx.db.transaction().execute(async (trx) => {
        const s = await loadSession(trx, a.clinicId, req.params.id);
        const row = await trx
          .insertInto('session_notes')
          .values({
            clinic_id: a.clinicId,
            session_id: s.id,
            author_id: a.userId,
            author_role: a.role,
            text: req.body.text,
            addendum: s.locked_at !== null,
            signed_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'dosing_session_note',
          resourceId: row.id,
          patientId: s.patient_id,
          category: 'dosing_session',
          details: { addendum: row.addendum },
        });
        return row;
      });
      return reply.status(201).send({
        id: note.id,
        authorId: note.author_id,
        authorRole: note.author_role,
        text: note.text,
        addendum: note.addendum,
        signedAt: note.signed_at.toISOString(),
      });
    },
  );
}
