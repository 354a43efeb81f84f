/**
 * `npx plasticity demo generate --patients N` as a real child process on a fresh embedded data directory:
 * refuses a bad count and the demo history's seed, migrates, seeds the demo clinic when the database is empty,
 * adds N synthetic patients with five sessions and their scores each, and reports its progress.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@plasticity/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COHORT } from '../modules/outcomes/seed-demo.ts';
import { runCli } from './spawn.ts';

describe('plasticity demo generate', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plasticity-generate-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([[['--patients', '0']], [['--patients', 'many']], [[]]])('refuses %j (exit 2)', async (args) => {
    const r = await runCli(dir, ['demo', 'generate', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--patients/);
  });

  it('refuses the seed of the demo clinic’s own history (exit 2)', async () => {
    const r = await runCli(dir, ['demo', 'generate', '--patients', '5', '--seed', String(DEMO_COHORT.seed)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--seed/);
  });

  it('seeds the demo clinic, then adds the patients with a progress bar', async () => {
    const r = await runCli(dir, ['demo', 'generate', '--patients', '30'], { timeoutMs: 180_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Seeded the demo clinic/);
    expect(r.stdout).toMatch(/Generated 30 patients, \d+ sessions and \d+ assessments/);
    expect(r.stderr).toMatch(/100% 30\/30 patients/);
    const d = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      const n = await d.db
        .selectFrom('patients')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('mrn', 'like', 'GEN-1-%') // the command's default seed (the demo's own history has another)
        .where('demo', '=', true)
        .executeTakeFirstOrThrow();
      expect(Number(n.n)).toBe(30);
      const sessions = await d.db
        .selectFrom('dosing_sessions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'discharged')
        .executeTakeFirstOrThrow();
      expect(Number(sessions.n)).toBeGreaterThanOrEqual(30);
    } finally {
      await d.close();
    }
  }, 240_000);
});
