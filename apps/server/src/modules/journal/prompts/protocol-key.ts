/** A prompt's protocol must be a protocol line of the clinic's library (any version, any status). */
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import { badField } from '../../../platform/errors.ts';
import { ensureLibrary } from '../../plans/library/ensure-library.ts';

export async function requireProtocolKey(db: Kysely<DB>, clinicId: string, key: string): Promise<void> {
  await ensureLibrary(db, clinicId);
  const found = await db
    .selectFrom('plan_protocols')
    .select('id')
    .where('clinic_id', '=', clinicId)
    .where('protocol_key', '=', key)
    .limit(1)
    .executeTakeFirst();
  if (!found) throw badField('body.protocolKey', 'is not a protocol of this clinic’s library');
}
