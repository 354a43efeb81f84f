/**
 * Outgoing messages go through the `outbox` table (so nothing acknowledged is lost when a mail
 * server is down) and are delivered by a pluggable transport. Without SMTP configured, messages
 * stay in the outbox, which staff can see. Messages never carry patient data beyond a first name
 * and a link.
 *
 * One-time links (invitations, password resets, self-report links) are never stored in a message:
 * the body is a template with a `{token}` slot and the row names the link. The token is minted when
 * the message is handed to a transport (`mintLinkToken`): a fresh random token replaces the link's
 * stored hash, so the token exists only in the delivered text, and every earlier copy stops working.
 * A link that was used, replaced or has expired by then is not sent at all.
 */
import type { DB, OutboxAttachment } from '@plasticity/db';
import { toJson } from '@plasticity/db';
import type { Kysely } from 'kysely';
import type { Clock } from './clock.ts';
import { hashToken, newToken } from './tokens.ts';

/** Where the sender writes the freshly minted token into a message body. */
export const TOKEN_SLOT = '{token}';

export type LinkRef = { kind: 'one_time' | 'self_report' | 'appointment_confirmation'; id: string };

export const LINK_TABLES = {
  one_time: 'one_time_links',
  self_report: 'self_report_links',
  appointment_confirmation: 'appointment_confirmation_links',
} as const satisfies Record<LinkRef['kind'], keyof DB>;

export interface OutboxMessage {
  clinicId: string;
  recipient: string;
  subject: string;
  /** Plain text; when `link` is given it contains TOKEN_SLOT exactly where the token goes. */
  body: string;
  kind: string;
  link?: LinkRef;
  /** Files sent with it (a calendar invitation); text only, never patient data beyond the message's own. */
  attachments?: OutboxAttachment[];
}

export interface Mailer {
  enqueue(executor: Kysely<DB>, msg: OutboxMessage): Promise<string>;
}

export const outboxMailer: Mailer = {
  async enqueue(executor, msg) {
    if (Boolean(msg.link) !== msg.body.includes(TOKEN_SLOT))
      throw new Error('an outbox message has a token slot exactly when it names a link');
    const row = await executor
      .insertInto('outbox')
      .values({
        clinic_id: msg.clinicId,
        recipient: msg.recipient,
        subject: msg.subject,
        body: msg.body,
        kind: msg.kind,
        link_kind: msg.link?.kind ?? null,
        link_id: msg.link?.id ?? null,
        attachments: msg.attachments ? toJson(msg.attachments) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },
};

/**
 * Gives the named link a fresh token (its stored hash is replaced) and returns it, or null when the
 * link can no longer be used. Call inside the transaction that hands the text to its reader.
 */
export async function mintLinkToken(trx: Kysely<DB>, clock: Clock, link: LinkRef): Promise<string | null> {
  const token = newToken(32);
  const now = clock.now();
  const table = LINK_TABLES[link.kind];
  const r = await trx
    .updateTable(table)
    .set({ token_hash: hashToken(token) })
    .where('id', '=', link.id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1 ? token : null;
}

/** The text a reader receives: the template with the token written in, or null if the link is spent. */
export async function renderForDelivery(
  trx: Kysely<DB>,
  clock: Clock,
  m: { body: string; link_kind: LinkRef['kind'] | null; link_id: string | null },
): Promise<string | null> {
  if (!m.link_kind || !m.link_id) return m.body;
  const token = await mintLinkToken(trx, clock, { kind: m.link_kind, id: m.link_id });
  return token ? m.body.split(TOKEN_SLOT).join(token) : null;
}
