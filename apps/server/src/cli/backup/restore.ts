/**
 * `plasticity restore FILE [--force]` — puts a backup (backup.ts) in place of the configured database, then
 * runs `audit verify` on the result (exit 1 if the chain does not verify).
 *
 * Before anything changes: the file's checksum must match (a corrupt or truncated file is refused), the
 * backup must be of the configured kind (embedded or PostgreSQL server) and not newer than this version's
 * migrations, and the target must be empty — a database with any table in it is replaced only with `--force`.
 * - Embedded: the server must be stopped (it holds the data directory). The old database is kept beside the
 *   new one as `pg.before-restore-<time>` (db embedded-restore.ts).
 * - PostgreSQL: `pg_restore` in one transaction (all or nothing); with `--force`, objects the backup contains
 *   are dropped first (`--clean --if-exists`).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  type Database,
  embeddedDatabaseExists,
  openDatabase,
  readMigrations,
  restoreEmbeddedDataDir,
} from '@plasticity/db';
import { sql } from 'kysely';
import type { Config } from '../../config.ts';
import { verifyAuditLog } from '../audit-verify.ts';
import { type Say, UserError } from './backup.ts';
import { type BackupManifest, extractPayload, formatBytes, verifyBackupFile } from './file.ts';
import { libpqEnv, runTool, toolVersion } from './pg-tools.ts';

export async function restoreCommand(config: Config, file: string, opts: { force: boolean; say: Say }) {
  const { say } = opts;
  const path = resolve(file);
  say(`Checking ${path}…`);
  const { manifest, payloadOffset, sha256 } = await verifyBackupFile(path);
  say(
    `  checksum ok (sha256 ${sha256}); a backup of the ${manifest.database === 'embedded' ? 'embedded database' : 'PostgreSQL database'} taken ${manifest.createdAt}, ${formatBytes(manifest.payloadBytes)}`,
  );
  const target = config.databaseUrl ? 'postgresql' : 'embedded';
  if (manifest.database !== target)
    throw new UserError(
      manifest.database === 'embedded'
        ? 'this is a backup of an embedded database; unset DATABASE_URL to restore it into PLASTICITY_DATA_DIR'
        : 'this is a backup of a PostgreSQL server database; set DATABASE_URL to the database to restore it into',
    );
  const expectedPayload = manifest.database === 'embedded' ? 'pglite-data-dir-tar-gzip' : 'pg_dump-custom';
  if (manifest.payload !== expectedPayload)
    throw new UserError(
      `this backup's contents (${manifest.payload}) are not something this version can restore`,
    );
  const known = new Set(readMigrations().map((m) => m.name));
  const unknown = manifest.migrations.filter((m) => !known.has(m));
  if (unknown.length)
    throw new UserError(
      `this backup was made by a newer version of Plasticity (its migration ${unknown[0]} is unknown here); ` +
        'upgrade Plasticity, then restore',
    );
  const work = mkdtempSync(join(tmpdir(), 'plasticity-restore-'));
  try {
    const payload = join(work, 'payload');
    await extractPayload(path, payloadOffset, payload);
    if (config.databaseUrl) await restorePostgres(config.databaseUrl, payload, manifest, opts);
    else await restoreEmbedded(config.dataDir, payload, opts);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  say('Running audit verify on the restored database…');
  const database = await openConfigured(config);
  try {
    const code = await verifyAuditLog(database.db);
    say(code === 0 ? 'Restore complete.' : 'Restore complete, but the audit log did NOT verify (see above).');
    return code;
  } finally {
    await database.close();
  }
}

function openConfigured(config: Config): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({ kind: 'postgres', url: config.databaseUrl, poolSize: 2 })
    : openDatabase({ kind: 'pglite', dataDir: config.dataDir });
}

async function userTables(database: Database): Promise<number> {
  const r = await sql<{ n: number }>`
    select count(*)::int as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`.execute(
    database.db,
  );
  return r.rows[0]?.n ?? 0;
}

function refuseNonEmpty(n: number, where: string): never {
  throw new UserError(
    `the target database ${where} is not empty (${n} tables). Restoring replaces it: run again with --force to do so`,
  );
}

async function restoreEmbedded(dataDir: string, payload: string, opts: { force: boolean; say: Say }) {
  if (embeddedDatabaseExists(dataDir)) {
    // Opening takes the data directory's lock: a running server makes this fail with "stop that process first".
    const existing = await openDatabase({ kind: 'pglite', dataDir });
    let n: number;
    try {
      n = await userTables(existing);
    } finally {
      await existing.close();
    }
    if (n > 0 && !opts.force) refuseNonEmpty(n, `in ${dataDir}`);
  }
  opts.say(`Restoring the embedded database into ${dataDir}…`);
  const tar = gunzipSync(readFileSync(payload));
  const { keptAs } = await restoreEmbeddedDataDir(dataDir, new Blob([tar]));
  if (keptAs)
    opts.say(`  the database that was there is kept as ${keptAs} (delete it when no longer needed)`);
  opts.say('  restored');
}

async function restorePostgres(
  url: string,
  payload: string,
  manifest: BackupManifest,
  opts: { force: boolean; say: Say },
) {
  const { say } = opts;
  say(
    `Using ${await toolVersion('pg_restore')} (backup from server ${manifest.serverVersion ?? 'unknown'}).`,
  );
  const env = libpqEnv(url);
  const existing = await openDatabase({ kind: 'postgres', url, poolSize: 1 });
  try {
    const n = await userTables(existing);
    if (n > 0 && !opts.force) refuseNonEmpty(n, env.PGDATABASE ?? '');
  } finally {
    await existing.close();
  }
  const items = (await runTool('pg_restore', ['--list', payload], env)).stdout
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith(';')).length;
  say(`Restoring ${items} items with pg_restore (one transaction: all or nothing)…`);
  let done = 0;
  let shown = 0;
  await runTool(
    'pg_restore',
    [
      '--verbose',
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      ...(opts.force ? ['--clean', '--if-exists'] : []),
      `--dbname=${env.PGDATABASE ?? ''}`,
      payload,
    ],
    env,
    {
      onStderrLine: (line) => {
        if (!/^pg_restore: (creating|processing|executing)/.test(line)) return;
        done += 1;
        const pct = Math.min(100, Math.floor((done / Math.max(items, 1)) * 100));
        if (pct >= shown + 10) {
          shown = pct - (pct % 10);
          say(`  ${shown}%`);
        }
      },
    },
  );
  say('  restored');
}
