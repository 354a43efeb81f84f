/** Reading one appointment of the caller's clinic (404 otherwise), optionally locked for a change. */
import type { DB } from '@plasticity/db';
import type { Kysely, Selectable } from 'kysely';
import { notFound } from '../../../platform/errors.ts';

export type AppointmentRow = Selectable<DB['appointments']>;

export async function loadAppointment(
  db: Kysely<DB>,
  clinicId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<AppointmentRow> {
  let q = db.selectFrom('appointments').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('appointment');
  return row;
}

export const iso = (d: Date | string): string => (d instanceof Date ? d : new Date(d)).toISOString();
