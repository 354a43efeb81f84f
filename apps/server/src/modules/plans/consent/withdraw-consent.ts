/**
 * POST /api/v1/patients/{id}/consents/{signatureId}/withdraw — the patient (or a clinician recording the
 * patient's wish) withdraws a consent, with a reason. The signature is kept, marked withdrawn (a record is
 * never deleted); a plan that needs it cannot start until it is signed again.
 */
import { ConsentSignature, SignatureParams, WithdrawConsentRequest } from '@plasticity/contracts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow, CLINICIANS } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { toSignature } from './consent-rows.ts';

export function withdrawConsentRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/patients/:id/consents/:signatureId/withdraw',
    {
      config: { policy: allow.roles(...CLINICIANS).orSelf('id') },
      schema: {
        params: SignatureParams,
        body: WithdrawConsentRequest,
        response: { 200: ConsentSignature },
        tags: ['consent'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const row = await ctx.db.transaction().execute(async (trx) => {
        const s = await trx
          .selectFrom('plan_consent_signatures')
          .selectAll()
          .where('clinic_id', '=', a.clinicId)
          .where('patient_id', '=', req.params.id)
          .where('id', '=', req.params.signatureId)
          .forUpdate()
          .executeTakeFirst();
        if (!s) throw notFound('consent signature');
        if (s.withdrawn_at) throw new AppError('illegal_transition', 'this consent is already withdrawn');
        const u = await trx
          .updateTable('plan_consent_signatures')
          .set({ withdrawn_at: ctx.clock.now(), withdrawn_reason: req.body.reason, withdrawn_by: a.userId })
          .where('id', '=', s.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'consent_signature',
          resourceId: s.id,
          patientId: s.patient_id,
          category: 'consent',
          details: { withdrawn: true, kind: s.kind },
        });
        const handler = u.handed_by
          ? await trx
              .selectFrom('users')
              .select('display_name')
              .where('id', '=', u.handed_by)
              .executeTakeFirst()
          : undefined;
        return { ...u, handed_by_name: handler?.display_name ?? null };
      });
      return toSignature(row);
    },
  );
}
