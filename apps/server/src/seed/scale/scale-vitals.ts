/**
 * Vital-sign readings for generated dosing sessions, made by the database itself (one `insert … select` per batch
 * of sessions; nothing to send but the sessions' ids): `perSession` readings five minutes apart from ten minutes
 * before the dose, manual entries by the clinic's nurse. Values are realistic and deterministic — a hash of the seed,
 * the session's number in the run and the reading's number — with ketamine's rise in blood pressure and heart rate
 * peaking about 30 minutes after the dose starts; about one session in 64 rises past the default thresholds
 * (systolic ≥ 180, diastolic ≥ 110), one in 128 past a heart rate of 130, and one reading in 512 dips below an
 * SpO₂ of 92 %.
 */
import type { DB } from '@plasticity/db';
import { type Kysely, sql } from 'kysely';
import type { CohortSession } from '../../modules/outcomes/generate/cohort-rows.ts';
import { ID_KINDS, type IdMaker } from '../../modules/outcomes/generate/ids.ts';

/**
 * Inserts the readings of `sessions`, whose numbers in the run start at `first`; returns how many were written.
 * A reading's id is the run's reading id number `first × perSession + k + 1` (`idAt` of kind `reading`).
 */
export async function insertReadings(
  db: Kysely<DB>,
  ids: IdMaker,
  opts: {
    clinicId: string;
    nurseId: string | null;
    sessions: readonly CohortSession[];
    first: number;
    perSession: number;
    seed: number;
  },
): Promise<number> {
  const { sessions, perSession } = opts;
  if (sessions.length === 0 || perSession === 0) return 0;
  if ((opts.first + sessions.length) * perSession >= 2 ** 48)
    throw new Error('too many readings for one run');
  const prefix = `${ids.prefix}8${ID_KINDS.reading.toString(16).padStart(3, '0')}-8000-`;
  // One hash per session (its baseline and whether it crosses a threshold) and one per reading (the noise), both
  // integer hashes of the run's numbers; the dose curve is computed once per reading number, not per row.
  await sql`with s as (
      select x.id, x.dose_at, x.n + ${opts.first - 1}::bigint as n,
        hashint8extended(x.n + ${opts.first - 1}::bigint, ${opts.seed}) as hs
      from unnest(${sessions.map((s) => s.id)}::uuid[], ${sessions.map((s) => s.doseStartedAt)}::timestamptz[])
        with ordinality as x(id, dose_at, n)
    ), curve as (
      select k, make_interval(mins => k * 5 - 10) as offset_by, exp(-power((k * 5 - 10 - 30) / 25.0, 2)) as rise
      from generate_series(0, ${perSession - 1}) as k
    ), v as (
      select s.id, s.n, s.hs, c.k, c.rise, s.dose_at + c.offset_by as at,
        hashint8extended(s.n * ${perSession} + c.k, ${opts.seed}) as h,
        round(110 + (s.hs & 31) + 22 * c.rise + ((hashint8extended(s.n * ${perSession} + c.k, ${opts.seed}) & 1023)
          / 1023.0 - 0.5) * 10 + case when (s.hs >> 12) & 63 = 0 then 48 * c.rise else 0 end) as sbp
      from s cross join curve c
    )
    insert into session_vitals (id, clinic_id, session_id, at, sbp, dbp, hr, spo2, rr, source, recorded_by,
      recorded_at)
    select (${prefix} || lpad(to_hex(v.n * ${perSession} + v.k + 1), 12, '0'))::uuid, ${opts.clinicId}, v.id, v.at,
      v.sbp,
      round(v.sbp * 0.62 + ((v.h >> 10) & 15) - 7),
      round(68 + ((v.hs >> 6) & 15) + 12 * v.rise + ((v.h >> 14) & 15) - 7
        + case when (v.hs >> 18) & 127 = 0 then 45 * v.rise else 0 end),
      case when (v.h >> 20) & 511 = 0 then 90 else 98 - ((v.h >> 30) & 3) end,
      14 + ((v.h >> 33) & 7) - 3,
      'manual', ${opts.nurseId}::uuid, v.at + interval '30 seconds'
    from v`.execute(db);
  return sessions.length * perSession;
}
