/**
 * POST /api/v1/auth/link-info {token} → 200 {purpose, audience, state} — what an invitation or reset link
 * is for, without using it, so the password page speaks to a patient as a patient ("Create your password
 * to see your appointments and forms") and to staff as staff. Public (the reader has no account yet); the
 * token travels in the body, never the URL; 404 for an unknown link. No personal data is returned.
 */
import { LinkInfo, LinkInfoRequest } from '@plasticity/contracts';
import { AppError } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { hashToken } from '../../platform/tokens.ts';

export function linkInfoRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/auth/link-info',
    {
      config: { policy: allow.public('the invited person has no account yet') },
      schema: { body: LinkInfoRequest, response: { 200: LinkInfo }, tags: ['auth'] },
    },
    async (req) => {
      const link = await ctx.db
        .selectFrom('one_time_links as l')
        .leftJoin('memberships as m', (j) =>
          j.onRef('m.user_id', '=', 'l.user_id').onRef('m.clinic_id', '=', 'l.clinic_id'),
        )
        .select(['l.kind', 'l.used_at', 'l.expires_at', 'm.role'])
        .where('l.token_hash', '=', hashToken(req.body.token))
        .executeTakeFirst();
      if (!link) throw new AppError('not_found', 'this link is not valid');
      const state = link.used_at
        ? ('used' as const)
        : link.expires_at.getTime() <= ctx.clock.now().getTime()
          ? ('expired' as const)
          : ('valid' as const);
      return {
        purpose: link.kind as LinkInfo['purpose'],
        audience: link.role === 'patient' ? ('patient' as const) : ('staff' as const),
        state,
      };
    },
  );
}
