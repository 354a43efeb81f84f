/**
 * GET /api/v1/demo/mailbox → 200 {items} — the demo clinic's messages as their recipients would read
 * them, so an evaluator without a mail server can follow an invitation, a reset or a check-in link.
 * Admin only; in any clinic not flagged `demo` (set by the demo seed) it answers 404, as if it did not
 * exist. Like the mail sender, it mints each waiting message's token as it hands the text over
 * (platform/mailer.ts): opening the mailbox again replaces the links it showed before. Messages already
 * sent by email are listed without their text; attachments by file name. Audited as a read of the mailbox.
 */
import { DemoMailbox } from '@plasticity/contracts';
import { notFound } from '../../platform/errors.ts';
import { renderForDelivery } from '../../platform/mailer.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';

/** Newest messages shown (a demo clinic's mailbox, not an archive). */
export const DEMO_MAILBOX_SIZE = 50;

export function demoMailboxRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/demo/mailbox',
    {
      config: { policy: allow.roles('admin') },
      schema: { response: { 200: DemoMailbox }, tags: ['measurement'] },
    },
    async (req) => {
      const a = authOf(req);
      if (!a.demo) throw notFound('page');
      return ctx.db.transaction().execute(async (trx) => {
        const rows = await trx
          .selectFrom('outbox')
          .select([
            'id',
            'recipient',
            'subject',
            'kind',
            'body',
            'link_kind',
            'link_id',
            'created_at',
            'sent_at',
            'attachments',
          ])
          .where('clinic_id', '=', a.clinicId)
          .orderBy('created_at', 'desc')
          .orderBy('id')
          .limit(DEMO_MAILBOX_SIZE)
          .execute();
        const items = [];
        let linksIssued = 0;
        for (const r of rows) {
          const text = r.sent_at ? null : await renderForDelivery(trx, ctx.clock, r);
          if (text !== null && r.link_id) linksIssued++;
          items.push({
            id: r.id,
            recipient: r.recipient,
            subject: r.subject,
            kind: r.kind,
            createdAt: r.created_at.toISOString(),
            text,
            attachments: (r.attachments ?? []).map((f) => f.filename),
          });
        }
        await ctx.audit.record(trx, actorOf(req), {
          action: 'read',
          resourceType: 'demo_mailbox',
          category: 'messages',
          details: { messages: items.length, linksIssued },
        });
        return { items };
      });
    },
  );
}
