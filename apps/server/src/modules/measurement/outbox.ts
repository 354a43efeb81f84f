/**
 * The outbox, seen from this module: staff (admin and front desk) follow delivery
 * (GET /api/v1/outbox?status=unsent|all → recipient, kind, status, times, errors — never a body, so
 * never a link: see platform/mailer.ts); and, when `SMTP_URL` is set, a sender delivers queued
 * messages with nodemailer and marks `sent_at`, minting each message's one-time token as it hands the
 * text over. Rows are claimed with `for update skip locked`, so several server processes never send
 * the same message twice.
 */
import { OutboxList } from '@plasticity/contracts';
import type { OutboxAttachment } from '@plasticity/db';
import { sql } from 'kysely';
import nodemailer from 'nodemailer';
import { z } from 'zod';
import { type LinkRef, renderForDelivery } from '../../platform/mailer.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';

/** Give up on a message after this many failed attempts (it stays visible in the outbox). */
export const MAX_SEND_ATTEMPTS = 5;
/** Recorded on a message whose link could no longer be used when its turn came. */
export const LINK_SPENT = 'not sent: its link was used, replaced by a newer one, or has expired';

const statusOf = (r: { sent_at: Date | null; attempts: number; last_error: string | null }) =>
  r.sent_at
    ? ('sent' as const)
    : r.last_error?.startsWith('not sent:')
      ? ('not_sent' as const)
      : r.attempts >= MAX_SEND_ATTEMPTS
        ? ('failed' as const)
        : ('queued' as const);

export function outboxRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/outbox',
    {
      config: { policy: allow.roles('admin', 'front_desk') },
      schema: {
        querystring: z.object({ status: z.enum(['unsent', 'all']).default('unsent') }).strict(),
        response: { 200: OutboxList },
        tags: ['measurement'],
      },
    },
    async (req) => {
      const a = authOf(req);
      let q = ctx.db
        .selectFrom('outbox')
        .select(['id', 'recipient', 'subject', 'kind', 'created_at', 'sent_at', 'attempts', 'last_error'])
        .where('clinic_id', '=', a.clinicId);
      if (req.query.status === 'unsent') q = q.where('sent_at', 'is', null);
      const rows = await q.orderBy('created_at', 'desc').limit(200).execute();
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'query',
        resourceType: 'outbox',
        category: 'messages',
        details: { results: rows.length },
      });
      return {
        items: rows.map((r) => ({
          id: r.id,
          recipient: r.recipient,
          subject: r.subject,
          kind: r.kind,
          status: statusOf(r),
          createdAt: r.created_at.toISOString(),
          sentAt: r.sent_at ? r.sent_at.toISOString() : null,
          attempts: r.attempts,
          lastError: r.last_error,
        })),
      };
    },
  );
}

export interface Transport {
  sendMail(m: {
    from: string;
    to: string;
    subject: string;
    text: string;
    /** Files sent with the message (nodemailer's `attachments`), e.g. a visit's calendar file. */
    attachments?: OutboxAttachment[];
  }): Promise<unknown>;
}

/** A message's stored attachments, as nodemailer takes them (`{filename, contentType, content}`). */
const attachmentsOf = (raw: OutboxAttachment[] | null): OutboxAttachment[] =>
  (raw ?? []).map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content }));

/** Sends up to `batch` unsent messages (of one clinic, when `clinicId` is given); returns how many were sent. */
export async function sendPending(
  ctx: ModuleContext,
  transport: Transport,
  batch = 20,
  clinicId?: string,
): Promise<number> {
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await sql<{
      id: string;
      recipient: string;
      subject: string;
      body: string;
      attempts: number;
      link_kind: LinkRef['kind'] | null;
      link_id: string | null;
      attachments: OutboxAttachment[] | null;
    }>`
      select id, recipient, subject, body, attempts, link_kind, link_id, attachments from outbox
       where sent_at is null and attempts < ${MAX_SEND_ATTEMPTS}
         and (${clinicId ?? null}::uuid is null or clinic_id = ${clinicId ?? null}::uuid)
       order by created_at limit ${batch} for update skip locked`.execute(trx);
    let sent = 0;
    for (const m of rows.rows) {
      // A fresh token for this delivery (earlier attempts' tokens stop working); none if the link is spent.
      const text = await renderForDelivery(trx, ctx.clock, m);
      if (text === null) {
        await trx
          .updateTable('outbox')
          .set({ attempts: MAX_SEND_ATTEMPTS, last_error: LINK_SPENT })
          .where('id', '=', m.id)
          .execute();
        continue;
      }
      try {
        const attachments = attachmentsOf(m.attachments);
        await transport.sendMail({
          from: ctx.config.mailFrom,
          to: m.recipient,
          subject: m.subject,
          text,
          ...(attachments.length ? { attachments } : {}),
        });
        await trx
          .updateTable('outbox')
          .set({ sent_at: ctx.clock.now(), transport: 'smtp', attempts: m.attempts + 1, last_error: null })
          .where('id', '=', m.id)
          .execute();
        sent++;
      } catch (e) {
        // A transport's error text is shown to staff: never let it carry the minted token.
        const msg =
          e instanceof Error ? e.message.replace(/[A-Za-z0-9_-]{40,}/g, '[…]').slice(0, 300) : 'send failed';
        await trx
          .updateTable('outbox')
          .set({ attempts: m.attempts + 1, last_error: msg })
          .where('id', '=', m.id)
          .execute();
      }
    }
    return sent;
  });
}

export function smtpTransport(url: string): Transport {
  return nodemailer.createTransport(url);
}
