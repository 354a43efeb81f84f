/**
 * Vitals benchmark. On a PostgreSQL server (BENCH_DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres) it creates a fresh database, starts a real Plasticity server
 * process (demo clinic seeded) and the minimal `http` + `pg` floor (vitals-floor.ts) on loopback, then:
 *
 *  A. ingestion: 10 concurrent keep-alive clients, one reading per request, for BENCH_SECONDS (default 10)
 *     after a 2 s warm-up — throughput and p99 latency, app vs floor (the app's audit entry included);
 *  C. device batches: the same 10 clients, 100 readings per request — readings per second and p99, app vs
 *     the floor storing the same rows with one multi-row statement per request;
 *  B. alert latency: 200 chairs each send a batch of 4 readings every 5 s while a probe posts a reading
 *     with SpO2 85 every 100 ms; the time from sending the POST to receiving the `alert` event on a
 *     subscribed SSE board client — p99, app vs floor.
 *
 * It stops by itself, kills what it started and drops its database. `run()` returns the figures.
 * Run alone: `node --import tsx bench/vitals.bench.ts`.
 */
import { join } from 'node:path';
import { openSse, type SseClient } from '../apps/server/src/modules/sessions/test/sse-client.ts';
import {
  Http,
  jsonPort,
  ROOT,
  runAlone,
  type Stats,
  sessionsInChairs,
  spawnUntil,
  stats,
  withBenchDatabase,
} from './vitals-support.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** The phases to run (e.g. `BENCH_PHASES=A` while profiling one); a phase left out is printed and judged as not run. */
const PHASES = process.env.BENCH_PHASES ?? 'ABC';
const NOT_RUN: Stats = { count: 0, perSecond: 0, p50: Number.NaN, p99: Number.NaN, errors: 0 };
const only = <T>(phase: string, run: () => Promise<T>, skipped: T): Promise<T> =>
  PHASES.includes(phase) ? run() : Promise.resolve(skipped);
const CLIENTS = 10;
const CHAIRS = 200;
/** Readings per request in the device-batch phase (a monitor or gateway sending what it has collected). */
const BATCH = 100;

interface Ingest {
  app: Stats;
  floor: Stats;
  throughputRatio: number;
  p99Ratio: number;
}
export interface VitalsBenchResult {
  ingest: Ingest;
  batch: Ingest & { appReadings: number; floorReadings: number };
  alerts: { app: Stats; floor: Stats; p99Ratio: number };
}
const normal = (at: string) => ({ at, sbp: 122, dbp: 78, hr: 72, spo2: 97, rr: 14 });
/** A device batch: `BATCH` normal readings a second apart, ending now. */
const batchOf = () => {
  const now = Date.now();
  return Array.from({ length: BATCH }, (_, k) =>
    normal(new Date(now - (BATCH - 1 - k) * 1000).toISOString()),
  );
};
const ingestOf = (app: Stats, floor: Stats): Ingest => ({
  app,
  floor,
  throughputRatio: +(app.perSecond / floor.perSecond).toFixed(2),
  p99Ratio: +(app.p99 / floor.p99).toFixed(2),
});

/** Phase A against either target: `post(client, i)` sends one reading; returns latencies within the window. */
async function closedLoop(post: (c: number, i: number) => Promise<number>, seconds: number) {
  const warmEnd = Date.now() + 2000;
  const end = warmEnd + seconds * 1000;
  const lat: number[] = [];
  let errors = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      for (let i = 0; Date.now() < end; i++) {
        const t0 = performance.now();
        const status = await post(c, i);
        const ms = performance.now() - t0;
        if (Date.now() < warmEnd) continue;
        if (status >= 300) errors++;
        else lat.push(ms);
      }
    }),
  );
  return stats(lat, seconds, errors);
}

/** Phase B: background chair load plus probes; `waitAlert(at)` resolves when the board receives the probe's alert. */
async function alertLatency(
  send: (chair: number, readings: object[]) => Promise<number>,
  probe: (readings: object[]) => Promise<number>,
  sse: SseClient,
  key: (data: Record<string, unknown>) => string,
  seconds: number,
) {
  const pending = new Map<string, number>();
  const lat: number[] = [];
  let errors = 0;
  sse.onEvent((e) => {
    if (e.event !== 'alert') return;
    const k = key(JSON.parse(e.data));
    const t0 = pending.get(k);
    if (t0 !== undefined) {
      lat.push(performance.now() - t0);
      pending.delete(k);
    }
  });
  const end = Date.now() + seconds * 1000;
  const timers: NodeJS.Timeout[] = [];
  for (let chair = 1; chair < CHAIRS; chair++) {
    const start = setTimeout(
      () => {
        const tick = () => {
          const now = Date.now();
          void send(
            chair,
            [0, 1, 2, 3].map((k) => normal(new Date(now - (3 - k) * 1250).toISOString())),
          ).then(
            (s) => {
              if (s >= 300) errors++;
            },
            () => {
              errors++;
            },
          );
        };
        tick();
        timers.push(setInterval(tick, 5000));
      },
      (chair * 5000) / CHAIRS,
    );
    timers.push(start);
  }
  let n = 0;
  while (Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    const at = new Date(Date.now() - 1000 + (n++ % 1000)).toISOString();
    pending.set(at, performance.now());
    void probe([{ at, spo2: 85, hr: 80 }]).then(
      (s) => {
        if (s >= 300) errors++;
      },
      () => {
        errors++;
      },
    );
  }
  await new Promise((r) => setTimeout(r, 1000));
  for (const t of timers) clearInterval(t);
  const missed = pending.size;
  return { ...stats(lat, seconds, errors), missed };
}

export function run(): Promise<VitalsBenchResult> {
  return withBenchDatabase('plasticity_bench', async (dbUrl, children) => {
    const app = await spawnUntil(
      [
        ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
        join(ROOT, 'apps/server/bin/plasticity.mjs'),
        'serve',
      ],
      { DATABASE_URL: dbUrl, PORT: '0', HOST: '127.0.0.1', PLASTICITY_DEMO: '1', LOG_LEVEL: 'info' },
      (line) => (line.includes('Plasticity is ready') ? jsonPort('msg')(line) : null),
    );
    children.push(app.child);
    const floor = await spawnUntil(
      ['--import', 'tsx', join(ROOT, 'bench/vitals-floor.ts'), dbUrl],
      {},
      jsonPort('floorReady'),
    );
    children.push(floor.child);
    const appBase = `http://127.0.0.1:${app.port}`;
    const floorBase = `http://127.0.0.1:${floor.port}`;

    // Set-up through the API: CHAIRS patients, each with a session in the monitoring phase's chair.
    const setup = new Http(appBase);
    await setup.login('nurse@freshstart.example');
    const sessions = await sessionsInChairs(
      setup,
      Array.from({ length: CHAIRS }, (_, i) => `B${i}`),
      'Chair',
    );
    const clients = await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        const h = new Http(appBase);
        await h.login('nurse@freshstart.example');
        return h;
      }),
    );
    const floorClients = Array.from({ length: CLIENTS }, () => new Http(floorBase));

    // A. Ingestion throughput and latency.
    const appPost = async (c: number, i: number) =>
      (
        await (clients[c] as Http).request('POST', `/api/v1/sessions/${sessions[c]}/vitals`, {
          idempotencyKey: `a-${c}-${i}`,
          readings: [normal(new Date().toISOString())],
        })
      ).status;
    const floorPost = async (c: number, i: number) =>
      (
        await (floorClients[c] as Http).request('POST', '/vitals', {
          sessionId: sessions[c],
          idempotencyKey: `a-${c}-${i}`,
          readings: [normal(new Date().toISOString())],
        })
      ).status;
    const ingestFloor = await only('A', () => closedLoop(floorPost, SECONDS), NOT_RUN);
    const ingestApp = await only('A', () => closedLoop(appPost, SECONDS), NOT_RUN);

    // C. Device batches: BATCH readings per request (sessions 10…19, so phase A's rows do not matter).
    const appBatch = async (c: number, i: number) =>
      (
        await (clients[c] as Http).request('POST', `/api/v1/sessions/${sessions[CLIENTS + c]}/vitals`, {
          idempotencyKey: `c-${c}-${i}`,
          readings: batchOf(),
        })
      ).status;
    const floorBatch = async (c: number, i: number) =>
      (
        await (floorClients[c] as Http).request('POST', '/vitals', {
          sessionId: sessions[CLIENTS + c],
          idempotencyKey: `c-${c}-${i}`,
          readings: batchOf(),
        })
      ).status;
    const batchFloor = await only('C', () => closedLoop(floorBatch, SECONDS), NOT_RUN);
    const batchApp = await only('C', () => closedLoop(appBatch, SECONDS), NOT_RUN);

    // B. Alert latency to a subscribed board.
    const board = await openSse(`${appBase}/api/v1/board/events`, { cookie: setup.cookie });
    const floorBoard = await openSse(`${floorBase}/events`, {});
    let seq = 0;
    const chairClients = Array.from({ length: 20 }, (_, k) => clients[k % CLIENTS] as Http);
    const extra = Array.from({ length: 10 }, () => new Http(appBase));
    for (const e of extra) {
      e.cookie = setup.cookie;
      e.csrf = setup.csrf;
    }
    const all = [...chairClients, ...extra];
    const appSend = async (chair: number, readings: object[]) =>
      (
        await (all[chair % all.length] as Http).request(
          'POST',
          `/api/v1/sessions/${sessions[chair]}/vitals`,
          { idempotencyKey: `b-${chair}-${seq++}`, readings },
        )
      ).status;
    const probeApp = new Http(appBase);
    probeApp.cookie = setup.cookie;
    probeApp.csrf = setup.csrf;
    const appProbe = async (readings: object[]) =>
      (
        await probeApp.request('POST', `/api/v1/sessions/${sessions[0]}/vitals`, {
          idempotencyKey: `p-${seq++}`,
          readings,
        })
      ).status;
    const probeFloor = new Http(floorBase);
    const floorProbe = async (readings: object[]) =>
      (
        await probeFloor.request('POST', '/vitals', {
          sessionId: sessions[0],
          idempotencyKey: `p-${seq++}`,
          readings,
        })
      ).status;
    const floorAll = Array.from({ length: 30 }, () => new Http(floorBase));
    const floorSend = async (chair: number, readings: object[]) =>
      (
        await (floorAll[chair % floorAll.length] as Http).request('POST', '/vitals', {
          sessionId: sessions[chair],
          idempotencyKey: `b-${chair}-${seq++}`,
          readings,
        })
      ).status;
    const alertSeconds = Math.max(10, SECONDS * 2);
    const notRun = { ...NOT_RUN, missed: 0 };
    const alertsFloor = await only(
      'B',
      () => alertLatency(floorSend, floorProbe, floorBoard, (d) => String(d.at), alertSeconds),
      notRun,
    );
    const alertsApp = await only(
      'B',
      () => alertLatency(appSend, appProbe, board, (d) => String(d.at), alertSeconds),
      notRun,
    );
    board.close();
    floorBoard.close();

    const result: VitalsBenchResult = {
      ingest: ingestOf(ingestApp, ingestFloor),
      batch: {
        ...ingestOf(batchApp, batchFloor),
        appReadings: batchApp.perSecond * BATCH,
        floorReadings: batchFloor.perSecond * BATCH,
      },
      alerts: { app: alertsApp, floor: alertsFloor, p99Ratio: +(alertsApp.p99 / alertsFloor.p99).toFixed(2) },
    };
    print(result);
    return result;
  });
}

function print(r: VitalsBenchResult) {
  const row = (name: string, app: number, floor: number, unit: string) =>
    console.log(
      `  ${name.padEnd(34)} app ${String(app).padStart(8)} ${unit.padEnd(5)} floor ${String(floor).padStart(8)} ${unit.padEnd(5)} ratio ${(app / floor).toFixed(2)}`,
    );
  console.log(`\nVitals benchmark (PostgreSQL, loopback, ${CLIENTS} clients, ${SECONDS} s)`);
  row('A. ingest throughput (readings/s)', r.ingest.app.perSecond, r.ingest.floor.perSecond, '/s');
  row('A. ingest p50 latency', r.ingest.app.p50, r.ingest.floor.p50, 'ms');
  row('A. ingest p99 latency', r.ingest.app.p99, r.ingest.floor.p99, 'ms');
  row(`C. batches of ${BATCH} (readings/s)`, r.batch.appReadings, r.batch.floorReadings, '/s');
  row(`C. batch p50 latency`, r.batch.app.p50, r.batch.floor.p50, 'ms');
  row(`C. batch p99 latency`, r.batch.app.p99, r.batch.floor.p99, 'ms');
  row('B. alert to board p50 (200 chairs)', r.alerts.app.p50, r.alerts.floor.p50, 'ms');
  row('B. alert to board p99 (200 chairs)', r.alerts.app.p99, r.alerts.floor.p99, 'ms');
  console.log(
    `  errors: ingest app ${r.ingest.app.errors} / floor ${r.ingest.floor.errors}; batches app ${r.batch.app.errors} / floor ${r.batch.floor.errors}; alerts app ${r.alerts.app.errors} / floor ${r.alerts.floor.errors}; probes: app ${r.alerts.app.count}, floor ${r.alerts.floor.count}`,
  );
  for (const [name, ok] of verdicts(r)) console.log(`  ${ok ? '✔' : '✘'} ${name}`);
}

/** The ingestion and alert-latency targets (bench/README.md), each with whether this run met it. */
export function verdicts(r: VitalsBenchResult): Array<[string, boolean]> {
  return [
    ['ingest throughput at least 50 % of the floor', r.ingest.throughputRatio >= 0.5],
    ['ingest p99 under 50 ms', r.ingest.app.p99 < 50],
    [`batches of ${BATCH}: at least 20,000 readings/s`, r.batch.appReadings >= 20_000],
    [`batches of ${BATCH}: p99 under 100 ms`, r.batch.app.p99 < 100],
    ['threshold reading to board p99 under 100 ms', r.alerts.app.p99 < 100],
    [
      'no errors, and an alert for every probe',
      r.ingest.app.errors + r.batch.app.errors + r.alerts.app.errors === 0 &&
        r.alerts.app.count > 0 &&
        !(r.alerts.app as { missed?: number }).missed,
    ],
  ];
}

runAlone(import.meta.url, run, verdicts);
