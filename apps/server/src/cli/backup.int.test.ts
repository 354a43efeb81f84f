/**
 * `plasticity backup` and `plasticity restore` as real processes, on both databases:
 * - a populated database (the seeded demo clinic plus some activity) backed up and restored into a fresh one
 *   has every table's rows equal, and the restore runs audit verify (the chain verifies);
 * - embedded: a backup taken while the server runs (the server takes the snapshot) restores too;
 * - a corrupt file is refused and changes nothing; a non-empty target is refused without --force;
 * - PostgreSQL: a clear error when pg_dump is not installed. The server part creates and drops its own
 *   databases (`plasticity_restore_<random>`), and runs only with TEST_DATABASE_URL.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, type DB, migrate, openDatabase } from '@plasticity/db';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp, MODULES } from '../app.ts';
import { loadConfig } from '../config.ts';
import { DEMO_PASSWORD, seedDemo } from '../seed/demo.ts';
import { Client, validPatient } from '../test/harness.ts';
import { HttpSession, runCli, type Served, startServe } from './spawn.ts';

const NURSE = 'nurse@freshstart.example';

/** Row count and an MD5 over every row's text, per table of the current schema. */
async function tableDigests(db: Kysely<DB>): Promise<Record<string, { rows: number; md5: string | null }>> {
  const tables = await sql<{ t: string }>`
    select tablename as t from pg_tables where schemaname = current_schema() order by 1`.execute(db);
  const out: Record<string, { rows: number; md5: string | null }> = {};
  for (const { t } of tables.rows) {
    const r = await sql<{ n: number; h: string | null }>`
      select count(*)::int as n, md5(string_agg(x::text, E'\\n' order by x::text)) as h
        from ${sql.table(t)} as x`.execute(db);
    out[t] = { rows: r.rows[0]?.n ?? 0, md5: r.rows[0]?.h ?? null };
  }
  return out;
}

async function withDatabase<T>(open: () => Promise<Database>, f: (db: Kysely<DB>) => Promise<T>): Promise<T> {
  const d = await open();
  try {
    return await f(d.db);
  } finally {
    await d.close();
  }
}

function flipByte(src: string, dest: string, at: number) {
  const b = readFileSync(src);
  b[at] = (b[at] as number) ^ 0xff;
  writeFileSync(dest, b);
}

/** Some activity beyond the seed: a patient created and read. */
async function activity(
  call: (method: string, path: string, body?: unknown) => Promise<{ status: number; body: { id?: string } }>,
) {
  const p = await call('POST', '/api/v1/patients', validPatient({ lastName: 'Backedup' }));
  expect(p.status).toBe(201);
  expect((await call('GET', `/api/v1/patients/${p.body.id ?? ''}`)).status).toBe(200);
}

describe('backup and restore of the embedded database', () => {
  let dir: string;
  const a = () => join(dir, 'a');
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plasticity-backup-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('backs up while the server runs (the server takes the snapshot), then again stopped', async () => {
    const server: Served = await startServe(a());
    try {
      const nurse = new HttpSession(server.url);
      await nurse.login(NURSE, DEMO_PASSWORD);
      await activity((m, p, b) => nurse.call(m, p, b));
      const r = await runCli(a(), ['backup', join(dir, 'online.backup')], { timeoutMs: 120_000 });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/is running: asking it for a snapshot/);
      expect(r.stdout).toMatch(/sha256 [0-9a-f]{64}/);
      // The server kept serving.
      expect((await nurse.call('GET', '/api/v1/patients')).status).toBe(200);
    } finally {
      server.proc.kill('SIGTERM');
      await server.exited;
    }
    const again = await runCli(a(), ['backup', join(dir, 'online.backup')]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
    const r = await runCli(a(), ['backup', join(dir, 'stopped.backup')], { timeoutMs: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Taking a snapshot/);
  }, 480_000);

  it('restores into a fresh directory with every table equal and a verified audit chain', async () => {
    const b = join(dir, 'b');
    const r = await runCli(b, ['restore', join(dir, 'stopped.backup')], { timeoutMs: 120_000 });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/checksum ok/);
    expect(r.stdout).toMatch(/Audit log intact: \d+ entries verified/);
    const before = await withDatabase(() => openDatabase({ kind: 'pglite', dataDir: a() }), tableDigests);
    const after = await withDatabase(() => openDatabase({ kind: 'pglite', dataDir: b }), tableDigests);
    expect(Object.keys(before).length).toBeGreaterThan(30);
    for (const t of ['clinics', 'users', 'patients', 'audit_log', 'dosing_sessions', 'session_vitals'])
      expect(before[t]?.rows, t).toBeGreaterThan(0);
    expect(after).toEqual(before);
  }, 300_000);

  it('restores the backup the running server took: the chain verifies and the demo clinic is there', async () => {
    const c = join(dir, 'c');
    const r = await runCli(c, ['restore', join(dir, 'online.backup')], { timeoutMs: 120_000 });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Audit log intact: \d+ entries verified/);
    const names = await withDatabase(
      () => openDatabase({ kind: 'pglite', dataDir: c }),
      async (db) => (await db.selectFrom('patients').select('last_name').execute()).map((p) => p.last_name),
    );
    expect(names).toContain('Backedup');
  }, 300_000);

  it('refuses a corrupt file and changes nothing', async () => {
    const file = join(dir, 'stopped.backup');
    const corrupt = join(dir, 'corrupt.backup');
    flipByte(file, corrupt, Math.floor(readFileSync(file).length / 2));
    const d = join(dir, 'd');
    const r = await runCli(d, ['restore', corrupt]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/corrupt.*checksum mismatch.*nothing was restored/);
    expect(existsSync(join(d, 'pg'))).toBe(false);
    writeFileSync(corrupt, 'not a backup at all\n');
    expect((await runCli(d, ['restore', corrupt])).stderr).toMatch(/not a Plasticity backup/);
  });

  it('refuses to restore over a non-empty database without --force; with it, keeps the old one aside', async () => {
    const file = join(dir, 'online.backup');
    const refused = await runCli(a(), ['restore', file], { timeoutMs: 120_000 });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not empty .* --force/);
    expect(readdirSync(a()).filter((f) => f.startsWith('pg.'))).toEqual([]);
    const forced = await runCli(a(), ['restore', '--force', file], { timeoutMs: 120_000 });
    expect(forced.code, forced.stdout + forced.stderr).toBe(0);
    expect(forced.stdout).toMatch(/kept as .*pg\.before-restore-/);
    expect(readdirSync(a()).filter((f) => f.startsWith('pg.before-restore-'))).toHaveLength(1);
  }, 300_000);
});

const pgUrl = inject('pgUrl');

describe.skipIf(!pgUrl)('backup and restore of a PostgreSQL server database', () => {
  const tag = `${process.pid}_${Date.now().toString(36)}`;
  const source = `plasticity_restore_${tag}_src`;
  const target = `plasticity_restore_${tag}`;
  const urlOf = (db: string) => {
    const u = new URL(pgUrl);
    u.pathname = `/${db}`;
    return u.toString();
  };
  let dir: string;
  let admin: pg.Client;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plasticity-backup-pg-'));
    admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    await admin.query(`create database ${source}`);
    await admin.query(`create database ${target}`);
    // The demo clinic plus some activity, through the app.
    const database = await openDatabase({ kind: 'postgres', url: urlOf(source), poolSize: 4 });
    try {
      await migrate(database.db);
      const built = await buildApp({
        database,
        config: { ...loadConfig({}), demo: true, auditSealIntervalMs: 100, demoHistoryPatients: 0 },
        serveWeb: false,
      });
      await built.app.ready();
      await seedDemo(built.ctx, MODULES);
      const nurse = new Client(built.app);
      expect((await nurse.login(NURSE, DEMO_PASSWORD)).status).toBe(200);
      await activity((m, p, b) => nurse.request(m as 'GET', p, b));
      await built.stop(); // seals the audit log
      await built.app.close();
    } finally {
      await database.close();
    }
  }, 300_000);

  afterAll(async () => {
    for (const db of [source, target]) await admin?.query(`drop database if exists ${db} with (force)`);
    await admin?.end();
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = (args: string[], db: string, env: Record<string, string> = {}) =>
    runCli(dir, args, { env: { DATABASE_URL: urlOf(db), ...env }, timeoutMs: 180_000 });

  it('backs up with pg_dump and restores into a fresh database: every table equal, audit chain verified', async () => {
    const file = join(dir, 'server.backup');
    const b = await cli(['backup', file], source);
    expect(b.code, b.stdout + b.stderr).toBe(0);
    expect(b.stdout).toMatch(/Using pg_dump/);
    expect(b.stdout).toMatch(/sha256 [0-9a-f]{64}/);
    const r = await cli(['restore', file], target);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/100%/);
    expect(r.stdout).toMatch(/Audit log intact: \d+ entries verified/);
    const before = await withDatabase(
      () => openDatabase({ kind: 'postgres', url: urlOf(source) }),
      tableDigests,
    );
    const after = await withDatabase(
      () => openDatabase({ kind: 'postgres', url: urlOf(target) }),
      tableDigests,
    );
    expect(Object.keys(before).length).toBeGreaterThan(30);
    for (const t of ['clinics', 'users', 'patients', 'audit_log', 'dosing_sessions', 'session_vitals'])
      expect(before[t]?.rows, t).toBeGreaterThan(0);
    expect(after).toEqual(before);
  }, 300_000);

  it('refuses a corrupt file (changing nothing) and a non-empty target without --force', async () => {
    const file = join(dir, 'server.backup');
    const corrupt = join(dir, 'corrupt.backup');
    flipByte(file, corrupt, readFileSync(file).length - 10);
    const digest = () =>
      withDatabase(() => openDatabase({ kind: 'postgres', url: urlOf(target) }), tableDigests);
    const before = await digest();
    const bad = await cli(['restore', '--force', corrupt], target);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/checksum mismatch/);
    const refused = await cli(['restore', file], target);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not empty .* --force/);
    expect(await digest()).toEqual(before);
    const forced = await cli(['restore', '--force', file], target);
    expect(forced.code, forced.stdout + forced.stderr).toBe(0);
    expect(await digest()).toEqual(before);
  }, 300_000);

  it('says clearly when pg_dump is not installed', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'plasticity-nopath-'));
    try {
      const r = await cli(['backup', join(dir, 'never.backup')], source, { PATH: empty });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/pg_dump was not found on PATH.*install/s);
      expect(existsSync(join(dir, 'never.backup'))).toBe(false);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
