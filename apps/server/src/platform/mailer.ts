/**
 * Outgoing messages go through the `outbox` table (so nothing acknowledged is lost when a mail
 * server is down) and are delivered by a pluggable transport. Without SMTP configured, messages
 * stay in the outbox, which staff can see. Messages never carry patient data beyond a first name
 * and a link.
 */
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';

export interface OutboxMessage {
  clinicId: string;
  recipient: string;
  subject: string;
  body: string;
  kind: string;
}

export interface Mailer {
  enqueue(executor: Kysely<DB>, msg: OutboxMessage): Promise<string>;
}

export const outboxMailer: Mailer = {
  async enqueue(executor, msg) {
    const row = await executor
      .insertInto('outbox')
      .values({
        clinic_id: msg.clinicId,
        recipient: msg.recipient,
        subject: msg.subject,
        body: msg.body,
        kind: msg.kind,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },
};
