/**
 * `npx plasticity <command>` on a fresh embedded data directory, as a real child process (input refusals that
 * read no standard input run in this process through the same `main`, in-process.ts):
 * --help, migrate, user create (password from stdin, argon2id parameters; or a one-time link),
 * input errors, and audit verify on the CLI-written history.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@plasticity/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from './in-process.ts';
import { runCli } from './spawn.ts';

describe('plasticity CLI', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plasticity-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints help with every command (exit 0), and refuses an unknown command (exit 2)', async () => {
    const help = await runCli(dir, ['--help']);
    expect(help.code).toBe(0);
    for (const cmd of ['serve', 'migrate', 'user create', 'audit verify', 'backup FILE', 'restore FILE'])
      expect(help.stdout).toContain(cmd);
    const unknown = await runInProcess(dir, ['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown command/);
  });

  it('migrates a fresh data directory, then reports it up to date', async () => {
    const first = await runCli(dir, ['migrate'], { timeoutMs: 120_000 });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Applied: 0001_foundation\.sql/);
    const again = await runCli(dir, ['migrate'], { timeoutMs: 120_000 });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/up to date/);
  }, 240_000);

  it.each([
    [['--email', 'not-an-email', '--name', 'A', '--role', 'admin'], /--email/],
    [['--email', 'a@b.example', '--role', 'admin'], /--name/],
    [['--email', 'a@b.example', '--name', 'A', '--role', 'patient'], /--role/],
    [['--email', 'a@b.example', '--name', 'A', '--role', 'admin', '--password-stdin'], /password/],
  ])('refuses user create %j (exit 2, says why)', async (args, why) => {
    // Only the password case reads standard input, which needs a process of its own.
    const r = args.includes('--password-stdin')
      ? await runCli(dir, ['user', 'create', ...args], { stdin: 'short\n' })
      : await runInProcess(dir, ['user', 'create', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(why);
  });

  it('creates an admin with a password from stdin (argon2id m=19456,t=2,p=1), another with a link; refuses a duplicate', async () => {
    const pw = await runCli(
      dir,
      [
        'user',
        'create',
        '--email',
        'Founder@Clinic.example',
        '--name',
        'Founder',
        '--role',
        'admin',
        '--clinic-name',
        'CLI Clinic',
        '--password-stdin',
      ],
      {
        stdin: 'a-long-enough-passphrase-77\n',
        timeoutMs: 120_000,
      },
    );
    expect(pw.code, pw.stderr).toBe(0);
    expect(pw.stdout).toMatch(/Created admin founder@clinic\.example/);
    expect(`${pw.stdout}${pw.stderr}`).not.toContain('a-long-enough-passphrase-77');
    const link = await runCli(
      dir,
      ['user', 'create', '--email', 'nurse@clinic.example', '--name', 'Nurse', '--role', 'nurse'],
      { timeoutMs: 120_000 },
    );
    expect(link.code, link.stderr).toBe(0);
    expect(link.stdout).toMatch(/\/accept\/[A-Za-z0-9_-]{40,}/);
    const dup = await runCli(
      dir,
      ['user', 'create', '--email', 'FOUNDER@clinic.example', '--name', 'Again', '--role', 'nurse'],
      { timeoutMs: 120_000 },
    );
    expect(dup.code).toBe(2);
    expect(dup.stderr).toMatch(/already exists/);

    const d = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      const u = await d.db.selectFrom('users').select(['email', 'password_hash']).orderBy('email').execute();
      expect(u.map((x) => x.email)).toEqual(['founder@clinic.example', 'nurse@clinic.example']);
      expect(u[0]?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(u[1]?.password_hash).toBeNull();
      const audit = await d.db
        .selectFrom('audit_log')
        .select(['action', 'resource_type', 'source_address'])
        .execute();
      expect(audit).toHaveLength(2);
      expect(
        audit.every((a) => a.action === 'create' && a.resource_type === 'user' && a.source_address === 'cli'),
      ).toBe(true);
    } finally {
      await d.close();
    }
  }, 300_000);

  it('verifies the audit log the CLI wrote (exit 0)', async () => {
    const r = await runCli(dir, ['audit', 'verify'], { timeoutMs: 120_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/intact: 2 entries verified/);
  }, 180_000);
});
