/**
 * GET /api/v1/psychotherapy-notes/handover — what the account page needs to offer a handover: how many
 * psychotherapy notes the caller holds as custodian and who may receive them (active therapists and
 * prescribers of the clinic other than the caller). Roles: therapist, prescriber. 200. Returns no patient
 * data (a count and staff names), so it is not audited as a read of a record.
 */
import { PsychotherapyCustody } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { authOf } from '../../platform/request-context.ts';
import { HOLD_PSYCHOTHERAPY_NOTES } from './policies.ts';
import { isSuccessorRole, selectSuccessors } from './successors.ts';

export function getCustodyRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/psychotherapy-notes/handover',
    {
      config: { policy: HOLD_PSYCHOTHERAPY_NOTES },
      schema: { response: { 200: PsychotherapyCustody }, tags: ['notes'] },
    },
    async (req) => {
      const a = authOf(req);
      const [held, people] = [
        await ctx.db
          .selectFrom('psychotherapy_notes')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('clinic_id', '=', a.clinicId)
          .where('custodian_id', '=', a.userId)
          .executeTakeFirstOrThrow(),
        await selectSuccessors(ctx.db, a.clinicId, a.userId).execute(),
      ];
      return {
        count: Number(held.n),
        successors: people.flatMap((p) =>
          isSuccessorRole(p.role) ? [{ id: p.id, displayName: p.display_name, role: p.role }] : [],
        ),
      };
    },
  );
}
