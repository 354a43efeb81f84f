/**
 * Resolves a session's `protocolId` to a Protocol (the defaults of
 * docs/clinical-sources.md#default-protocols, or the clinic's edited copy).
 *
 * Order: the clinic's current version in the plans module's library (`plan_protocols`, by row id or stable
 * key); otherwise the cited defaults from `defaultProtocols()` by id. The session stores a snapshot of what
 * was resolved, so thresholds stay fixed for the whole session even if the library changes mid-session.
 */
import { defaultProtocols, type Protocol } from '@plasticity/clinical/protocols';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function lookupProtocol(
  db: Kysely<DB>,
  clinicId: string,
  protocolId: string,
): Promise<Protocol | null> {
  const row = await db
    .selectFrom('plan_protocols')
    .select(['data', 'version'])
    .where('clinic_id', '=', clinicId)
    .where('superseded_at', 'is', null)
    .where('status', '=', 'active')
    .where((eb) =>
      UUID.test(protocolId)
        ? eb.or([eb('protocol_key', '=', protocolId), eb('id', '=', protocolId)])
        : eb('protocol_key', '=', protocolId),
    )
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (row) return { ...row.data, version: row.version };
  return defaultProtocols().find((p) => p.id === protocolId) ?? null;
}
