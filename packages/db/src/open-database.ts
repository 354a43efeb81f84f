/**
 * Opens Plasticity's database on one of two drivers behind one Kysely dialect (PostgreSQL SQL):
 * - `pglite`: embedded PostgreSQL in `<dataDir>/pg` (or in memory without a dataDir), locked
 *   exclusively for this process;
 * - `postgres`: a PostgreSQL 15+ server through a `pg` pool.
 * Both return the same JavaScript types (see type-parsers.mjs), so no code above this layer knows which one runs.
 */
import { join } from 'node:path';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import { type EmbeddedEngine, type EmbeddedResults, PGliteDialect } from './dialect/pglite-dialect.ts';
import { EMBEDDED_SUBDIR } from './embedded-restore.ts';
import { type ConnectionEvent, PgListener } from './pg-listener.ts';
import { createPGlite } from './pglite-options.mjs';
import { PGliteThread } from './pglite-thread/client.ts';
import { withPreparedStatements } from './prepared.ts';
import type { DB } from './schema.ts';
import { DATE_OID, INT8_OID, NUMERIC_OID, parseDate, parseInt8, parseNumeric } from './type-parsers.mjs';

export type DatabaseConfig =
  | ({ kind: 'pglite' } & PgliteConfig)
  | { kind: 'postgres'; url: string; schema?: string; poolSize?: number; applicationName?: string };

export interface PgliteConfig {
  /** The data directory (its database in `pg/`, locked for this process); without it, in memory. */
  dataDir?: string;
  /** A data directory's tar (`dumpDataDir`) to start from. */
  loadDataDir?: Blob;
  /** The buffer cache (pglite-options.mjs). */
  sharedBuffersMb?: number;
  /** Run PostgreSQL on a worker thread of its own (pglite-thread/client.ts). */
  thread?: boolean;
}

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Kysely<DB>;
  /**
   * Subscribe to a NOTIFY channel; resolves once LISTEN is in place and returns an unsubscribe function.
   * On the server the LISTEN connection reconnects by itself (see pg-listener.ts): notifications sent while
   * it was down are lost, which `onConnection` reports as `listen_restored`.
   */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** Connection events (lost and restored LISTEN, failed idle connections); returns an unsubscribe function. */
  onConnection(fn: (e: ConnectionEvent) => void): () => void;
  /**
   * A consistent snapshot of an embedded database's data directory (a tar): taken while holding the only
   * connection, so no transaction is open, after a CHECKPOINT. Tests start from one instead of paying initdb
   * each time; `plasticity backup` writes one.
   */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.kind === 'pglite' ? openPglite(config) : openPostgres(config);
}

/** An embedded database, open on this thread or on its own (`PGliteThread`). */
interface OpenEngine extends EmbeddedEngine {
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  dumpDataDir(): Promise<Blob>;
}

async function startEngine(config: PgliteConfig): Promise<OpenEngine> {
  const place = {
    ...(config.dataDir ? { dataDir: join(config.dataDir, EMBEDDED_SUBDIR) } : {}),
    ...(config.loadDataDir ? { loadDataDir: config.loadDataDir } : {}),
  };
  if (config.thread) return PGliteThread.start({ ...place, sharedBuffersMb: config.sharedBuffersMb });
  const pglite = await createPGlite(place, config.sharedBuffersMb);
  return {
    query: <R>(text: string, params: unknown[]): Promise<EmbeddedResults<R>> => pglite.query<R>(text, params),
    exec: (text: string): Promise<EmbeddedResults<unknown>[]> => pglite.exec(text),
    get closed(): boolean {
      return pglite.closed;
    },
    close: (): Promise<void> => pglite.close(),
    listen: (channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> =>
      pglite.listen(channel, onPayload),
    dumpDataDir: async (): Promise<Blob> => (await pglite.dumpDataDir('none')) as Blob,
  };
}

async function openPglite(config: PgliteConfig): Promise<Database> {
  let lock: DataDirLock | undefined;
  if (config.dataDir) lock = acquireDataDirLock(config.dataDir);
  let engine: OpenEngine;
  try {
    engine = await startEngine(config);
  } catch (e) {
    lock?.release();
    throw e;
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect(engine) });
  let closed = false;
  return {
    kind: 'pglite',
    db,
    async listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
      const unsub = await engine.listen(channel, onPayload);
      return async (): Promise<void> => {
        if (!engine.closed) await unsub();
      };
    },
    onConnection: () => () => {},
    dumpDataDir: () =>
      db.connection().execute(async (conn) => {
        await sql`checkpoint`.execute(conn);
        return engine.dumpDataDir();
      }),
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      try {
        await db.destroy();
      } finally {
        lock?.release();
      }
    },
  };
}

function typeParsers(): pg.CustomTypesConfig {
  return {
    getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
      if (oid === INT8_OID) return parseInt8;
      if (oid === DATE_OID) return parseDate;
      if (oid === NUMERIC_OID) return parseNumeric;
      return pg.types.getTypeParser(oid, format);
    },
  };
}

async function openPostgres(config: {
  url: string;
  schema?: string;
  poolSize?: number;
  applicationName?: string;
}): Promise<Database> {
  // JIT compilation off on every connection: its cost (100–150 ms of compiling here) comes whenever a plan's
  // estimate passes `jit_above_cost`, which a generic plan of a short read (the live board's one statement)
  // and the outcomes aggregates did, and no statement of this application runs long enough to repay it.
  // PostgreSQL's own guidance: JIT pays only for long-running CPU-bound (analytical) queries.
  const options = ['-c jit=off', ...(config.schema ? [`-c search_path=${config.schema}`] : [])].join(' ');
  const clientConfig = {
    connectionString: config.url,
    types: typeParsers(),
    application_name: config.applicationName ?? 'plasticity',
    options,
  };
  const observers = new Set<(e: ConnectionEvent) => void>();
  const emit = (e: ConnectionEvent): void => {
    for (const fn of observers) fn(e);
  };
  const pool = withPreparedStatements(new pg.Pool({ ...clientConfig, max: config.poolSize ?? 10 }));
  // A pooled connection that breaks (server restart, terminated backend) emits 'error' on its client — and,
  // when idle, on the pool, which discards it. Without listeners that ends the process. A client checked out
  // at the time fails its next query instead, and the pool discards it on release; the next query opens a new
  // connection. Each error is reported once.
  const reported = new WeakSet<Error>();
  const report = (error: Error): void => {
    if (reported.has(error)) return;
    reported.add(error);
    emit({ kind: 'pool_error', error });
  };
  pool.on('error', report);
  pool.on('connect', (client) => client.on('error', report));
  // Fail fast with a clear error when the server is unreachable.
  const probe = await pool.connect();
  probe.release();
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const listener = new PgListener(clientConfig, emit);
  let closed = false;
  return {
    kind: 'postgres',
    db,
    listen: (channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> =>
      listener.listen(channel, onPayload),
    onConnection(fn: (e: ConnectionEvent) => void): () => void {
      observers.add(fn);
      return () => observers.delete(fn);
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      try {
        await listener.close();
      } finally {
        await db.destroy();
      }
    },
  };
}
