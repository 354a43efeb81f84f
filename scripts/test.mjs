// `npm test`: the whole suite, one Vitest project after another — unit, web, integration, then the
// browser journeys (e2e, after building the web app when its sources changed). Output streams as it
// runs; every project runs even when an earlier one failed, so one run shows everything that is
// broken. The last line is the summed count, alone on its line, e.g. `812 passed, 0 failed, 3 skipped`
// (read from Vitest's JSON reporter); the exit code is non-zero when anything failed.
//
//   npm test                      all four projects
//   npm test -- unit integration  only the named projects (same order)
//
// Environment: TEST_DATABASE_URL adds the PostgreSQL-server integration suite (required when CI is
// set); REQUIRE_BROWSER=1 makes a missing /usr/bin/chromium a failure instead of a skip.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const ALL = ['unit', 'web', 'integration', 'e2e'];
/** Vitest projects behind a tier: the integration files that mock modules run in their own project. */
const VITEST_PROJECTS = { integration: ['integration', 'integration-mocks'] };
const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = asked.filter((p) => !ALL.includes(p));
if (unknown.length) {
  console.error(`Unknown project(s): ${unknown.join(', ')}. Choose from ${ALL.join(', ')}.`);
  process.exit(2);
}
const projects = asked.length ? ALL.filter((p) => asked.includes(p)) : ALL;
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const outDir = join(root, '.tmp', 'test-results');
mkdirSync(outDir, { recursive: true });

/** CPU seconds used by finished child processes (Linux; 0 elsewhere). On a shared machine the wall
 * time says little; CPU time / cores is what the same run costs on a dedicated CI machine. */
function childCpuSecs() {
  try {
    const after = readFileSync('/proc/self/stat', 'utf8').split(')').pop().trim().split(' ');
    return (Number(after[13]) + Number(after[14])) / 100; // cutime + cstime, USER_HZ = 100
  } catch {
    return 0;
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const rows = [];
const failures = [];
const started = Date.now();

/** Counts from one Vitest JSON report; a file that failed without a failed test (e.g. an import
 * error or a failing hook) counts as one failure so it cannot vanish from the total. */
function countsOf(file) {
  const r = JSON.parse(readFileSync(file, 'utf8'));
  const files = r.testResults ?? [];
  const broken = files.filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
  );
  // Named again in the summary: a log cut to its tail still says what failed.
  const failures = [
    ...broken.map((f) => `${relative(root, f.name)} (the file failed to run)`),
    ...files.flatMap((f) =>
      (f.assertionResults ?? [])
        .filter((a) => a.status === 'failed')
        .map((a) => `${relative(root, f.name)} › ${a.fullName ?? a.title}`),
    ),
  ];
  return {
    passed: r.numPassedTests ?? 0,
    failed: (r.numFailedTests ?? 0) + broken.length,
    skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
    failures,
  };
}

for (const project of projects) {
  const t0 = Date.now();
  const cpu0 = childCpuSecs();
  console.log(`\n━━━ ${project} ━━━`);
  if (project === 'e2e') {
    const build = spawnSync(process.execPath, [join(root, 'scripts', 'ensure-web-build.mjs')], {
      cwd: root,
      stdio: 'inherit',
    });
    if (build.status !== 0) {
      console.error('Building the web app failed; the browser journeys cannot run.');
      totals.failed += 1;
      rows.push({ project, passed: 0, failed: 1, skipped: 0, secs: 0, cpu: 0, note: 'web build failed' });
      continue;
    }
  }
  const report = join(outDir, `${project}.json`);
  rmSync(report, { force: true });
  const run = spawnSync(
    process.execPath,
    [
      vitest,
      'run',
      ...(VITEST_PROJECTS[project] ?? [project]).flatMap((p) => ['--project', p]),
      '--reporter=default',
      '--reporter=json',
      `--outputFile=${report}`,
    ],
    { cwd: root, stdio: 'inherit' },
  );
  let c = { passed: 0, failed: 0, skipped: 0, failures: [] };
  let note = '';
  if (existsSync(report)) {
    c = countsOf(report);
  }
  if (run.status !== 0 && c.failed === 0) {
    // Vitest failed without a failed test in its report (global setup error, crash, signal).
    c.failed = 1;
    note = `vitest exited ${run.status ?? run.signal} without a test failure in its report`;
  }
  for (const k of Object.keys(totals)) totals[k] += c[k];
  failures.push(...c.failures.map((f) => `${project}: ${f}`));
  rows.push({
    project,
    passed: c.passed,
    failed: c.failed,
    skipped: c.skipped,
    secs: Math.round((Date.now() - t0) / 1000),
    cpu: Math.round(childCpuSecs() - cpu0),
    note,
  });
}

console.log('\n━━━ summary ━━━');
for (const f of failures) console.log(`✗ ${f}`);
for (const r of rows) {
  console.log(
    `${r.failed ? '✗' : '✓'} ${r.project.padEnd(12)} ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped  (${r.secs} s, ${r.cpu} CPU-s)${r.note ? `  — ${r.note}` : ''}`,
  );
}
const cpu = rows.reduce((sum, r) => sum + r.cpu, 0);
console.log(
  `total time ${Math.round((Date.now() - started) / 1000)} s; ${cpu} CPU-s (at least ${Math.round(cpu / availableParallelism())} s on ${availableParallelism()} dedicated cores)`,
);
console.log(
  `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`,
);
process.exit(totals.failed ? 1 : 0);
