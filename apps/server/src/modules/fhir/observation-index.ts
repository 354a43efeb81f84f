/**
 * Observations are read from the record as they are asked for, never copied: one SQL view over the three places
 * that hold them, built per request and scoped to the caller's clinic —
 * - `session_vitals` (a dosing session's readings): one Observation per vital sign a reading holds
 *   (`vs-{reading id}-{bp|hr|rr|spo2|temp}`);
 * - `plan_weight_observations` (measured weights): body weight (`wt-{id}`);
 * - `assessments` whose instrument has a LOINC total score: the total (`as-{id}`). Instruments without a LOINC
 *   total (MADRS, QIDS-SR16, …) are not served as Observations.
 * Searches filter, count and page this view in the database, so `total` and paging agree with what a read by
 * id returns. A record marked entered-in-error is served with status `entered-in-error` (FHIR R4
 * observation-status), never dropped, so a client that copied it can correct its copy.
 */
import { INSTRUMENTS, SUPERSEDED_INSTRUMENTS } from '@plasticity/clinical/instruments';
import type { DB } from '@plasticity/db';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { VITAL_SIGNS, type VitalKind } from './codes.ts';

export type ObservationKind = VitalKind | 'instrument';

export interface ObservationRow {
  id: string;
  kind: ObservationKind;
  /** The source row's id (reading, weight or assessment). */
  src: string;
  patient_id: string;
  effective: Date;
  last_updated: Date;
  status: 'final' | 'entered-in-error';
  /** LOINC codes in Observation.code. */
  codes: string[];
  category: 'vital-signs' | 'survey';
  /** The value: systolic for bp, else the reading, weight or total. */
  v1: number | null;
  /** Diastolic for bp. */
  v2: number | null;
  instrument_id: string | null;
  instrument_version: string | null;
}

const codes = (kind: VitalKind) =>
  sql`array[${sql.join(VITAL_SIGNS[kind].codes.map((c) => sql.lit(c.code)))}]::text[]`;

/** Built-in instrument versions with a LOINC total score, as rows to join assessments with. */
function instrumentTotals(): RawBuilder<unknown> {
  const rows = [...INSTRUMENTS, ...SUPERSEDED_INSTRUMENTS].flatMap((d) =>
    d.loinc?.total ? [sql`(${sql.lit(d.id)}, ${sql.lit(d.version)}, ${sql.lit(d.loinc.total)})`] : [],
  );
  return sql`(values ${sql.join(rows)}) as li(instrument_id, instrument_version, code)`;
}

const status = (col: string) =>
  sql`case when ${sql.ref(col)} is null then 'final' else 'entered-in-error' end`;

/** The clinic's observations as one relation (`obs`), for a `with` clause. */
function observationsOf(clinicId: string): RawBuilder<unknown> {
  return sql`
    select 'vs-' || v.id::text || '-' || k.kind as id, k.kind, v.id as src, s.patient_id, v.at as effective,
           greatest(v.recorded_at, v.entered_in_error_at) as last_updated, ${status('v.entered_in_error_at')} as status,
           k.codes, 'vital-signs' as category, k.v1, k.v2,
           null::text as instrument_id, null::text as instrument_version
      from session_vitals v
      join dosing_sessions s on s.id = v.session_id and s.clinic_id = v.clinic_id
      cross join lateral (values
        ('bp', ${codes('bp')}, v.sbp::float8, v.dbp::float8, v.sbp is not null or v.dbp is not null),
        ('hr', ${codes('hr')}, v.hr::float8, null::float8, v.hr is not null),
        ('rr', ${codes('rr')}, v.rr::float8, null::float8, v.rr is not null),
        ('spo2', ${codes('spo2')}, v.spo2::float8, null::float8, v.spo2 is not null),
        ('temp', ${codes('temp')}, v.temp_c::float8, null::float8, v.temp_c is not null)
      ) as k(kind, codes, v1, v2, present)
     where v.clinic_id = ${clinicId} and k.present
    union all
    select 'wt-' || w.id::text, 'weight', w.id, w.patient_id, w.measured_at,
           greatest(w.created_at, w.entered_in_error_at), ${status('w.entered_in_error_at')},
           ${codes('weight')}, 'vital-signs', w.weight_kg::float8, null::float8, null::text, null::text
      from plan_weight_observations w
     where w.clinic_id = ${clinicId}
    union all
    select 'as-' || a.id::text, 'instrument', a.id, a.patient_id, a.administered_at,
           greatest(a.created_at, a.entered_in_error_at), ${status('a.entered_in_error_at')},
           array[li.code]::text[], 'survey', a.total::float8, null::float8, a.instrument_id, a.instrument_version
      from assessments a
      join ${instrumentTotals()} on li.instrument_id = a.instrument_id and li.instrument_version = a.instrument_version
     where a.clinic_id = ${clinicId}`;
}

export interface ObservationQuery {
  where: RawBuilder<unknown>;
  limit: number;
  offset: number;
}

/** One page of the clinic's observations matching `where` (over `obs` columns), newest first, and the total. */
export async function findObservations(
  db: Kysely<DB>,
  clinicId: string,
  q: ObservationQuery,
): Promise<{ rows: ObservationRow[]; total: number }> {
  const total = await sql<{ n: number }>`
    with obs as (${observationsOf(clinicId)}) select count(*)::int as n from obs where ${q.where}`.execute(
    db,
  );
  const rows =
    q.limit === 0
      ? []
      : (
          await sql<ObservationRow>`
    with obs as (${observationsOf(clinicId)})
    select * from obs where ${q.where} order by effective desc, id limit ${q.limit} offset ${q.offset}`.execute(
            db,
          )
        ).rows;
  return { rows, total: total.rows[0]?.n ?? 0 };
}
