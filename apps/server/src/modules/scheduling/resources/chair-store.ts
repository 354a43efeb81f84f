/**
 * Chairs and rooms as the API shows them, the duplicate checks shared by create and update, and the link
 * from dosing sessions booked with free-text chair names to the chair record of that name.
 */
import type { Chair } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import { type Kysely, type Selectable, sql } from 'kysely';
import { AppError } from '../../../platform/errors.ts';
import { chairTextMatches } from '../../sessions/shared/chair-link.ts';

type ChairRow = Selectable<DB['chairs']>;

export function toChair(r: ChairRow): Chair {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    active: r.active,
    deviceId: r.device_id,
    sortOrder: r.sort_order,
  };
}

const names = new Intl.Collator('en-US', { numeric: true, sensitivity: 'base' });
/** Sort order, then name in natural order ("Chair 2" before "Chair 10"), then id (stable). */
export const bySortOrderAndName = (
  a: { sort_order: number; name: string; id: string },
  b: { sort_order: number; name: string; id: string },
): number => a.sort_order - b.sort_order || names.compare(a.name, b.name) || a.id.localeCompare(b.id);

/**
 * 409 `conflict` naming `body.name` when another chair of the clinic has this name (trimmed,
 * case-insensitive), or `body.deviceId` when another chair holds this monitoring device.
 */
export async function assertChairUnique(
  trx: Kysely<DB>,
  clinicId: string,
  values: { name?: string | undefined; deviceId?: string | null | undefined },
  exceptId: string | null,
): Promise<void> {
  if (values.name !== undefined) {
    const same = await trx
      .selectFrom('chairs')
      .select('id')
      .where('clinic_id', '=', clinicId)
      .where(sql`lower(btrim(name))`, '=', sql`lower(btrim(${values.name}))`)
      .$if(exceptId !== null, (q) => q.where('id', '<>', exceptId as string))
      .executeTakeFirst();
    if (same) throw duplicate('body.name', 'another chair or room of the clinic has this name');
  }
  if (values.deviceId) {
    const same = await trx
      .selectFrom('chairs')
      .select('id')
      .where('clinic_id', '=', clinicId)
      .where('device_id', '=', values.deviceId)
      .$if(exceptId !== null, (q) => q.where('id', '<>', exceptId as string))
      .executeTakeFirst();
    if (same) throw duplicate('body.deviceId', 'another chair holds this monitoring device');
  }
}

const duplicate = (field: string, message: string) =>
  new AppError('conflict', `${field}: ${message}`, [{ field, message }]);

/**
 * The same answer for a race the checks above lost: the unique indexes `chairs_clinic_name` and
 * `chairs_clinic_device` (migration 0019) refuse the second write with SQLSTATE 23505.
 */
export function mapChairUniqueViolation(e: unknown): unknown {
  const err = e as { code?: unknown; constraint?: unknown; message?: unknown };
  if (err?.code !== '23505') return e;
  const where = `${String(err.constraint ?? '')} ${String(err.message ?? '')}`;
  if (where.includes('chairs_clinic_device'))
    return duplicate('body.deviceId', 'another chair holds this monitoring device');
  if (where.includes('chairs_clinic_name'))
    return duplicate('body.name', 'another chair or room of the clinic has this name');
  return e;
}

/**
 * Links the clinic's dosing sessions whose free-text chair is this name (trimmed, case-insensitive) and
 * that have no chair record yet; sessions keep their text. Returns how many were linked.
 */
export async function linkSessionsToChair(
  trx: Kysely<DB>,
  clinicId: string,
  chairId: string,
  name: string,
): Promise<number> {
  const r = await trx
    .updateTable('dosing_sessions')
    .set({ chair_id: chairId })
    .where('clinic_id', '=', clinicId)
    .where('chair_id', 'is', null)
    .where(chairTextMatches(sql.val(name), sql.ref('chair')))
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
