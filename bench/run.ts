/**
 * `npm run bench [name…]` — runs every `bench/*.bench.ts` (or only those whose file name contains
 * one of the given names, e.g. `npm run bench -- audit`) one after another, each in its own Node
 * process so one benchmark's memory and timers cannot colour the next. Benchmarks are never run by
 * `npm test`. Each benchmark prints its own figures, stops by itself and talks to loopback only.
 * Exit code: non-zero when a benchmark process failed.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const names = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const all = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
const chosen = names.length ? all.filter((f) => names.some((n) => f.includes(n))) : all;
if (!chosen.length) {
  console.error(`No benchmark matches ${names.join(', ')}. Available: ${all.join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const f of chosen) {
  console.log(`\n=== ${f} ===`);
  const started = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, f)], {
    stdio: 'inherit',
    env: process.env,
  });
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    failed++;
    console.error(`=== ${f} FAILED (exit ${r.status ?? r.signal}) after ${secs} s ===`);
  } else console.log(`=== ${f} done in ${secs} s ===`);
}
process.exit(failed ? 1 : 0);
