/**
 * Resident memory of the server under the mixed load of the other benchmarks, for BENCH_MEMORY_SECONDS (default
 * 600: ten minutes). Targets: the server process's resident set (VmRSS) at the end ≤ 250 MB on PostgreSQL and
 * ≤ 600 MB on the embedded database (PGlite runs inside the server's process, its buffers included).
 *
 * A real server process (`plasticity serve`, demo clinic seeded: about 300 patients with their history) on a
 * fresh PostgreSQL database (BENCH_DATABASE_URL or TEST_DATABASE_URL), then on a fresh embedded data directory.
 * Through the API: 20 patients with a session each in the monitoring phase. Then 10 keep-alive clients signed in
 * as the demo nurse run a closed loop, each request in turn: a reading uploaded to one of the 20 sessions, a
 * chart opened (`chart-summary` of a demo patient), a patient search, a session's latest 200 readings, a batch
 * of 100 readings from a monitor, the live board — while two board clients hold the event stream open. The
 * resident set is read from /proc every 5 s; printed: after the first minute, the peak, at the end, and the
 * growth per minute after the first (what a leak would show).
 *
 * Run: `npm run bench -- memory`; BENCH_MEMORY_SECONDS=60 for a quick run; BENCH_SKIP_EMBEDDED=1 or
 * BENCH_SKIP_SERVER=1 for one database. Exit code 1 when a target is missed.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Http, jsonPort, ROOT, sessionsInChairs, spawnUntil, withBenchDatabase } from './vitals-support.ts';

const SECONDS = Number(process.env.BENCH_MEMORY_SECONDS ?? 600);
const CLIENTS = 10;
const SESSIONS = 20;
const NURSE = 'nurse@freshstart.example';
const TARGET_MB = { PostgreSQL: 250, 'embedded (PGlite)': 600 } as const;
type Backend = keyof typeof TARGET_MB;

/** The resident set of a process in MB (VmRSS), or NaN once it has gone. */
function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

const reading = (at: Date) => ({ at: at.toISOString(), sbp: 122, dbp: 78, hr: 74, spo2: 97, rr: 14 });

/** A board client holding `/api/v1/board/events` open for the whole run (its events read and dropped). */
function holdBoardStream(base: string, cookie: string): http.ClientRequest {
  const req = http.get(
    `${base}/api/v1/board/events`,
    { headers: { cookie, accept: 'text/event-stream' } },
    (res) => res.resume(),
  );
  req.on('error', () => undefined); // ended by the server's exit at the end of the run
  return req;
}

interface Result {
  backend: Backend;
  requests: number;
  errors: number;
  firstMinuteMb: number;
  peakMb: number;
  endMb: number;
  growthMbPerMin: number;
}

async function load(
  backend: Backend,
  env: Record<string, string>,
  children: ChildProcess[],
): Promise<Result> {
  const app = await spawnUntil(
    [join(ROOT, 'apps/server/bin/plasticity.mjs'), 'serve'],
    { ...env, PORT: '0', HOST: '127.0.0.1', PLASTICITY_DEMO: '1', LOG_LEVEL: 'info' },
    (line) => (line.includes('Plasticity is ready') ? jsonPort('msg')(line) : null),
  );
  children.push(app.child);
  const pid = app.child.pid as number;
  const base = `http://127.0.0.1:${app.port}`;
  const setup = new Http(base);
  await setup.login(NURSE);
  const demo = await setup.request('GET', '/api/v1/patients?limit=50');
  const demoPatients: string[] = demo.body.items.map((p: { id: string }) => p.id);
  const sessions = await sessionsInChairs(
    setup,
    Array.from({ length: SESSIONS }, (_, i) => `M${i}`),
    'MemoryChair',
  );
  const clients: Http[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const c = new Http(base);
    await c.login(NURSE);
    clients.push(c);
  }
  const streams = [holdBoardStream(base, setup.cookie), holdBoardStream(base, clients[0]?.cookie ?? '')];
  const searches = ['chen', 'ri', 'MRN-0001', '1980-01-01', 'a', ''];
  const pick = <T>(xs: readonly T[], n: number) => xs[n % xs.length] as T;
  const request = (c: Http, n: number) => {
    const session = pick(sessions, n);
    switch (n % 6) {
      case 0:
        return c.request('POST', `/api/v1/sessions/${session}/vitals`, {
          idempotencyKey: `m-${n}`,
          readings: [reading(new Date())],
        });
      case 1:
        return c.request('GET', `/api/v1/patients/${pick(demoPatients, n)}/chart-summary`);
      case 2:
        return c.request('GET', `/api/v1/patients?query=${encodeURIComponent(pick(searches, n))}`);
      case 3:
        return c.request('GET', `/api/v1/sessions/${session}/vitals?limit=200`);
      case 4: {
        const now = Date.now();
        return c.request('POST', `/api/v1/sessions/${session}/vitals`, {
          idempotencyKey: `mb-${n}`,
          readings: Array.from({ length: 100 }, (_, k) => reading(new Date(now - (100 - k) * 1000))),
        });
      }
      default:
        return c.request('GET', '/api/v1/board');
    }
  };
  const samples: { t: number; mb: number }[] = [];
  const t0 = Date.now();
  const sampler = setInterval(() => samples.push({ t: (Date.now() - t0) / 1000, mb: rssMb(pid) }), 5000);
  let requests = 0;
  let errors = 0;
  let stop = false;
  let next = 0;
  const loops = clients.map(async (c) => {
    while (!stop) {
      const r = await request(c, next++);
      requests++;
      if (r.status >= 300) errors++;
    }
  });
  let shown = 0;
  while (Date.now() - t0 < SECONDS * 1000) {
    await new Promise((r) => setTimeout(r, 1000));
    const minute = Math.floor((Date.now() - t0) / 60_000);
    if (minute > shown) {
      shown = minute;
      console.log(
        `  ${backend}: ${minute} min, ${requests.toLocaleString('en-US')} requests, RSS ${rssMb(pid).toFixed(0)} MB`,
      );
    }
  }
  stop = true;
  await Promise.all(loops);
  clearInterval(sampler);
  const endMb = rssMb(pid);
  for (const s of streams) s.destroy();
  const after = samples.filter((s) => s.t >= 60);
  const first = after[0] ?? { t: 60, mb: endMb };
  const last = { t: (Date.now() - t0) / 1000, mb: endMb };
  return {
    backend,
    requests,
    errors,
    firstMinuteMb: Math.round(first.mb),
    peakMb: Math.round(Math.max(endMb, ...samples.map((s) => s.mb))),
    endMb: Math.round(endMb),
    growthMbPerMin: last.t > first.t ? +(((last.mb - first.mb) / (last.t - first.t)) * 60).toFixed(1) : 0,
  };
}

async function run(): Promise<Result[]> {
  const results: Result[] = [];
  if (process.env.BENCH_SKIP_SERVER !== '1')
    results.push(
      await withBenchDatabase('plasticity_memory', (url, children) =>
        load('PostgreSQL', { DATABASE_URL: url }, children),
      ),
    );
  if (process.env.BENCH_SKIP_EMBEDDED !== '1') {
    const dir = mkdtempSync(join(tmpdir(), 'plasticity-memory-'));
    const children: ChildProcess[] = [];
    try {
      results.push(await load('embedded (PGlite)', { PLASTICITY_DATA_DIR: dir, DATABASE_URL: '' }, children));
    } finally {
      for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
      await Promise.all(
        children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)),
      );
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return results;
}

const results = await run();
let ok = true;
console.table(
  results.map((r) => {
    const met = r.endMb <= TARGET_MB[r.backend] && r.errors === 0;
    ok &&= met;
    return {
      backend: r.backend,
      minutes: +(SECONDS / 60).toFixed(1),
      requests: r.requests,
      errors: r.errors,
      'RSS after 1 min MB': r.firstMinuteMb,
      'peak MB': r.peakMb,
      'end MB': r.endMb,
      'growth MB/min after 1 min': r.growthMbPerMin,
      target: `end ≤ ${TARGET_MB[r.backend]} MB ${met ? '✔' : '✘'}`,
    };
  }),
);
process.exit(ok ? 0 : 1);
