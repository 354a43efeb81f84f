/**
 * Vitest global setup for integration tests.
 * - Embedded: runs initdb and migrations once, dumps the data directory to a snapshot keyed by the
 *   migrations' digest; each test file then loads the snapshot (~0.5 s instead of seconds of initdb).
 * - Server: when TEST_DATABASE_URL is set, migrates a fresh schema for this run (dropped at the end),
 *   so runs never see each other's data. With CI set, the server suite is required.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate, migrationsDigest } from '../migrate.ts';
import { openDatabase } from '../open-database.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    pgUrl: string;
    pgSchema: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = join(ROOT, '.tmp');
  mkdirSync(dir, { recursive: true });
  const snapshot = join(dir, `pglite-${migrationsDigest()}.tar`);
  if (!existsSync(snapshot)) {
    const d = await openDatabase({ kind: 'pglite' });
    await migrate(d.db);
    if (!d.dumpDataDir) throw new Error('the embedded driver cannot dump its data directory');
    const blob = await d.dumpDataDir();
    // A name of its own: two projects' setups may build the snapshot at the same time.
    const part = `${snapshot}.${process.pid}-${Math.random().toString(36).slice(2)}.part`;
    writeFileSync(part, Buffer.from(await blob.arrayBuffer()));
    await d.close();
    const { renameSync } = await import('node:fs');
    renameSync(part, snapshot);
  }
  project.provide('pgliteSnapshot', snapshot);

  const url = process.env.TEST_DATABASE_URL ?? '';
  project.provide('pgUrl', url);
  if (!url) {
    const msg = 'NOTICE: TEST_DATABASE_URL is not set: the PostgreSQL-server integration suite is SKIPPED.';
    if (process.env.CI) throw new Error(`${msg} CI requires it.`);
    console.warn(`\n${msg}\n`);
    project.provide('pgSchema', '');
    return;
  }
  const schema = `plasticity_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const d = await openDatabase({ kind: 'postgres', url, schema, poolSize: 2 });
  await migrate(d.db);
  await d.close();
  project.provide('pgSchema', schema);
  return async () => {
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  };
}
