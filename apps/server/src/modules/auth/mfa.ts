/**
 * TOTP enrolment for the logged-in user: `enrol` issues a pending secret with its QR code,
 * `confirm` activates it once a code from the app checks out and returns single-use recovery codes
 * (shown once; stored hashed).
 */
import { MfaConfirmRequest, MfaConfirmResponse, MfaEnrolResponse } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import { AppError } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { checkTotp, newRecoveryCodes, newTotpSecret, totpEnrolment } from './totp.ts';

export function mfaRoutes(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/me/mfa/enrol',
    {
      config: { policy: allow.anyUser({ duringMfaEnrolment: true }) },
      schema: { response: { 200: MfaEnrolResponse }, tags: ['auth'] },
    },
    async (req) => {
      const a = authOf(req);
      const secret = newTotpSecret();
      await ctx.db
        .updateTable('users')
        .set({ mfa_pending_secret: secret })
        .where('id', '=', a.userId)
        .execute();
      return totpEnrolment(secret, a.email, `Plasticity (${a.clinicName})`);
    },
  );
  app.post(
    '/api/v1/me/mfa/confirm',
    {
      config: { policy: allow.anyUser({ duringMfaEnrolment: true }) },
      schema: { body: MfaConfirmRequest, response: { 200: MfaConfirmResponse }, tags: ['auth'] },
    },
    async (req) => {
      const a = authOf(req);
      const u = await ctx.db
        .selectFrom('users')
        .select(['mfa_pending_secret'])
        .where('id', '=', a.userId)
        .executeTakeFirstOrThrow();
      if (!u.mfa_pending_secret) throw new AppError('conflict', 'start enrollment first');
      const step = await checkTotp(u.mfa_pending_secret, req.body.code, ctx.clock.now(), null);
      if (step === null)
        throw new AppError(
          'mfa_invalid',
          'the code does not match; check the time on your device and try again',
        );
      const { codes, hashes } = newRecoveryCodes();
      await ctx.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('users')
          .set({
            mfa_secret: u.mfa_pending_secret,
            mfa_pending_secret: null,
            mfa_enabled: true,
            last_totp_step: step,
            recovery_codes: toJson(hashes),
          })
          .where('id', '=', a.userId)
          .execute();
        await ctx.sessions.changed(trx);
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'user_mfa',
          resourceId: a.userId,
          details: { mfa: 'enabled' },
        });
      });
      return { recoveryCodes: codes };
    },
  );
}
