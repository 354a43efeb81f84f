/**
 * Reads the rows of one export query through a server-side cursor, in batches: the query runs once (no page
 * re-reads the rows before it, no sort), and memory holds one batch whatever the export's size.
 * - PostgreSQL server: the cursor lives in a read-only repeatable-read transaction on one pooled connection, so
 *   every batch comes from one snapshot while other requests use the pool's other connections.
 * - Embedded (PGlite): its one connection cannot stay in a transaction for the length of an export without
 *   holding up every other request, so the cursor is declared `with hold` in a statement of its own: PostgreSQL
 *   runs the query then and keeps its result (spilling to disk past `work_mem`), and each batch is a short
 *   `fetch` between other requests' statements.
 * The cursor is closed (or its transaction ended) when the caller stops reading, at the end, on an error or on
 * a `return` from a `for await` — so a cancelled export leaves nothing open.
 */
import { randomBytes } from 'node:crypto';
import type { Database, DB } from '@plasticity/db';
import { type Kysely, type RawBuilder, sql } from 'kysely';

/** Batches of the rows `query` selects (each batch non-empty). */
export async function* cursorBatches<Row>(
  database: Database,
  query: RawBuilder<unknown>,
  batchRows: number,
): AsyncGenerator<Row[]> {
  // A name of our own: the embedded database's one session may hold other exports' cursors.
  const name = sql.id(`fhir_export_${randomBytes(8).toString('hex')}`);
  if (database.kind === 'pglite') yield* heldCursor<Row>(database.db, name, query, batchRows);
  else yield* transactionCursor<Row>(database.db, name, query, batchRows);
}

/** Fetches batches until the cursor runs dry. */
async function* fetchAll<Row>(
  db: Kysely<DB>,
  name: RawBuilder<unknown>,
  batchRows: number,
): AsyncGenerator<Row[]> {
  for (;;) {
    const { rows } = await sql<Row>`fetch ${sql.lit(batchRows)} from ${name}`.execute(db);
    if (rows.length > 0) yield rows;
    if (rows.length < batchRows) return;
  }
}

async function* heldCursor<Row>(
  db: Kysely<DB>,
  name: RawBuilder<unknown>,
  query: RawBuilder<unknown>,
  batchRows: number,
): AsyncGenerator<Row[]> {
  await sql`declare ${name} no scroll cursor with hold for ${query}`.execute(db);
  try {
    yield* fetchAll<Row>(db, name, batchRows);
  } finally {
    await sql`close ${name}`.execute(db);
  }
}

async function* transactionCursor<Row>(
  db: Kysely<DB>,
  name: RawBuilder<unknown>,
  query: RawBuilder<unknown>,
  batchRows: number,
): AsyncGenerator<Row[]> {
  const trx = await db
    .startTransaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute();
  let committed = false;
  try {
    await sql`declare ${name} no scroll cursor for ${query}`.execute(trx);
    yield* fetchAll<Row>(trx, name, batchRows);
    await trx.commit().execute();
    committed = true;
  } finally {
    // Read only: a transaction ended otherwise than by its commit (an error, a reader that stopped) loses nothing.
    if (!committed) await trx.rollback().execute();
  }
}
