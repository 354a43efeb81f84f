/** Loading a session scoped to the caller's clinic (another clinic's session is a 404), and row mappers. */
import type { Protocol } from '@plasticity/clinical/protocols';
import type { SessionVital, StoredVital } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { DosingSessionsTable, SessionVitalsTable } from '@plasticity/db/tables/sessions';
import type { Kysely, Selectable } from 'kysely';
import { AppError, notFound } from '../../../platform/errors.ts';

export type Executor = Kysely<DB>;
export type SessionRow = Selectable<DosingSessionsTable>;

export const OPEN_STATUSES = [
  'scheduled',
  'checked_in',
  'pre_assessment',
  'dosing',
  'monitoring',
  'recovery',
] as const;
/** The statuses of a session that has ended (every status not in OPEN_STATUSES). */
export const CLOSED_STATUSES = ['discharged', 'cancelled', 'aborted'] as const;
/** Phases in which the patient is in the chair and vitals are expected at the protocol's cadence. */
export const IN_CHAIR_STATUSES = ['dosing', 'monitoring', 'recovery'] as const;

export async function loadSession(
  db: Executor,
  clinicId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<SessionRow> {
  let q = db.selectFrom('dosing_sessions').selectAll().where('clinic_id', '=', clinicId).where('id', '=', id);
  if (opts.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('session');
  return row;
}

/** The record locks at discharge (and at cancel/abort): later changes are addenda (notes), never edits. */
export function assertUnlocked(s: SessionRow) {
  if (s.locked_at) {
    throw new AppError('conflict', `the session record is locked (${s.status}); add an addendum instead`, [
      { field: 'status', message: `session is ${s.status}` },
    ]);
  }
}

export const protocolOf = (s: Pick<SessionRow, 'protocol'>): Protocol => s.protocol;

export function toVital(
  r: Pick<
    Selectable<SessionVitalsTable>,
    'id' | 'at' | 'sbp' | 'dbp' | 'hr' | 'spo2' | 'rr' | 'etco2' | 'temp_c'
  >,
): StoredVital {
  return {
    id: r.id,
    at: new Date(r.at).toISOString(),
    sbp: r.sbp,
    dbp: r.dbp,
    hr: r.hr,
    spo2: r.spo2,
    rr: r.rr,
    etco2: r.etco2,
    tempC: r.temp_c,
  };
}

/** A reading as the session record shows it: `toVital` plus its source and the nurse's confirmation. */
export function toSessionVital(
  r: Parameters<typeof toVital>[0] &
    Pick<Selectable<SessionVitalsTable>, 'source' | 'device_id' | 'confirmed_at' | 'confirmed_by'>,
): SessionVital {
  return {
    ...toVital(r),
    source: r.source,
    deviceId: r.device_id,
    confirmedAt: iso(r.confirmed_at),
    confirmedBy: r.confirmed_by,
  };
}

/** The columns `toSessionVital` reads. */
export const SESSION_VITAL_COLUMNS = [
  'id',
  'at',
  'sbp',
  'dbp',
  'hr',
  'spo2',
  'rr',
  'etco2',
  'temp_c',
  'source',
  'device_id',
  'confirmed_at',
  'confirmed_by',
] as const;

export const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);
