/**
 * Multi-row inserts for bulk loads (the population generators): one statement per slice of rows, each column sent
 * as one array parameter and spread by `unnest`, so a statement carries any number of rows in as many parameters
 * as the table has columns (no 65,535-parameter limit), on both drivers. Values are bound, never spliced.
 */
import type { DB } from '@plasticity/db';
import { type Kysely, sql } from 'kysely';

/** A column and its SQL type, as `unnest` needs it (`uuid`, `text`, `timestamptz`, `jsonb`, …). */
export type BulkColumn = readonly [name: string, type: string];

/** Inserts the rows (one array of values per column, all of one length) in one statement. */
export async function insertColumns(
  db: Kysely<DB>,
  table: keyof DB & string,
  columns: readonly BulkColumn[],
  values: readonly (readonly unknown[])[],
): Promise<void> {
  if ((values[0]?.length ?? 0) === 0) return;
  await sql`insert into ${sql.table(table)} (${sql.join(columns.map(([name]) => sql.ref(name)))})
    select * from unnest(${sql.join(columns.map(([, type], i) => sql`${values[i]}::${sql.raw(type)}[]`))})`.execute(
    db,
  );
}

/** Rows as objects → one statement per `slice` rows. */
export async function insertRows<R extends Record<string, unknown>>(
  db: Kysely<DB>,
  table: keyof DB & string,
  columns: readonly BulkColumn[],
  rows: readonly R[],
  slice = 5000,
): Promise<void> {
  for (let start = 0; start < rows.length; start += slice) {
    const part = rows.slice(start, start + slice);
    await insertColumns(
      db,
      table,
      columns,
      columns.map(([name]) => part.map((r) => r[name] ?? null)),
    );
  }
}
