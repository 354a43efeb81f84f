/**
 * The benchmarks' shared population: `scaleData` generates it with the generator of `npx plasticity demo generate`
 * (`generateScaleData`), or — when BENCH_SCHEMA names a kept PostgreSQL schema that already holds the network of
 * that seed — finds it there (`loadScaleData`), so timed reads can be repeated without generating again.
 * `postgresSchema` opens a private schema on the benchmark's PostgreSQL server and drops it at the end unless it
 * is the kept BENCH_SCHEMA.
 */
import { type Database, migrate, openDatabase } from '@plasticity/db';
import pg from 'pg';
import {
  generateScaleData,
  loadScaleData,
  type ScaleData,
  type ScaleOptions,
} from '../apps/server/src/seed/scale/generate-scale-data.ts';

/** The benchmark's PostgreSQL server (BENCH_DATABASE_URL, else TEST_DATABASE_URL), loopback only; undefined if unset. */
export function benchServerUrl(): string | undefined {
  const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (url && !/@(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(url))
    throw new Error(
      'the benchmark talks to loopback only: BENCH_DATABASE_URL must point at 127.0.0.1/localhost',
    );
  return url;
}

/** Runs `work` on a migrated private schema of the server (BENCH_SCHEMA when set, kept afterwards). */
export async function postgresSchema<T>(url: string, work: (database: Database) => Promise<T>): Promise<T> {
  const kept = process.env.BENCH_SCHEMA;
  const schema = kept ?? `plasticity_bench_${process.pid}`;
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error('BENCH_SCHEMA must be a plain lower-case name');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${kept ? 'if not exists ' : ''}${schema}`);
  try {
    const database = await openDatabase({ kind: 'postgres', url, schema, poolSize: 10 });
    try {
      await migrate(database.db);
      return await work(database);
    } finally {
      await database.close();
    }
  } finally {
    if (!kept) await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

/** The population of `opts.seed`: found in the kept schema (BENCH_SCHEMA) or generated now, with a line of progress. */
export async function scaleData(database: Database, opts: ScaleOptions): Promise<ScaleData> {
  if (process.env.BENCH_SCHEMA && database.kind === 'postgres') {
    const found = await loadScaleData(database.db, opts.seed);
    if (found) {
      console.log(`  reusing the network of seed ${opts.seed} in schema ${process.env.BENCH_SCHEMA}`);
      return found;
    }
  }
  let shown = '';
  return generateScaleData(database, {
    ...opts,
    onProgress: (phase, done, total) => {
      const tenth = `${phase} ${Math.floor((done / total) * 10)}`;
      if (tenth !== shown) {
        shown = tenth;
        console.log(`  ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} ${phase}`);
      }
    },
  });
}
