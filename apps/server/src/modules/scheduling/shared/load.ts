/** Reading one appointment of the caller's clinic (404 otherwise), optionally locked for a change. */
import type { Protocol } from '@plasticity/clinical/protocols';
import type { DB } from '@plasticity/db';
import type { Kysely, Selectable } from 'kysely';
import { notFound } from '../../../platform/errors.ts';
import { lookupProtocol } from '../../sessions/shared/protocol-lookup.ts';

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

/** The appointment's protocol id: its own, else its plan's (a plan names a library protocol row). */
export async function appointmentProtocolId(
  db: Kysely<DB>,
  clinicId: string,
  row: Pick<AppointmentRow, 'protocol_id' | 'plan_id'>,
): Promise<string | null> {
  if (row.protocol_id) return row.protocol_id;
  if (!row.plan_id) return null;
  const plan = await db
    .selectFrom('plan_treatment_plans')
    .select('protocol_id')
    .where('clinic_id', '=', clinicId)
    .where('id', '=', row.plan_id)
    .executeTakeFirst();
  return plan?.protocol_id ?? null;
}

/** The appointment's protocol resolved like a session's (clinic library, else the cited defaults). */
export async function appointmentProtocol(
  db: Kysely<DB>,
  clinicId: string,
  row: Pick<AppointmentRow, 'protocol_id' | 'plan_id'>,
): Promise<Protocol | null> {
  const id = await appointmentProtocolId(db, clinicId, row);
  return id ? lookupProtocol(db, clinicId, id) : null;
}
