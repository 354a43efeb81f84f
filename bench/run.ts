/**
 * `npm run bench [name…]` — runs every `bench/*.bench.ts` (or only those whose file name contains
 * one of the given names, e.g. `npm run bench -- audit`) one after another, each in its own Node
 * process so one benchmark's memory and timers cannot colour the next. Benchmarks are never run by
 * `npm test`. Each benchmark prints its own figures, stops by itself and talks to loopback only.
 * At the end, a summary: every line a benchmark printed with a ✔ or ✘ (its targets, each beside its floor),
 * under the benchmark's name.
 * Exit code: non-zero when a benchmark process failed (each exits 1 on a missed target).
 */
import { spawn } from 'node:child_process';
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
/** Runs one benchmark, its output passed through as it comes; resolves with its exit and its judged lines. */
function runOne(f: string): Promise<{ code: number | string; judged: string[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, f)], {
    stdio: ['inherit', 'pipe', 'inherit'],
    env: process.env,
  });
  const judged: string[] = [];
  let partial = '';
  child.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) if (/[✔✘]/.test(line)) judged.push(line.trimEnd());
  });
  return new Promise((resolve) =>
    child.on('close', (code, signal) => {
      if (/[✔✘]/.test(partial)) judged.push(partial.trimEnd());
      resolve({ code: code ?? signal ?? 'unknown', judged });
    }),
  );
}

let failed = 0;
const summary: string[] = [];
for (const f of chosen) {
  console.log(`\n=== ${f} ===`);
  const started = Date.now();
  const r = await runOne(f);
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const verdict = r.code === 0 ? 'every target met' : `exit ${r.code}`;
  if (r.code !== 0) {
    failed++;
    console.error(`=== ${f} FAILED (exit ${r.code}) after ${secs} s ===`);
  } else console.log(`=== ${f} done in ${secs} s ===`);
  summary.push(`${f} (${verdict}, ${secs} s)`, ...r.judged.map((l) => `  ${l.trim()}`));
}
console.log(`\n=== summary: the targets ===\n${summary.join('\n')}`);
process.exit(failed ? 1 : 0);
