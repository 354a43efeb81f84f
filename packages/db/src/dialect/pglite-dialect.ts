/**
 * A Kysely dialect over PGlite (embedded PostgreSQL in WebAssembly), in this thread or in a worker thread
 * (`PGliteThread`): either is an `EmbeddedEngine`, opened and ready.
 *
 * PGlite has exactly one connection, so this driver hands it out to one holder at a time: a
 * transaction keeps it from BEGIN to COMMIT/ROLLBACK, and every other query or transaction waits
 * its turn in FIFO order. That serializes transactions, which is what a single-connection
 * database needs (interleaving two transactions on one connection would mix their statements).
 *
 * Written here because kysely-pglite-dialect's peer range does not admit PGlite 0.5.
 *
 * @example
 * const db = new Kysely<DB>({ dialect: new PGliteDialect(await PGlite.create(dir)) });
 */
import {
  type CompiledQuery,
  CompiledQuery as CQ,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/** What the dialect needs of an embedded database: PGlite itself has it, and so has `PGliteThread`. */
export interface EmbeddedEngine {
  query<R>(sql: string, params: unknown[]): Promise<EmbeddedResults<R>>;
  /** Several statements in one text; a result for each (at least the last). */
  exec(sql: string): Promise<EmbeddedResults<unknown>[]>;
  readonly closed: boolean;
  close(): Promise<void>;
}

export interface EmbeddedResults<R> {
  rows: R[];
  affectedRows?: number | undefined;
}

/** How long a caller may wait for the single connection before it is told why it is stuck. */
export const ACQUIRE_TIMEOUT_MS = 30_000;

export class ConnectionWaitTimeout extends Error {
  constructor(ms: number) {
    super(
      `waited ${ms / 1000} s for the embedded database's only connection. The usual cause is a query run ` +
        'on the top-level db inside a transaction callback (it waits for the transaction that waits for it): ' +
        'run it on the transaction (trx) instead.',
    );
    this.name = 'ConnectionWaitTimeout';
  }
}

class Mutex {
  #tail: Promise<void> = Promise.resolve();
  /**
   * Resolves with a release function once every earlier holder has released. A caller that waits
   * longer than `timeoutMs` is rejected instead of hanging forever; its turn, when it comes, is
   * passed straight on.
   */
  acquire(timeoutMs = ACQUIRE_TIMEOUT_MS): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => {
      release = r;
    });
    const turn = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return new Promise((resolve, reject) => {
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        reject(new ConnectionWaitTimeout(timeoutMs));
      }, timeoutMs);
      timer.unref?.();
      void turn.then((rel) => {
        clearTimeout(timer);
        if (timedOut) rel();
        else resolve(rel);
      });
    });
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pg: EmbeddedEngine) {}

  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    // Without parameters use the simple-query protocol, which (like pg's) accepts several statements:
    // migrations are plain multi-statement SQL files.
    const res =
      compiled.parameters.length === 0
        ? ((await this.pg.exec(compiled.sql)).at(-1) ?? { rows: [], affectedRows: 0 })
        : await this.pg.query<R>(compiled.sql, [...compiled.parameters]);
    const affected = res.affectedRows;
    return {
      rows: res.rows as R[],
      ...(affected !== undefined && affected !== null ? { numAffectedRows: BigInt(affected) } : {}),
    };
  }

  // biome-ignore lint/correctness/useYield: PGlite has no cursors over its single connection.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported on PGlite');
  }
}

class PGliteDriver implements Driver {
  readonly #mutex = new Mutex();
  readonly #connection: PGliteConnection;
  readonly #releases = new WeakMap<DatabaseConnection, Array<() => void>>();

  constructor(private readonly pg: EmbeddedEngine) {
    this.#connection = new PGliteConnection(pg);
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const release = await this.#mutex.acquire();
    const stack = this.#releases.get(this.#connection) ?? [];
    stack.push(release);
    this.#releases.set(this.#connection, stack);
    return this.#connection;
  }

  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const level = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await conn.executeQuery(CQ.raw(`begin${level}`));
  }

  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CQ.raw('commit'));
  }

  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CQ.raw('rollback'));
  }

  async releaseConnection(conn: DatabaseConnection): Promise<void> {
    this.#releases.get(conn)?.shift()?.();
  }

  async destroy(): Promise<void> {
    if (!this.pg.closed) await this.pg.close();
  }
}

export class PGliteDialect implements Dialect {
  constructor(private readonly pg: EmbeddedEngine) {}
  createAdapter(): DialectAdapter {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pg);
  }
  createQueryCompiler(): QueryCompiler {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospector(db);
  }
}
