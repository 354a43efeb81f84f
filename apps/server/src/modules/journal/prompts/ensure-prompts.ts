/**
 * Lazily loads the starter prompts (`STARTER_PROMPTS`) into a clinic's journal-prompt library the first time
 * anything reads or edits the library, like the protocol library (plans/library/ensure-library.ts). A clinic
 * with any prompt row — retired ones included — is never loaded again, so a retired starter prompt stays
 * retired.
 */
import type { DB } from '@plasticity/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import { STARTER_PROMPTS } from './starter-prompts.ts';

const loaded = new Set<string>();

export async function ensurePrompts(db: Kysely<DB> | Transaction<DB>, clinicId: string): Promise<void> {
  if (loaded.has(clinicId)) return;
  const has = await db
    .selectFrom('journal_prompts')
    .select('id')
    .where('clinic_id', '=', clinicId)
    .limit(1)
    .executeTakeFirst();
  if (has) {
    loaded.add(clinicId);
    return;
  }
  const run = async (trx: Kysely<DB>) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`journal-prompts:${clinicId}`}))`.execute(trx);
    const again = await trx
      .selectFrom('journal_prompts')
      .select('id')
      .where('clinic_id', '=', clinicId)
      .limit(1)
      .executeTakeFirst();
    if (again) return;
    await trx
      .insertInto('journal_prompts')
      .values(
        STARTER_PROMPTS.map((p, i) => ({
          clinic_id: clinicId,
          text: p.text,
          phase: p.phase,
          protocol_key: null,
          sort_order: (i + 1) * 10,
          starter: true,
        })),
      )
      .execute();
  };
  // Inside a caller's transaction the load commits (or rolls back) with it, so only cache our own commits.
  if (db.isTransaction) return run(db);
  await db.transaction().execute(run);
  loaded.add(clinicId);
}
