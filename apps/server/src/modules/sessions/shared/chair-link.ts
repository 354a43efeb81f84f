/**
 * A dosing session's chair is free text (what the nurse typed, kept as typed); when it names one of the
 * clinic's active chair records the session is also linked to that record. An unknown name links nothing
 * and is never refused, nor is a chair that is occupied.
 *
 * Names match trimmed and case-insensitive, and a bare chair number matches "Chair <number>" (the board has
 * always shown the text "4" as "Chair 4"): one rule, `chairTextMatches`, for linking a new session and for
 * linking existing sessions when a chair record is created or renamed.
 */
import type { DB } from '@plasticity/db';
import { type Expression, type Kysely, type RawBuilder, sql } from 'kysely';

/** SQL: the chair record's `name` is the session's chair `text` (see above). */
export function chairTextMatches(name: Expression<string>, text: Expression<string>): RawBuilder<boolean> {
  return sql<boolean>`(lower(btrim(${name})) = lower(btrim(${text}))
    or lower(btrim(${name})) = 'chair ' || lower(btrim(${text})))`;
}

/** The id of the clinic's active chair the text names (an exact name before "Chair <number>"), or null. */
export async function chairIdForName(
  trx: Kysely<DB>,
  clinicId: string,
  name: string,
): Promise<string | null> {
  const row = await trx
    .selectFrom('chairs')
    .select('id')
    .where('clinic_id', '=', clinicId)
    .where('active', '=', true)
    .where(chairTextMatches(sql.ref('name'), sql.val(name)))
    .orderBy(sql`lower(btrim(name)) = lower(btrim(${name}))`, 'desc')
    .executeTakeFirst();
  return row?.id ?? null;
}
