/**
 * One-time links for invitations and password resets: a random 256-bit token, stored hashed,
 * valid once and for a limited time (invites 7 days, resets 1 hour — OWASP Forgot Password Cheat Sheet).
 */
import type { DB } from '@plasticity/db';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { ModuleContext } from '../../platform/module.ts';
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
): Promise<{ link: string; expiresAt: Date }> {
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
  await executor
    .insertInto('one_time_links')
    .values({
      token_hash: hashToken(token),
      kind: input.kind,
      clinic_id: input.clinicId,
      user_id: input.userId,
      created_by: input.createdBy,
      expires_at: expiresAt,
    })
    .execute();
  return { link: `${publicOrigin(ctx, req)}/accept/${token}`, expiresAt };
}
