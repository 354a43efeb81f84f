/**
 * POST /api/v1/notes/{id}/entered-in-error {reason} — marks a note written in error (on the wrong patient, a
 * duplicate). The note is kept, shown as entered in error with who, when and why; nothing is deleted. Roles:
 * prescriber, nurse, therapist — the note's author (a psychotherapy note: its custodian). 200 with the note;
 * 400 naming the field; 403 when the caller reads the note but did not write it; 404 when the caller may not
 * read it; 409 when it is already marked. Audited without the text or the reason.
 */
import { ClinicalNote, IdParams, NoteEnteredInErrorRequest } from '@plasticity/contracts';
import { AppError, forbidden } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { findReadableNote } from './find-note.ts';
import { WRITE_NOTES } from './policies.ts';

export function markEnteredInErrorRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/notes/:id/entered-in-error',
    {
      config: { policy: WRITE_NOTES },
      schema: {
        params: IdParams,
        body: NoteEnteredInErrorRequest,
        response: { 200: ClinicalNote },
        tags: ['notes'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const now = ctx.clock.now();
      return ctx.db.transaction().execute(async (trx) => {
        const found = await findReadableNote(trx, a, req.params.id);
        const psychotherapy = found.kind === 'psychotherapy';
        const responsible = psychotherapy ? found.custodianId : found.authorId;
        if (responsible !== a.userId) throw forbidden('only the author may mark this note entered in error');
        const set = {
          entered_in_error_at: now,
          entered_in_error_by: a.userId,
          entered_in_error_reason: req.body.reason,
        };
        const table = psychotherapy ? 'psychotherapy_notes' : 'clinical_notes';
        const changed = await trx
          .updateTable(table)
          .set(set)
          .where('clinic_id', '=', a.clinicId)
          .where('id', '=', found.id)
          .where('entered_in_error_at', 'is', null)
          .returning('id')
          .executeTakeFirst();
        if (!changed)
          throw new AppError('illegal_transition', 'this note is already marked entered in error');
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: psychotherapy ? 'psychotherapy_note' : 'clinical_note',
          resourceId: found.id,
          patientId: found.patientId,
          category: psychotherapy ? 'psychotherapy_notes' : 'notes',
          details: { enteredInError: true },
        });
        return findReadableNote(trx, a, found.id);
      });
    },
  );
}
