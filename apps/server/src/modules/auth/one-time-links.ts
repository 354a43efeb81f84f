/**
 * One-time links for invitations and password resets: a random 256-bit token, stored hashed,
 * valid once and for a limited time (invites 7 days, resets 1 hour — OWASP Forgot Password Cheat Sheet).
 *
 * Only the link's owner ever receives a usable link: the message to them is queued with a `{token}` slot
 * that the sender fills with a freshly minted token (platform/mailer.ts). The token made here is shown
 * once, in the creating response, only when `mayShowLinkOnce` allows it (an admin, no mail server), and
 * the response says so in its audit entry; otherwise it is dropped.
 */
import type { DB } from '@plasticity/db';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { TOKEN_SLOT } from '../../platform/mailer.ts';
import type { ModuleContext } from '../../platform/module.ts';
import { authOf } from '../../platform/request-context.ts';
import { hashToken, newToken } from '../../platform/tokens.ts';

export const LINK_LIFETIME_MS = { invite: 7 * 24 * 3600_000, password_reset: 3600_000 } as const;

export function publicOrigin(ctx: ModuleContext, req: FastifyRequest): string {
  if (ctx.config.publicUrl) return ctx.config.publicUrl.replace(/\/$/, '');
  return `${req.protocol}://${req.host}`;
}

export async function createOneTimeLink(
  executor: Kysely<DB>,
  ctx: ModuleContext,
  req: FastifyRequest,
  input: { kind: 'invite' | 'password_reset'; clinicId: string; userId: string; createdBy: string },
): Promise<{ id: string; link: string; template: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(ctx.clock.now().getTime() + LINK_LIFETIME_MS[input.kind]);
  // A new link supersedes older unused ones for the same user and purpose.
  await executor
    .updateTable('one_time_links')
    .set({ used_at: ctx.clock.now() })
    .where('user_id', '=', input.userId)
    .where('kind', '=', input.kind)
    .where('used_at', 'is', null)
    .execute();
  const row = await executor
    .insertInto('one_time_links')
    .values({
      token_hash: hashToken(token),
      kind: input.kind,
      clinic_id: input.clinicId,
      user_id: input.userId,
      created_by: input.createdBy,
      expires_at: expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const base = `${publicOrigin(ctx, req)}/accept/`;
  return { id: row.id, link: `${base}${token}`, template: `${base}${TOKEN_SLOT}`, expiresAt };
}

/**
 * Whether the creating response may carry the link: only to an admin, and only when no mail server is
 * configured (the clinic then hands the link over itself). Everyone else gets it by email or not at all.
 */
export function mayShowLinkOnce(ctx: ModuleContext, req: FastifyRequest): boolean {
  return !ctx.config.smtpUrl && authOf(req).role === 'admin';
}
