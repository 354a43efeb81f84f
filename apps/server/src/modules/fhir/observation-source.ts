/**
 * Observations are read from the record as they are asked for, never copied: one SQL view over the three places
 * that hold them, built per request and scoped to the caller's clinic —
 * - `session_vitals` (a dosing session's readings): one Observation per vital sign a reading holds
 *   (`vs-{reading id}-{bp|hr|rr|spo2|temp}`);
 * - `plan_weight_observations` (measured weights): body weight (`wt-{id}`);
 * - `assessments` whose instrument has a LOINC total score: the total (`as-{id}`). Instruments without a LOINC
 *   total (MADRS, QIDS-SR16, …) are not served as Observations.
 * Searches filter, count and page this relation in the database (resource-source.ts), so `total` and paging
 * agree with what a read by id returns. A record marked entered-in-error is served with status `entered-in-error` (FHIR R4
 * observation-status), never dropped, so a client that copied it can correct its copy.
 */
import { INSTRUMENTS, SUPERSEDED_INSTRUMENTS } from '@plasticity/clinical/instruments';
import { type RawBuilder, sql } from 'kysely';
import { forbidden } from '../../platform/errors.ts';
import type { Disclosed } from './audit-reads.ts';
import { LOINC, OBSERVATION_CATEGORY, VITAL_SIGNS, type VitalKind } from './codes.ts';
import { type ObservationRow, toFhirObservation } from './observation-resource.ts';
import { patientSource } from './patient-resource.ts';
import { type ResourceSource, uuidPk } from './resource-source.ts';
import { anyOf, parseTokens, patientRecordParams } from './search-sql.ts';

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

/** The clinic's observations as one relation. */
function observationsOf(clinicId: string): RawBuilder<unknown> {
  return sql`
    select 'vs-' || v.id::text || '-' || k.kind as id, k.kind, v.id as src, s.patient_id, v.at as effective,
           greatest(v.recorded_at, v.entered_in_error_at, v.confirmed_at) as last_updated,
           -- A monitor's reading no nurse has confirmed yet is preliminary (validation of device data).
           case when v.entered_in_error_at is not null then 'entered-in-error'
                when v.source = 'device' and v.confirmed_at is null then 'preliminary' else 'final' end as status,
           k.codes, 'vital-signs' as category, k.v1, k.v2,
           null::text as instrument_id, null::text as instrument_version, v.session_id::text as encounter_id
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
           ${codes('weight')}, 'vital-signs', w.weight_kg::float8, null::float8, null::text, null::text, null::text
      from plan_weight_observations w
     where w.clinic_id = ${clinicId}
    union all
    select 'as-' || a.id::text, 'instrument', a.id, a.patient_id, a.administered_at,
           greatest(a.created_at, a.entered_in_error_at), ${status('a.entered_in_error_at')},
           array[li.code]::text[], 'survey', a.total::float8, null::float8, a.instrument_id, a.instrument_version, null::text
      from assessments a
      join ${instrumentTotals()} on li.instrument_id = a.instrument_id and li.instrument_version = a.instrument_version
     where a.clinic_id = ${clinicId}`;
}

/** FHIR R4 observation-status codes (a value outside them is a bad request; those never produced match nothing). */
const OBSERVATION_STATUSES = new Set([
  'registered',
  'preliminary',
  'final',
  'amended',
  'corrected',
  'cancelled',
  'entered-in-error',
  'unknown',
]);

/** Alternatives of a token parameter over one code system: any match of `column` (a text or text[] test). */
function tokenIn(name: string, value: string, system: string, test: (code: string) => RawBuilder<unknown>) {
  return anyOf(
    parseTokens(name, value).map((t) => {
      if (t.system === null || (t.system !== undefined && t.system !== system)) return sql`false`;
      return t.code === '' ? sql`true` : test(t.code);
    }),
  );
}

const condition = patientRecordParams(
  'Observation',
  {
    statuses: OBSERVATION_STATUSES,
    valueSet: 'observation-status',
    dateParam: 'date',
    dateColumn: 'effective',
  },
  (name, value) => {
    if (name === 'code') return tokenIn(name, value, LOINC, (code) => sql`${code} = any(codes)`);
    if (name === 'category')
      return tokenIn(name, value, OBSERVATION_CATEGORY, (code) => sql`category = ${code}`);
    return undefined;
  },
);

/** What the audit log calls the record an observation row was read from. */
function disclosed(row: ObservationRow): Disclosed {
  const base = { patientId: row.patient_id, id: row.src };
  if (row.kind === 'instrument') return { ...base, resourceType: 'assessment', category: 'assessment' };
  if (row.kind === 'weight') return { ...base, resourceType: 'weight_observation', category: 'vital_signs' };
  return { ...base, resourceType: 'session_vitals', category: 'vital_signs' };
}

const OBSERVATION_ID =
  /^(vs|wt|as)-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:-([a-z0-9]+))?$/;

/**
 * An id names its source row (`src`, a primary key) and, for a reading, the sign: the condition is on those
 * columns, which the database pushes down to each branch's primary key instead of building every id.
 */
function idCondition(id: string): RawBuilder<unknown> {
  const m = OBSERVATION_ID.exec(id);
  if (!m) return sql`false`;
  const [, prefix, key, sign] = m;
  const kind = prefix === 'vs' ? sign : prefix === 'wt' ? 'weight' : 'instrument';
  if (!kind || (prefix !== 'vs' && sign !== undefined)) return sql`false`;
  return sql`(src = ${key}::uuid and kind = ${kind})`;
}

export const observationSource: ResourceSource<ObservationRow> = {
  type: 'Observation',
  patientColumn: 'patient_id',
  relation: observationsOf,
  order: sql`effective desc, id`,
  condition,
  idCondition,
  toResource: toFhirObservation,
  disclosed,
  audit: { resourceType: 'session_vitals', category: 'vital_signs' },
  /** `_include=Observation:patient` (or `:subject`): the patients the page names, for a caller who may read them. */
  include(caller, include, rows) {
    if (include.length === 0) return null;
    if (!caller.mayRead('Patient')) throw forbidden('your role may not read Patient (_include)');
    return { source: patientSource, where: anyOf([...new Set(rows.map((r) => r.patient_id))].map(uuidPk)) };
  },
};
