/**
 * The server as a real process on an embedded data directory:
 * - a second process (server or CLI) on the same directory is refused with a message saying it is
 *   locked / in use, exits non-zero and touches nothing;
 * - SIGTERM and SIGINT close the database and release the lock within 5 seconds;
 * - after kill -9, a restart recovers with every acknowledged write present and the audit chain intact;
 * - /healthz answers 503 before ready (when the window is observable) and 200 after;
 * - `plasticity audit verify` exits 0 on the real history and 1 naming the entry after tampering.
 * Embedded database only (the lock and crash recovery are about the embedded data directory).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@plasticity/db';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpSession, runCli, type Served, startServe } from './spawn.ts';

const ADMIN = 'admin@freshstart.example';
const DEMO_PASSWORD = 'plasticity-demo';

describe('plasticity as a process on an embedded data directory', () => {
  let dir: string;
  let server: Served | undefined;
  const acknowledged: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plasticity-proc-'));
    // Creating, migrating and seeding a fresh directory: slow on a loaded machine.
    server = await startServe(dir, {}, 170_000);
  }, 180_000);
  afterAll(async () => {
    if (server && server.proc.exitCode === null) server.proc.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts on a fresh directory: migrated, demo seeded, healthy, demo logins work', async () => {
    const s = server as Served;
    expect(existsSync(join(dir, 'pg'))).toBe(true);
    expect(readFileSync(join(dir, 'plasticity.lock'), 'utf8').split('\n')[0]).toBe(String(s.proc.pid));
    expect(s.healthSeen.every((c) => c === 503 || c === 200)).toBe(true);
    // Migrating and seeding a fresh directory takes seconds after listening: /healthz said 503 meanwhile.
    expect(s.healthSeen[0]).toBe(503);
    const h = await fetch(`${s.url}/healthz`);
    expect(h.status).toBe(200);
    expect(s.output()).toContain('admin@freshstart.example');
    // The first start says what it is doing, step by step and in order, with the migrations counted.
    const lines = s.output().split('\n');
    const at = (re: RegExp) => lines.findIndex((l) => re.test(l));
    const steps = [
      /^Creating the database in /,
      /^Migrating the database: 1\/(\d+) 0001_/,
      /^Seeding the demo clinic…$/,
      /^Seeding the demo clinic: the clinic, its staff and patients$/,
      /"msg":"Plasticity is ready"/,
    ].map(at);
    expect(
      steps.every((i) => i >= 0),
      steps.join(),
    ).toBe(true);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
    const total = Number(/^Migrating the database: 1\/(\d+) /m.exec(s.output())?.[1]);
    expect(lines.filter((l) => l.startsWith('Migrating the database: ')).length).toBe(total);
    expect(lines.filter((l) => l.startsWith('Migrating the database: ')).at(-1)).toMatch(
      new RegExp(`^Migrating the database: ${total}/${total} \\d{4}_\\w+\\.sql$`),
    );
    const admin = new HttpSession(s.url);
    const me = await admin.login(ADMIN, DEMO_PASSWORD);
    expect(me.body.user.clinic.name).toBe('Fresh Start Ketamine');
  });

  it('refuses a second server and every CLI command on the same directory, changing nothing', async () => {
    const s = server as Served;
    const lockBefore = readFileSync(join(dir, 'plasticity.lock'), 'utf8');
    for (const args of [
      ['serve'],
      ['migrate'],
      ['audit', 'verify'],
      ['user', 'create', '--email', 'x@y.example', '--name', 'X', '--role', 'nurse'],
    ]) {
      const r = await runCli(dir, args, { timeoutMs: 60_000 });
      expect(r.code, `${args.join(' ')}: ${r.stdout}${r.stderr}`).not.toBe(0);
      expect(`${r.stdout}${r.stderr}`, args.join(' ')).toMatch(/locked|in use/i);
    }
    expect(readFileSync(join(dir, 'plasticity.lock'), 'utf8')).toBe(lockBefore);
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    const admin = new HttpSession(s.url);
    await admin.login(ADMIN, DEMO_PASSWORD);
    const users = await admin.call('GET', '/api/v1/users');
    expect(users.body.items.some((u: { email: string }) => u.email === 'x@y.example')).toBe(false);
  }, 240_000);

  it('keeps every acknowledged write after kill -9, recovers on restart and keeps sealing', async () => {
    const s = server as Served;
    const nurse = new HttpSession(s.url);
    await nurse.login('nurse@freshstart.example', DEMO_PASSWORD);
    for (let i = 0; i < 12; i++) {
      const r = await nurse.call('POST', '/api/v1/patients', {
        firstName: 'Crash',
        lastName: `Survivor${i}`,
        dateOfBirth: '1980-02-02',
        sex: 'unknown',
      });
      expect(r.status).toBe(201);
      acknowledged.push(r.body.id);
    }
    s.proc.kill('SIGKILL');
    await s.exited;
    expect(existsSync(join(dir, 'plasticity.lock'))).toBe(true); // stale lock left behind

    server = await startServe(dir);
    // A restart on a migrated, seeded directory creates, migrates and seeds nothing.
    expect(server.output()).not.toMatch(/^(Creating the database|Migrating|Seeding)/m);
    const again = new HttpSession(server.url);
    await again.login('nurse@freshstart.example', DEMO_PASSWORD);
    for (const id of acknowledged)
      expect((await again.call('GET', `/api/v1/patients/${id}`)).status, id).toBe(200);
    const list = await again.call('GET', '/api/v1/patients?query=Survivor');
    expect(list.body.items).toHaveLength(acknowledged.length);
    // Sealing resumes after the crash: the entries written before and after it get chain positions.
    const admin = new HttpSession(server.url);
    await admin.login(ADMIN, DEMO_PASSWORD);
    await new Promise((r) => setTimeout(r, 1500));
    const page = await admin.call('GET', '/api/v1/audit?limit=50&sort=at&order=desc');
    expect(page.body.items.slice(1).every((e: { seq: number | null }) => e.seq !== null)).toBe(true);
  }, 240_000);

  it.each(['SIGTERM', 'SIGINT'] as const)(
    'closes within 5 s on %s and releases the lock',
    async (signal) => {
      if (!server || server.proc.exitCode !== null) server = await startServe(dir);
      const s = server;
      const sent = Date.now();
      s.proc.kill(signal);
      const e = await s.exited;
      expect(e.at - sent).toBeLessThan(5000);
      expect(e.code).toBe(0);
      expect(existsSync(join(dir, 'plasticity.lock'))).toBe(false);
      server = undefined;
    },
    240_000,
  );

  it('verifies the audit log with the CLI (exit 0), then names the tampered entry (exit 1)', async () => {
    const ok = await runCli(dir, ['audit', 'verify']);
    expect(ok.code, ok.stdout + ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/intact: \d+ entries verified/);
    const count = Number(/intact: (\d+)/.exec(ok.stdout)?.[1]);
    expect(count).toBeGreaterThan(20);

    const d = await openDatabase({ kind: 'pglite', dataDir: dir });
    let victim: { id: string; seq: number | null };
    try {
      victim = await d.db
        .selectFrom('audit_log')
        .select(['id', 'seq'])
        .where('seq', '=', Math.floor(count / 2))
        .executeTakeFirstOrThrow();
      await sql`alter table audit_log disable trigger audit_log_append_only`.execute(d.db);
      await d.db
        .updateTable('audit_log')
        .set({ user_email: 'nobody@evil.example' })
        .where('id', '=', victim.id)
        .execute();
      await sql`alter table audit_log enable trigger audit_log_append_only`.execute(d.db);
    } finally {
      await d.close();
    }
    const bad = await runCli(dir, ['audit', 'verify']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`#${victim.seq}`);
    expect(bad.stderr).toContain(victim.id);
    expect(bad.stderr).toMatch(/TAMPERED/);
  }, 240_000);
});
