/**
 * POST /api/v1/notes/{id}/addenda {body} — a signed addendum: the only way a signed note changes. Roles:
 * prescriber, nurse, therapist; on a progress or integration note, a caller who may write that kind of note
 * (policies.ts); on a psychotherapy note, its custodian only. 201 with the note and all its addenda; 400 naming
 * the field; 403 when the caller reads the note but may not write its kind; 404 when the caller may not read it
 * (existence not revealed); 409 on a note marked entered in error. Audited without the text.
 */
import { ClinicalNote, IdParams, NoteAddendumRequest } from '@plasticity/contracts';
import { AppError, forbidden } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { findReadableNote } from './find-note.ts';
import { mayWrite, WRITE_NOTES } from './policies.ts';

export function addAddendumRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/notes/:id/addenda',
    {
      config: { policy: WRITE_NOTES },
      schema: {
        params: IdParams,
        body: NoteAddendumRequest,
        response: { 201: ClinicalNote },
        tags: ['notes'],
      },
    },
    async (req, reply) => {
      const a = authOf(req);
      const now = ctx.clock.now();
      const note = await ctx.db.transaction().execute(async (trx) => {
        const found = await findReadableNote(trx, a, req.params.id);
        if (!mayWrite(a.role, found.kind)) throw forbidden(`your role may not write ${found.kind} notes`);
        if (found.status === 'entered_in_error')
          throw new AppError('illegal_transition', 'this note is marked entered in error');
        const psychotherapy = found.kind === 'psychotherapy';
        const values = { clinic_id: a.clinicId, note_id: found.id, author_id: a.userId, body: req.body.body };
        const row = psychotherapy
          ? await trx
              .insertInto('psychotherapy_note_addenda')
              .values({ ...values, signed_at: now })
              .returning('id')
              .executeTakeFirstOrThrow()
          : await trx
              .insertInto('clinical_note_addenda')
              .values({ ...values, author_role: a.role, signed_at: now })
              .returning('id')
              .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: psychotherapy ? 'psychotherapy_note_addendum' : 'clinical_note_addendum',
          resourceId: row.id,
          patientId: found.patientId,
          category: psychotherapy ? 'psychotherapy_notes' : 'notes',
          details: { noteId: found.id },
        });
        return findReadableNote(trx, a, found.id);
      });
      return reply.status(201).send(note);
    },
  );
}
