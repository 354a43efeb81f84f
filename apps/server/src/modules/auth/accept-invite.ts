/**
 * POST /api/v1/auth/accept-invite — sets a password through an invitation or reset link.
 * A used link answers 410 link_used, an expired one 410 link_expired; a reset revokes every
 * session of the account.
 */
import { AcceptInviteRequest, OkResponse } from '@plasticity/contracts';
import { AppError, badField } from '../../platform/errors.ts';
import { claimLink } from '../../platform/link-claim.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { hashToken } from '../../platform/tokens.ts';
import { hashPassword, passwordProblem } from './passwords.ts';

export function acceptInviteRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/auth/accept-invite',
    {
      config: { policy: allow.public('the invited person has no account yet') },
      schema: { body: AcceptInviteRequest, response: { 200: OkResponse }, tags: ['auth'] },
    },
    async (req) => {
      const now = ctx.clock.now();
      const link = await ctx.db
        .selectFrom('one_time_links as l')
        .innerJoin('users as u', 'u.id', 'l.user_id')
        .select(['l.id', 'l.kind', 'l.used_at', 'l.expires_at', 'l.clinic_id', 'u.id as userId', 'u.email'])
        .where('l.token_hash', '=', hashToken(req.body.token))
        .executeTakeFirst();
      if (!link) throw new AppError('not_found', 'this link is not valid');
      if (link.used_at) throw new AppError('link_used', 'this link has already been used');
      if (link.expires_at.getTime() <= now.getTime())
        throw new AppError('link_expired', 'this link has expired; ask for a new one');
      const problem = passwordProblem(req.body.password, { email: link.email });
      if (problem) throw badField('body.password', problem);
      const hash = await hashPassword(req.body.password);
      await ctx.db.transaction().execute(async (trx) => {
        if (!(await claimLink(trx, { kind: 'one_time', id: link.id }, now)))
          throw new AppError('link_used', 'this link has already been used');
        await trx
          .updateTable('users')
          .set({
            password_hash: hash,
            locked_until: null,
            ...(req.body.displayName ? { display_name: req.body.displayName } : {}),
          })
          .where('id', '=', link.userId)
          .execute();
        if (link.kind === 'password_reset') await ctx.sessions.revokeAllForUser(trx, link.userId);
        else await ctx.sessions.changed(trx);
        await ctx.audit.record(
          trx,
          {
            clinicId: link.clinic_id,
            userId: link.userId,
            email: link.email,
            role: null,
            sourceAddress: req.ip,
          },
          {
            action: 'update',
            resourceType: 'user_credentials',
            resourceId: link.userId,
            details: { via: link.kind },
          },
        );
      });
      return { ok: true as const };
    },
  );
}
