/**
 * A dosing session's chair is free text (what the nurse typed, kept as typed); when it names one of the
 * clinic's active chair records (trimmed, case-insensitive) the session is also linked to that record.
 * An unknown name links nothing and is never refused, nor is a chair that is occupied.
 */
import type { DB } from '@plasticity/db';
import { type Kysely, sql } from 'kysely';

/** The id of the clinic's active chair named `name` (trimmed, case-insensitive), or null. */
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
    .where(sql`lower(btrim(name))`, '=', sql`lower(btrim(${name}))`)
    .executeTakeFirst();
  return row?.id ?? null;
}
