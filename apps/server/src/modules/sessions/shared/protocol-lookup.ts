/**
 * Resolves a session's `protocolId` to a Protocol (the defaults of
 * docs/clinical-sources.md#default-protocols, or the clinic's edited copy).
 *
 * Order: the clinic's current version in the plans module's library (`plan_protocols`, by row id or stable
 * key) when that table exists; otherwise the cited defaults from `defaultProtocols()` by id. The session
 * stores a snapshot of what was resolved, so thresholds stay fixed for the whole session even if the
 * library changes mid-session.
 */
import { defaultProtocols, type Protocol } from '@plasticity/clinical/protocols';
import type { DB } from '@plasticity/db';
import { type Kysely, sql } from 'kysely';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function tableExists(db: Kysely<DB>, name: string): Promise<boolean> {
  const r = await sql<{ t: string | null }>`select to_regclass(${name})::text as t`.execute(db);
  return r.rows[0]?.t != null;
}

export async function lookupProtocol(
  db: Kysely<DB>,
  clinicId: string,
  protocolId: string,
): Promise<Protocol | null> {
  if (await tableExists(db, 'plan_protocols')) {
    const r = await sql<{ data: Protocol; version: number }>`
      select data, version from plan_protocols
       where clinic_id = ${clinicId} and superseded_at is null and status = 'active'
         and (protocol_key = ${protocolId} ${UUID.test(protocolId) ? sql`or id = ${protocolId}::uuid` : sql``})
       order by version desc limit 1`.execute(db);
    const row = r.rows[0];
    if (row)
      return { ...(typeof row.data === 'string' ? JSON.parse(row.data) : row.data), version: row.version };
  }
  return defaultProtocols().find((p) => p.id === protocolId) ?? null;
}
