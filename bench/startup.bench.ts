/**
 * Start-up benchmark. Target: `npm start` on an existing data directory (the web build and migrations already
 * done) answers `/healthz` with 200 within 3 s.
 *
 * Makes a fresh embedded data directory and starts `npm start` on it once, untimed against the target (the first
 * start migrates and seeds the demo clinic; its time and what it printed are shown), stops it, then starts it
 * again RUNS times on the same directory and measures, each time, from spawning `npm start` to the first 200 from
 * `/healthz` (polled every 20 ms). Each start is stopped with SIGTERM before the next. Everything `npm start` does
 * is inside the figure: npm itself, the web build's and the server build's staleness checks, loading the
 * server, opening the database (and its data-directory lock), the migrations check, the demo check.
 *
 * Run: `npm run bench -- startup`. Env: BENCH_STARTUP_RUNS (default 3).
 * Exit code 1 when a warm start misses the target.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const TARGET_MS = 3000;
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 3);
const root = join(import.meta.dirname, '..');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function healthy(port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false; // not listening yet: the next poll asks again
  }
}

interface Start {
  ms: number;
  output: string;
  child: ChildProcess;
}

async function start(dataDir: string, port: number, timeoutMs: number): Promise<Start> {
  const started = performance.now();
  // Its own process group, so stopping it reaches the server under npm and the shell.
  const child = spawn('npm', ['start', '--silent'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PLASTICITY_DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  while (!(await healthy(port))) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}:\n${output}`);
    if (performance.now() - started > timeoutMs) {
      await stop(child);
      throw new Error(`no 200 from /healthz within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return { ms: performance.now() - started, output, child };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-child.pid, 'SIGTERM');
  await exited;
}

const dataDir = mkdtempSync(join(tmpdir(), 'plasticity-startup-'));
let missed = 0;
try {
  const port = await freePort();
  const first = await start(dataDir, port, 300_000);
  await stop(first.child);
  console.log(`first start (fresh data directory: migrate, seed the demo clinic): ${first.ms.toFixed(0)} ms`);
  console.log(
    first.output
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => `  | ${l}`)
      .join('\n'),
  );
  for (let run = 1; run <= RUNS; run++) {
    const warm = await start(dataDir, port, 60_000);
    await stop(warm.child);
    const ok = warm.ms <= TARGET_MS;
    if (!ok) missed++;
    console.log(
      `${ok ? '✔' : '✘'} start ${run} on the existing data directory: /healthz 200 after ${warm.ms.toFixed(0)} ms, target ≤ ${TARGET_MS} ms`,
    );
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(missed ? 1 : 0);
