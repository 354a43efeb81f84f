/** SQL conditions for parsed FHIR search values (see date-param.ts and search-params.ts). */
import { type RawBuilder, sql } from 'kysely';
import { badField } from '../../platform/errors.ts';
import { type DateCondition, parseDateParam } from './date-param.ts';

const at = (ms: number) => sql`${new Date(ms).toISOString()}::timestamptz`;

/** The condition a date value puts on a timestamptz column (R4 search.html#prefix, for a point in time). */
export function dateSql(column: string, c: DateCondition): RawBuilder<unknown> {
  const col = sql.ref(column);
  switch (c.prefix) {
    case 'eq':
    case 'ap':
      return sql`(${col} >= ${at(c.lo)} and ${col} < ${at(c.hi)})`;
    case 'ne':
      return sql`not (${col} >= ${at(c.lo)} and ${col} < ${at(c.hi)})`;
    case 'lt':
    case 'eb':
      return sql`${col} < ${at(c.lo)}`;
    case 'gt':
    case 'sa':
      return sql`${col} >= ${at(c.hi)}`;
    case 'le':
      return sql`${col} < ${at(c.hi)}`;
    case 'ge':
      return sql`${col} >= ${at(c.lo)}`;
  }
}

export interface Token {
  /** undefined: any system (`code`); null: no system (`|code`); else the system (`system|code`, `system|`). */
  system: string | null | undefined;
  /** Empty for `system|` (any code of the system). */
  code: string;
}

/** The comma-separated alternatives of one token value (R4 search.html#token). */
export function parseTokens(name: string, value: string): Token[] {
  return value.split(',').map((part) => {
    if (part === '') throw badField(`querystring.${name}`, 'has an empty alternative');
    const bar = part.indexOf('|');
    if (bar < 0) return { system: undefined, code: part };
    const system = part.slice(0, bar);
    const code = part.slice(bar + 1);
    if (system === '' && code === '') throw badField(`querystring.${name}`, 'needs a system or a code');
    return { system: system === '' ? null : system, code };
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string): boolean => UUID.test(s);

/**
 * The patient id a reference value names (`{id}`, `Patient/{id}` or an absolute URL ending in it), or null
 * when it names no patient that could exist (another type, an id that is not ours in form): such a search
 * matches nothing.
 */
export function referencedPatient(name: string, value: string): string | null {
  if (value.includes(',')) throw badField(`querystring.${name}`, 'takes one patient');
  const parts = value.split('/');
  const id = parts.at(-1);
  const type = parts.length > 1 ? parts.at(-2) : 'Patient';
  if (type !== 'Patient') return null;
  return id !== undefined && isUuid(id) ? id.toLowerCase() : null;
}

/** `or`-joins conditions (false when there are none). */
export function anyOf(conds: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return conds.length ? sql`(${sql.join(conds, sql` or `)})` : sql`false`;
}

/** A status parameter: alternatives from the type's R4 status value set (another value is a bad request). */
export function statusIn(name: string, value: string, allowed: ReadonlySet<string>, valueSet: string) {
  return anyOf(
    parseTokens(name, value).map((t) => {
      if (!allowed.has(t.code))
        throw badField(`querystring.${name}`, `${t.code} is not a code of R4 ${valueSet}`);
      return sql`status = ${t.code}`;
    }),
  );
}

/** The patient a `patient`/`subject` value names, as a condition on a `patient_id` text column. */
export function patientIs(name: string, value: string): RawBuilder<unknown> {
  const id = referencedPatient(name, value);
  return id ? sql`patient_id = ${id}` : sql`false`;
}

/** `and`-joins conditions (true when there are none). */
export function allOf(conds: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return conds.length ? sql`(${sql.join(conds, sql` and `)})` : sql`true`;
}

/** The condition of one value of one of a type's own search parameters (see resource-source.ts). */
export type ParamCondition = (
  name: string,
  value: string,
  timeZone: string,
  now: Date,
) => RawBuilder<unknown>;

/**
 * The parameters a patient's records share: `patient`/`subject`, `status` (codes of the type's R4 value set),
 * and one date parameter on one column; anything else goes to `more`, or is a programming error (the parser
 * accepts only declared parameters).
 */
export function patientRecordParams(
  type: string,
  opts: { statuses: ReadonlySet<string>; valueSet: string; dateParam: string; dateColumn: string },
  more?: (name: string, value: string) => RawBuilder<unknown> | undefined,
): ParamCondition {
  return (name, value, timeZone, now) => {
    if (name === 'patient' || name === 'subject') return patientIs(name, value);
    if (name === 'status') return statusIn(name, value, opts.statuses, opts.valueSet);
    if (name === opts.dateParam) return dateSql(opts.dateColumn, parseDateParam(name, value, timeZone, now));
    const other = more?.(name, value);
    if (other) return other;
    throw new Error(`${type} has no search parameter ${name}`);
  };
}

/**
 * A SQL `case` mapping a column's stored values to FHIR codes by a table (the same table the mapper documents),
 * so that a status search agrees with what is served; `otherwise` for a value the table does not name.
 */
export function codeCase(column: string, map: Readonly<Record<string, string>>, otherwise: string) {
  return sql`case ${sql.ref(column)} ${sql.join(
    Object.entries(map).map(([from, to]) => sql`when ${sql.lit(from)} then ${sql.lit(to)}`),
    sql` `,
  )} else ${sql.lit(otherwise)} end`;
}
