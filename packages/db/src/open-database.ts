/**
 * Opens Plasticity's database on one of two drivers behind one Kysely dialect (PostgreSQL SQL):
 * - `pglite`: embedded PostgreSQL in `<dataDir>/pg` (or in memory without a dataDir), locked
 *   exclusively for this process;
 * - `postgres`: a PostgreSQL 15+ server through a `pg` pool.
 * Both return the same JavaScript types (see types.ts), so no code above this layer knows which one runs.
 */
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import { PGliteDialect } from './dialect/pglite-dialect.ts';
import { withPreparedStatements } from './prepared.ts';
import type { DB } from './schema.ts';
import { DATE_OID, INT8_OID, NUMERIC_OID, parseDate, parseInt8, parseNumeric } from './types.ts';

export type DatabaseConfig =
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob }
  | { kind: 'postgres'; url: string; schema?: string; poolSize?: number };

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Kysely<DB>;
  /** Subscribe to a NOTIFY channel; returns an unsubscribe function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  /** Snapshot of an embedded database (tests start from one instead of paying initdb each time). */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.kind === 'pglite' ? openPglite(config) : openPostgres(config);
}

async function openPglite(config: { dataDir?: string; loadDataDir?: Blob }): Promise<Database> {
  let lock: DataDirLock | undefined;
  if (config.dataDir) lock = acquireDataDirLock(config.dataDir);
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(config.dataDir ? { dataDir: join(config.dataDir, 'pg') } : {}),
      ...(config.loadDataDir ? { loadDataDir: config.loadDataDir } : {}),
      parsers: { [INT8_OID]: parseInt8, [DATE_OID]: parseDate, [NUMERIC_OID]: parseNumeric },
    });
  } catch (e) {
    lock?.release();
    throw e;
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  let closed = false;
  return {
    kind: 'pglite',
    db,
    async listen(channel, onPayload) {
      const unsub = await pglite.listen(channel, onPayload);
      return async () => {
        if (!pglite.closed) await unsub();
      };
    },
    dumpDataDir: () => pglite.dumpDataDir('none') as Promise<Blob>,
    async close() {
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

function typeParsers() {
  return {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === INT8_OID) return parseInt8;
      if (oid === DATE_OID) return parseDate;
      if (oid === NUMERIC_OID) return parseNumeric;
      return pg.types.getTypeParser(oid, format);
    },
  };
}

async function openPostgres(config: { url: string; schema?: string; poolSize?: number }): Promise<Database> {
  const options = config.schema ? `-c search_path=${config.schema}` : undefined;
  const clientConfig = {
    connectionString: config.url,
    types: typeParsers(),
    ...(options ? { options } : {}),
  };
  const pool = withPreparedStatements(new pg.Pool({ ...clientConfig, max: config.poolSize ?? 10 }));
  // Fail fast with a clear error when the server is unreachable.
  const probe = await pool.connect();
  probe.release();
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  let listener: pg.Client | undefined;
  const handlers = new Map<string, Set<(p: string) => void>>();
  let closed = false;
  return {
    kind: 'postgres',
    db,
    async listen(channel, onPayload) {
      if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name ${channel}`);
      if (!listener) {
        listener = new pg.Client(clientConfig);
        await listener.connect();
        listener.on('notification', (n) => {
          for (const h of handlers.get(n.channel) ?? []) h(n.payload ?? '');
        });
      }
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        await listener.query(`listen ${channel}`);
      }
      set.add(onPayload);
      return async () => {
        set.delete(onPayload);
      };
    },
    async close() {
      if (closed) return;
      closed = true;
      await listener?.end().catch(() => {});
      await db.destroy();
    },
  };
}
