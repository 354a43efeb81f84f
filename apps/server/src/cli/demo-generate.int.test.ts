/**
 * `npx plasticity demo generate --patients N` as a real child process on a fresh embedded data directory:
 * refuses a bad count and the demo history's seed, migrates, seeds the demo clinic when the database is empty,
 * spreads N synthetic patients with five sessions, their readings and scores over the clinics, writes their audit
 * year into a chain that verifies, reports its progress, and refuses a second run of the same seed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@plasticity/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../modules/audit/chain.ts';
import { DEMO_COHORT } from '../modules/outcomes/seed-demo.ts';
import { runCli } from './spawn.ts';

describe('plasticity demo generate', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plasticity-generate-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    [['--patients', '0'], /--patients/],
    [['--patients', 'many'], /--patients/],
    [[], /--patients/],
    [['--patients', '5', '--clinics', '0'], /--clinics/],
  ])('refuses %j (exit 2)', async (args, message) => {
    const r = await runCli(dir, ['demo', 'generate', ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('refuses the seed of the demo clinic’s own history (exit 2)', async () => {
    const r = await runCli(dir, ['demo', 'generate', '--patients', '5', '--seed', String(DEMO_COHORT.seed)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--seed/);
  });

  it('seeds the demo clinic, then spreads the patients over the clinics with a progress bar', async () => {
    const r = await runCli(dir, ['demo', 'generate', '--patients', '30', '--clinics', '3'], {
      timeoutMs: 180_000,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Seeded the demo clinic/);
    expect(r.stdout).toMatch(
      /Generated 30 patients in 3 clinics, [\d,]+ sessions, [\d,]+ vital readings and [\d,]+ assessments; 300 audit entries/,
    );
    expect(r.stderr).toMatch(/100% 30\/30 patients/);
    expect(r.stderr).toMatch(/100% 300\/300 audit entries/);
    const d = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      const generated = await d.db
        .selectFrom('patients')
        .select((eb) => [
          eb.fn.countAll<number>().as('n'),
          eb.fn.count<number>('clinic_id').distinct().as('clinics'),
        ])
        .where('mrn', 'like', 'GEN-1-%') // the command's default seed (the demo's own history has another)
        .where('demo', '=', true)
        .executeTakeFirstOrThrow();
      expect(Number(generated.n)).toBe(30);
      expect(Number(generated.clinics)).toBe(3);
      const sessions = await d.db
        .selectFrom('dosing_sessions as s')
        .innerJoin('patients as p', 'p.id', 's.patient_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('p.mrn', 'like', 'GEN-1-%')
        .where('s.status', '=', 'discharged')
        .executeTakeFirstOrThrow();
      expect(Number(sessions.n)).toBeGreaterThanOrEqual(30);
      const readings = await d.db
        .selectFrom('session_vitals as v')
        .innerJoin('dosing_sessions as s', 's.id', 'v.session_id')
        .innerJoin('patients as p', 'p.id', 's.patient_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('p.mrn', 'like', 'GEN-1-%')
        .executeTakeFirstOrThrow();
      expect(Number(readings.n)).toBe(20 * Number(sessions.n));
      const chain = await verifyChain(d.db);
      expect(chain.ok, JSON.stringify(chain.firstBad)).toBe(true);
      expect(chain.checked).toBeGreaterThanOrEqual(300);
    } finally {
      await d.close();
    }
    const again = await runCli(dir, ['demo', 'generate', '--patients', '5', '--clinics', '3']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already holds the network of seed 1/);
  }, 240_000);
});
