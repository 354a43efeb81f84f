/**
 * `plasticity backup FILE [--force]` — a checksummed backup of the configured database (file.ts).
 *
 * - Embedded database (PLASTICITY_DATA_DIR): a snapshot of its data directory. While a server runs, it
 *   holds the directory's lock and its only connection, so the CLI asks that server over its control socket
 *   (platform/control-socket.ts) and the server takes the snapshot between transactions. With no server
 *   running, the CLI takes the lock and the snapshot itself. Either way the snapshot is consistent (no
 *   transaction half-written; a CHECKPOINT first).
 * - PostgreSQL server (DATABASE_URL): `pg_dump --format=custom` (one consistent snapshot transaction, the
 *   server keeps serving), which must be installed.
 */
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { DataDirLockedError, embeddedDatabaseExists, openDatabase } from '@plasticity/db';
import { sql } from 'kysely';
import type { Config } from '../../config.ts';
import { NoControlSocketError, requestOnlineBackup } from '../../platform/control-socket.ts';
import { type BackupManifest, formatBytes, writeBackupFile } from './file.ts';
import { libpqEnv, runTool, toolVersion } from './pg-tools.ts';

export type Say = (line: string) => void;

export async function backupCommand(config: Config, file: string, opts: { force: boolean; say: Say }) {
  const { say } = opts;
  const path = resolve(file);
  if (existsSync(path) && !opts.force) {
    console.error(`plasticity: ${path} already exists; choose another name, or pass --force to replace it.`);
    return 1;
  }
  if (!existsSync(dirname(path))) {
    console.error(`plasticity: the folder ${dirname(path)} does not exist.`);
    return 1;
  }
  const work = mkdtempSync(join(tmpdir(), 'plasticity-backup-'));
  try {
    const payload = join(work, 'payload');
    const manifest = config.databaseUrl
      ? await dumpPostgres(config.databaseUrl, payload, say)
      : await dumpEmbedded(config.dataDir, payload, say);
    say('Writing the backup file with its SHA-256 checksum…');
    const { sha256, bytes } = await writeBackupFile(path, manifest, payload);
    say(`Backup written: ${path} (${formatBytes(bytes)}, sha256 ${sha256}).`);
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

type ManifestDraft = Omit<BackupManifest, 'payloadBytes'>;

async function dumpEmbedded(dataDir: string, payload: string, say: Say): Promise<ManifestDraft> {
  if (!embeddedDatabaseExists(dataDir)) throw new UserError(`there is no embedded database in ${dataDir}`);
  const base = {
    format: 1 as const,
    database: 'embedded' as const,
    payload: 'pglite-data-dir-tar-gzip' as const,
  };
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase({ kind: 'pglite', dataDir });
  } catch (e) {
    if (!(e instanceof DataDirLockedError)) throw e;
    say(`The server (pid ${e.ownerPid}) is running: asking it for a snapshot of its database…`);
    let lastShown = 0;
    try {
      const { tar, migrations } = await requestOnlineBackup(dataDir, (got, total) => {
        if (got - lastShown >= 16 * 1024 * 1024 || got === total) {
          lastShown = got;
          say(`  received ${formatBytes(got)} of ${formatBytes(total)}`);
        }
      });
      await writeGzip(payload, tar);
      return { ...base, createdAt: new Date().toISOString(), migrations, takenBy: 'running-server' };
    } catch (err) {
      if (err instanceof NoControlSocketError)
        throw new UserError(
          `the data directory is in use by pid ${e.ownerPid}, which does not answer backup requests ` +
            '(an older version?). Stop it and run the backup again.',
        );
      throw err;
    }
  }
  try {
    say(`Taking a snapshot of the embedded database in ${dataDir}…`);
    const migrations = await appliedMigrations(database);
    const blob = await (database.dumpDataDir as () => Promise<Blob>)();
    const tar = Buffer.from(await blob.arrayBuffer());
    await writeGzip(payload, tar);
    say(`  snapshot: ${formatBytes(tar.length)}, ${formatBytes(statSync(payload).size)} compressed`);
    return { ...base, createdAt: new Date().toISOString(), migrations, takenBy: 'cli' };
  } finally {
    await database.close();
  }
}

async function dumpPostgres(url: string, payload: string, say: Say): Promise<ManifestDraft> {
  say(`Using ${await toolVersion('pg_dump')}.`);
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 1 });
  let migrations: string[];
  let serverVersion: string;
  try {
    migrations = await appliedMigrations(database);
    const v = await sql<{ v: string }>`select current_setting('server_version') as v`.execute(database.db);
    serverVersion = v.rows[0]?.v ?? 'unknown';
  } finally {
    await database.close();
  }
  say(`Running pg_dump (server ${serverVersion})…`);
  const progress = setInterval(() => {
    if (existsSync(payload)) say(`  pg_dump: ${formatBytes(statSync(payload).size)} written`);
  }, 2000);
  try {
    await runTool(
      'pg_dump',
      ['--format=custom', '--no-owner', '--no-privileges', `--file=${payload}`],
      libpqEnv(url),
    );
  } finally {
    clearInterval(progress);
  }
  say(`  pg_dump: done, ${formatBytes(statSync(payload).size)}`);
  return {
    format: 1,
    database: 'postgresql',
    payload: 'pg_dump-custom',
    createdAt: new Date().toISOString(),
    migrations,
    serverVersion,
  };
}

/** Most of a fresh data directory is empty pages: gzip shrinks it about tenfold. */
async function writeGzip(path: string, data: Buffer) {
  await pipeline(Readable.from([data]), createGzip(), createWriteStream(path, { mode: 0o600 }));
}

/** A problem the operator can fix, told in one sentence (exit 1, no stack trace). */
export class UserError extends Error {}

export async function appliedMigrations(database: {
  db: import('kysely').Kysely<import('@plasticity/db').DB>;
}) {
  const exists = await sql<{ t: string | null }>`select to_regclass('schema_migrations')::text as t`.execute(
    database.db,
  );
  if (!exists.rows[0]?.t) return [];
  const r = await sql<{ name: string }>`select name from schema_migrations order by version`.execute(
    database.db,
  );
  return r.rows.map((row) => row.name);
}
