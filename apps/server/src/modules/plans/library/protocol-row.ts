/**
 * Protocol rows of the clinic's library: lookup by id (clinic-scoped) and the API shape. A row is one
 * version of a protocol line (`protocol_key`); `superseded_at` marks versions replaced by an edit.
 */
import type { Protocol } from '@plasticity/clinical/protocols';
import type { ProtocolItem } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Selectable } from 'kysely';
import { notFound } from '../../../platform/errors.ts';
import type { Executor } from '../patient-and-settings.ts';
import { ensureLibrary } from './ensure-library.ts';

export type ProtocolRow = Selectable<DB['plan_protocols']>;

export function toProtocolItem(r: ProtocolRow): ProtocolItem {
  return {
    id: r.id,
    key: r.protocol_key,
    name: r.name,
    route: r.route as ProtocolItem['route'],
    drug: r.drug as ProtocolItem['drug'],
    version: r.version,
    status: r.status as ProtocolItem['status'],
    active: r.status === 'active' && r.superseded_at === null,
    isDefault: r.is_default && r.superseded_at === null,
    current: r.superseded_at === null,
    changeNote: r.change_note,
    createdAt: r.created_at.toISOString(),
    protocol: { ...r.data },
  };
}

/** The protocol data of a row, with the row's version as the protocol version (what results record). */
export function protocolOf(r: ProtocolRow): Protocol {
  return { ...r.data, version: r.version };
}

export async function protocolById(db: Executor, clinicId: string, id: string): Promise<ProtocolRow> {
  await ensureLibrary(db, clinicId);
  const row = await db
    .selectFrom('plan_protocols')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('protocol');
  return row;
}
