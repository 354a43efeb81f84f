/**
 * One-tap confirmation links for a dosing visit, like every one-time link (platform/tokens.ts): the token
 * exists only in the delivered message (the sender mints it, platform/mailer.ts), the database keeps its
 * SHA-256. A link is single use and expires when the visit starts; a newer reminder's link supersedes the
 * older ones of that appointment (they are expired when it is made).
 */
import type { DB } from '@plasticity/db';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { AppError, notFound } from '../../../platform/errors.ts';
import { TOKEN_SLOT } from '../../../platform/mailer.ts';
import type { ModuleContext } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { hashToken, newToken } from '../../../platform/tokens.ts';
import type { AuditActor } from '../../audit/audit-writer.ts';
import { WindowLimiter } from '../../measurement/links.ts';
import { PUBLIC_LINK_REQUESTS_PER_MINUTE } from '../../measurement/public-self-report.ts';

/** `${publicUrl}/c/{token}`: the patient's confirmation page. */
export function confirmationUrl(ctx: ModuleContext, token: string): string {
  const base = (ctx.config.publicUrl ?? '').replace(/\/+$/, '');
  return `${base}/c/${token}`;
}

/** Creates the appointment's new link (expiring at its start) and expires its older unused ones. */
export async function createConfirmationLink(
  trx: Kysely<DB>,
  ctx: ModuleContext,
  input: { clinicId: string; appointmentId: string; expiresAt: Date },
): Promise<{ id: string; template: string }> {
  const now = ctx.clock.now();
  await trx
    .updateTable('appointment_confirmation_links')
    .set({ expires_at: now })
    .where('clinic_id', '=', input.clinicId)
    .where('appointment_id', '=', input.appointmentId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .execute();
  const row = await trx
    .insertInto('appointment_confirmation_links')
    .values({
      clinic_id: input.clinicId,
      appointment_id: input.appointmentId,
      // Replaced by the sender's fresh token at delivery; this one is never handed out.
      token_hash: hashToken(newToken(32)),
      created_at: now,
      expires_at: input.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, template: confirmationUrl(ctx, TOKEN_SLOT) };
}

/** The link behind a token: 404 unknown, 410 `link_used` or `link_expired`. Consumes nothing. */
export async function openConfirmationLink(db: Kysely<DB>, ctx: ModuleContext, token: string) {
  const link = await db
    .selectFrom('appointment_confirmation_links')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!link) throw notFound('link');
  const used = link.used_at !== null;
  if (used || link.expires_at.getTime() <= ctx.clock.now().getTime()) {
    // The clinic's phone, so the page can say whom to call (nothing of the patient's record).
    const clinic = await db
      .selectFrom('clinics')
      .select('phone')
      .where('id', '=', link.clinic_id)
      .executeTakeFirst();
    const message = used
      ? 'this link has already been used; call the clinic to change your answer'
      : 'this link has expired; call the clinic';
    throw new AppError(used ? 'link_used' : 'link_expired', message, [
      { message, clinicPhone: clinic?.phone ?? null },
    ]);
  }
  return link;
}

export const CONFIRMATION_LINK_POLICY = allow.public(
  'single-use appointment confirmation link: the token is the credential',
);

/** The patient behind a link, as the audit log names them. */
export const linkActor = (req: FastifyRequest, clinicId: string): AuditActor => ({
  clinicId,
  userId: null,
  email: null,
  role: 'patient',
  sourceAddress: req.ip ?? null,
});

/** Throws 429 when a source address asks too often (guessing protection). */
export type LinkGuard = (req: FastifyRequest) => void;

/** One limiter for the confirmation routes of a process, as for the self-report links. */
export function linkGuard(): LinkGuard {
  const limiter = new WindowLimiter(PUBLIC_LINK_REQUESTS_PER_MINUTE, 60_000);
  return (req) => {
    if (!limiter.allow(req.ip ?? 'unknown', Date.now()))
      throw new AppError('rate_limited', 'too many requests; wait a minute and try again');
  };
}
