/**
 * A reading in the contract's shape, built by the database as JSON (`StoredVital`, `SessionVital`), for the hot
 * reads that send many readings (a session's latest readings, the board's trends and latest readings): no reading is
 * parsed into a row, its time into a `Date`, and mapped again in Node. The one SQL spelling of those shapes.
 */
import { type RawBuilder, sql } from 'kysely';

/** A timestamptz as `Date.prototype.toISOString` writes it (UTC, milliseconds, `Z`); null stays null. */
export const isoUtc = (t: RawBuilder<unknown>) =>
  sql`to_char(${t} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The `StoredVital` fields of the reading aliased `v`, as `json_build_object` arguments. */
const storedFields = sql`'id', v.id, 'at', ${isoUtc(sql`v.at`)}, 'sbp', v.sbp, 'dbp', v.dbp, 'hr', v.hr,
  'spo2', v.spo2, 'rr', v.rr, 'etco2', v.etco2, 'tempC', v.temp_c`;

/** The reading aliased `v` as a `StoredVital` JSON object. */
export const storedVitalJson = sql`json_build_object(${storedFields})`;

/** The reading aliased `v` as a `BoardTrendPoint` JSON object (what a trend sparkline draws). */
export const trendPointJson = sql`json_build_object('at', ${isoUtc(sql`v.at`)}, 'hr', v.hr, 'spo2', v.spo2)`;

/** The reading aliased `v` as a `SessionVital` JSON object (`StoredVital` with its source and confirmation). */
export const sessionVitalJson = sql`json_build_object(${storedFields}, 'source', v.source,
  'deviceId', v.device_id, 'confirmedAt', ${isoUtc(sql`v.confirmed_at`)}, 'confirmedBy', v.confirmed_by)`;
