/**
 * POST /api/v1/psychotherapy-notes/handover {successorId} — a custodian (e.g. a therapist leaving the clinic)
 * hands every psychotherapy note they hold to a named successor, who becomes their only reader; the author
 * stays recorded as the writer. Roles: therapist, prescriber. The successor must be an active therapist or
 * prescriber of the same clinic and not the caller. 200 with the count; 400 naming `body.successorId`.
 * Audited in the same transaction: the handover, and each note moved (for the patient's accounting).
 */
import { PsychotherapyHandoverRequest, PsychotherapyHandoverResult } from '@plasticity/contracts';
import { badField } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { HOLD_PSYCHOTHERAPY_NOTES } from './policies.ts';
import { selectSuccessors } from './successors.ts';

export function handOverNotesRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/psychotherapy-notes/handover',
    {
      config: { policy: HOLD_PSYCHOTHERAPY_NOTES },
      schema: {
        body: PsychotherapyHandoverRequest,
        response: { 200: PsychotherapyHandoverResult },
        tags: ['notes'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const to = req.body.successorId;
      if (to === a.userId) throw badField('body.successorId', 'must be someone other than you');
      const now = ctx.clock.now();
      return ctx.db.transaction().execute(async (trx) => {
        const successor = await selectSuccessors(trx, a.clinicId, a.userId)
          .where('u.id', '=', to)
          .executeTakeFirst();
        if (!successor)
          throw badField('body.successorId', 'must be an active therapist or prescriber of this clinic');
        const moved = await trx
          .updateTable('psychotherapy_notes')
          .set({ custodian_id: successor.id })
          .where('clinic_id', '=', a.clinicId)
          .where('custodian_id', '=', a.userId)
          .returning(['id', 'patient_id'])
          .execute();
        const handover = await trx
          .insertInto('psychotherapy_note_handovers')
          .values({
            clinic_id: a.clinicId,
            from_user_id: a.userId,
            to_user_id: successor.id,
            note_count: moved.length,
            at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'psychotherapy_note_handover',
          resourceId: handover.id,
          category: 'psychotherapy_notes',
          details: { successorId: successor.id, count: moved.length },
        });
        for (const n of moved)
          await ctx.audit.record(trx, actorOf(req), {
            action: 'update',
            resourceType: 'psychotherapy_note',
            resourceId: n.id,
            patientId: n.patient_id,
            category: 'psychotherapy_notes',
            details: { handedTo: successor.id },
          });
        return {
          successorId: successor.id,
          successorName: successor.display_name,
          count: moved.length,
          at: now.toISOString(),
        };
      });
    },
  );
}
