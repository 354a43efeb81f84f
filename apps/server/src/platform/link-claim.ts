/**
 * Using a one-time link (invitation, self-report, visit confirmation): the one place that decides whether
 * this request is the one that uses it. The update succeeds for exactly one of any number of concurrent
 * requests, and only while the link is unused and unexpired; call it inside the transaction that does what
 * the link allows, so a failure there leaves the link usable.
 */
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import { LINK_TABLES, type LinkRef } from './mailer.ts';

export async function claimLink(trx: Kysely<DB>, link: LinkRef, now: Date): Promise<boolean> {
  const claimed = await trx
    .updateTable(LINK_TABLES[link.kind])
    .set({ used_at: now })
    .where('id', '=', link.id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}
