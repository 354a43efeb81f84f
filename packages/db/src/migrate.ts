/**
 * Forward-only migrations: plain SQL files `packages/db/migrations/NNNN_name.sql`, applied in
 * number order, each in its own transaction, recorded in `schema_migrations` with a SHA-256 of the
 * file. A file that was changed after it was applied stops start-up (edit by adding a new file,
 * never by rewriting an applied one). Several server processes on one PostgreSQL serialize on an
 * advisory lock so only one migrates.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';
import type { DB } from './schema.ts';

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

export interface MigrationFile {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  const files = readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
  const seen = new Set<number>();
  return files.map((f) => {
    const version = Number.parseInt(f.slice(0, 4), 10);
    if (seen.has(version)) throw new Error(`two migrations are numbered ${version}`);
    seen.add(version);
    const text = readFileSync(join(dir, f), 'utf8');
    return { version, name: f, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
  });
}

/** A digest of all migration files: test snapshots are keyed by it. */
export function migrationsDigest(dir = MIGRATIONS_DIR): string {
  const h = createHash('sha256');
  for (const m of readMigrations(dir)) h.update(`${m.name}:${m.checksum}\n`);
  return h.digest('hex').slice(0, 16);
}

/** Told before each migration it applies: its file name, its place among those pending and their count. */
export type MigrationProgress = (step: { name: string; done: number; total: number }) => void;

export async function migrate(
  db: Kysely<DB>,
  dir = MIGRATIONS_DIR,
  onStep?: MigrationProgress,
): Promise<{ applied: string[] }> {
  const files = readMigrations(dir);
  const applied: string[] = [];
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(727274)`.execute(trx);
    await sql`create table if not exists schema_migrations (
      version integer primary key,
      name text not null,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`.execute(trx);
    const done = await sql<{ version: number; name: string; checksum: string }>`
      select version, name, checksum from schema_migrations order by version`.execute(trx);
    const byVersion = new Map(done.rows.map((r) => [r.version, r]));
    const total = files.filter((m) => !byVersion.has(m.version)).length;
    for (const m of files) {
      const prior = byVersion.get(m.version);
      if (prior) {
        if (prior.checksum !== m.checksum) {
          throw new Error(
            `migration ${m.name} was changed after it was applied; add a new migration instead`,
          );
        }
        continue;
      }
      onStep?.({ name: m.name, done: applied.length + 1, total });
      await sql.raw(m.sql).execute(trx);
      await sql`insert into schema_migrations (version, name, checksum) values (${m.version}, ${m.name}, ${m.checksum})`.execute(
        trx,
      );
      applied.push(m.name);
    }
  });
  return { applied };
}
