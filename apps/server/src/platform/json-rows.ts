/**
 * A query's rows as one JSON array built by the database, for a read that gathers several row sets in ONE
 * statement (one round trip, one snapshot): `select ${jsonRows(q1)} as a, ${jsonRows(q2)} as b`.
 * The driver parses each array once. A row read this way keeps its column names; its timestamps arrive as
 * ISO 8601 text (`JsonRow` says so in the type), every other column as JSON writes it — so select numeric
 * columns as text when the caller expects the driver's string.
 *
 * @example
 *   const { rows } = await sql<{ doses: JsonRow<Dose>[] }>`select ${jsonRows(doseQuery, sql`x.started_at`)} as doses`
 *     .execute(db);
 */
import { type Expression, type RawBuilder, sql } from 'kysely';

/** A row as JSON carries it: each `Date` becomes its ISO 8601 text. */
export type JsonRow<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};

/**
 * The rows of `query` as one JSON array (`[]` when there are none), in the order of `orderBy` — an expression
 * over the row alias `x`, e.g. sql`x.started_at`: an aggregate keeps no order of its input by itself.
 */
export function jsonRows<O>(query: Expression<O>, orderBy?: RawBuilder<unknown>): RawBuilder<JsonRow<O>[]> {
  const order = orderBy ? sql` order by ${orderBy}` : sql``;
  return sql<JsonRow<O>[]>`(select coalesce(json_agg(x${order}), '[]'::json) from (${query}) x)`;
}
