/**
 * POST /api/v1/patients/{id}/part2-consents/{consentId}/revoke {kind, reason} (admin, prescriber, nurse,
 * therapist) → 200 Part2Consent: the patient revoked the consent (42 CFR 2.31(a)(7)), or it was recorded in
 * error. Either way it stops every release under it at once (the release rule reads it on each request); the
 * row is kept, never deleted, and the accounting of what was released under it stays. 404 for an unknown
 * consent or another clinic's; 409 `illegal_transition` when it is already revoked or entered in error. Audited.
 */
import { Part2Consent, Part2ConsentParams, RevokePart2ConsentRequest } from '@plasticity/contracts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { consentById, toPart2Consent } from './consent-rows.ts';
import { PART2_CONSENT_RECORDERS } from './roles.ts';

export function revokePart2ConsentRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/patients/:id/part2-consents/:consentId/revoke',
    {
      config: { policy: allow.roles(...PART2_CONSENT_RECORDERS) },
      schema: {
        params: Part2ConsentParams,
        body: RevokePart2ConsentRequest,
        response: { 200: Part2Consent },
        tags: ['consent'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const now = ctx.clock.now();
      const row = await ctx.db.transaction().execute(async (trx) => {
        const c = await trx
          .selectFrom('part2_disclosure_consents')
          .select(['id', 'revoked_at', 'entered_in_error_at'])
          .where('clinic_id', '=', a.clinicId)
          .where('patient_id', '=', req.params.id)
          .where('id', '=', req.params.consentId)
          .forUpdate()
          .executeTakeFirst();
        if (!c) throw notFound('consent');
        if (c.revoked_at || c.entered_in_error_at)
          throw new AppError('illegal_transition', 'this consent is already revoked or entered in error');
        const revoked = req.body.kind === 'revoked';
        await trx
          .updateTable('part2_disclosure_consents')
          .set(
            revoked
              ? { revoked_at: now, revoked_by: a.userId, revoked_reason: req.body.reason }
              : {
                  entered_in_error_at: now,
                  entered_in_error_by: a.userId,
                  entered_in_error_reason: req.body.reason,
                },
          )
          .where('id', '=', c.id)
          .execute();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'part2_disclosure_consent',
          resourceId: c.id,
          patientId: req.params.id,
          category: 'consent',
          details: { [revoked ? 'revoked' : 'enteredInError']: true },
        });
        const stored = await consentById(trx, a.clinicId, c.id, now);
        if (!stored) throw notFound('consent');
        return stored;
      });
      return toPart2Consent(row);
    },
  );
}
