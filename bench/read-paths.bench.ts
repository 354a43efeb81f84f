/**
 * Read paths at clinic-network scale, BENCH_PATIENTS (default 100,000) patients spread over 50 clinics by the
 * shared generator (`scale-data.ts`), 10 concurrent clients, the audit entry of every read included:
 * - opening a patient's chart (`GET /api/v1/patients/{id}/chart-summary`: demographics, open alerts, active plan,
 *   latest score per instrument, last 5 sessions) — target on PostgreSQL at least 50 % of the floor's
 *   throughput, p99 under 50 ms;
 * - a session's vitals, the latest 200 readings (`GET /api/v1/sessions/{id}/vitals?limit=200`) — at least 50 %
 *   of the floor, p99 under 30 ms;
 * - patient search by name fragment, MRN, date of birth and phone digits, a page of at most 50 — at least 50 %
 *   of the floor, p99 under 50 ms;
 * - the live board (`GET /api/v1/board`) of a clinic with 50 chairs in session — p99 under 50 ms (no floor).
 *
 * The app runs in this process (Fastify listening on loopback, background jobs started so the audit sealer
 * runs as in production); 10 keep-alive clients, each signed in as a nurse of the largest generated clinic, send
 * requests in a closed loop for BENCH_SECONDS (default 10) per path after a 2 s warm-up, accepting gzip as a
 * browser does, each answer read to its end but neither inflated nor parsed (the clients share the server's
 * process and must not spend its time). The floor is the
 * cheapest correct program for the same durable work (`read-paths-floor.ts`).
 *
 * PostgreSQL: BENCH_DATABASE_URL or TEST_DATABASE_URL (a private schema, dropped at the end; BENCH_SCHEMA names
 * a kept one, where the network of a previous run — e.g. `scale-data.bench.ts`'s — is reused). The embedded
 * database (PGlite, in memory) runs the app the same way with BENCH_EMBEDDED_PATIENTS (default 10,000: generating
 * 100,000 in memory takes long) and is reported beside it (its floor is the same SQL on the same handle, not
 * judged). It runs on a worker thread of its own, as the server runs it; BENCH_PGLITE_MAIN=1 runs it on the
 * benchmark's thread instead, as the server did before. BENCH_SKIP_EMBEDDED=1 skips it, BENCH_SKIP_SERVER=1 skips PostgreSQL. BENCH_PATHS=board (any part
 * of the paths' names, comma-separated) measures only those paths; a run with it exits 1 as any other.
 * Exit code 1 when a PostgreSQL target is missed.
 */
import type { AddressInfo } from 'node:net';
import { type Database, migrate, openDatabase } from '@plasticity/db';
import { CompiledQuery, sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { type FloorRun, startFloor } from './read-paths-floor.ts';
import { ensureScaleData, OPEN_READINGS, openChairs } from './scale-data.ts';
import { benchServerUrl, postgresSchema } from './scale-support.ts';
import { Http, type Stats, stats } from './vitals-support.ts';

const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 100_000);
const EMBEDDED_PATIENTS = Number(process.env.BENCH_EMBEDDED_PATIENTS ?? 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = 10;
const ONLY = (process.env.BENCH_PATHS ?? '')
  .split(',')
  .map((x) => x.trim())
  .filter(Boolean);

/** The searches a front desk types, cycled by every client: name fragments, an MRN, a date of birth, digits. */
const SEARCHES = ['chen', 'ale riv', 'Okafor, Sam', 'GEN-1-00001', '1970-05-12', '05/12/1970', 'nov', ''];

/** One read path: the app's and the floor's URL for the n-th request, and its target. */
interface ReadPath {
  name: string;
  app: (n: number) => string;
  floor?: (n: number) => string;
  target: { ratio?: number; p99: number };
}

function readPaths(sessionIds: readonly string[], patientIds: readonly string[]): ReadPath[] {
  const q = (n: number) => SEARCHES[n % SEARCHES.length] as string;
  const session = (n: number) => sessionIds[n % sessionIds.length] as string;
  // Spread over the clinic's patients (a stride coprime with most sizes), so each read finds a different chart.
  const patient = (n: number) => patientIds[(n * 7919) % patientIds.length] as string;
  return [
    {
      name: "open a patient's chart (5 parts)",
      app: (n) => `/api/v1/patients/${patient(n)}/chart-summary`,
      floor: (n) => `/chart/${patient(n)}`,
      target: { ratio: 0.5, p99: 50 },
    },
    {
      name: 'patient search, page of ≤ 50',
      app: (n) => `/api/v1/patients${q(n) ? `?query=${encodeURIComponent(q(n))}` : ''}`,
      floor: (n) => `/search?query=${encodeURIComponent(q(n))}`,
      target: { ratio: 0.5, p99: 50 },
    },
    {
      name: `a session's vitals (latest ${OPEN_READINGS})`,
      app: (n) => `/api/v1/sessions/${session(n)}/vitals?limit=${OPEN_READINGS}`,
      floor: (n) => `/vitals/${session(n)}`,
      target: { ratio: 0.5, p99: 30 },
    },
    {
      name: `live board, ${sessionIds.length} chairs in session`,
      app: () => '/api/v1/board',
      target: { p99: 50 },
    },
  ];
}

/** CLIENTS closed loops of `path(n)` requests for SECONDS after a warm-up. */
async function drive(clients: Http[], path: (n: number) => string): Promise<Stats> {
  const lat: number[] = [];
  let errors = 0;
  let measuring = false;
  let stop = false;
  const loops = clients.map(async (c, i) => {
    let n = i;
    while (!stop) {
      const t0 = process.hrtime.bigint();
      const status = await c.getStatus(path(n++));
      const t = Number(process.hrtime.bigint() - t0) / 1e6;
      if (status !== 200) errors++;
      else if (measuring) lat.push(t);
    }
  });
  await new Promise((r) => setTimeout(r, 2000));
  measuring = true;
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  measuring = false;
  stop = true;
  await Promise.all(loops);
  return stats(lat, SECONDS, errors);
}

interface Row {
  backend: string;
  path: string;
  'app /s': number;
  'floor /s': number;
  ratio: number;
  'app p50 ms': number;
  'app p99 ms': number;
  'floor p50 ms': number;
  'floor p99 ms': number;
  errors: number;
  target: string;
}

/** A path's row: the app beside the floor (when it has one), judged against its target. */
async function measure(
  label: string,
  path: ReadPath,
  clients: Http[],
  floorBase: string,
  judged: boolean,
): Promise<Row> {
  const app = await drive(clients, path.app);
  const f = path.floor
    ? await drive(
        Array.from({ length: CLIENTS }, () => new Http(floorBase)),
        path.floor,
      )
    : undefined;
  const ratio = f ? +(app.perSecond / f.perSecond).toFixed(2) : Number.NaN;
  const { ratio: want, p99 } = path.target;
  const ok = (want === undefined || ratio >= want) && app.p99 < p99 && app.errors === 0 && !f?.errors;
  const mark = judged ? (ok ? '✔' : '✘') : ok ? '(✔, shown only)' : '(✘, shown only)';
  return {
    backend: label,
    path: path.name,
    'app /s': app.perSecond,
    'floor /s': f?.perSecond ?? Number.NaN,
    ratio,
    'app p50 ms': app.p50,
    'app p99 ms': app.p99,
    'floor p50 ms': f?.p50 ?? Number.NaN,
    'floor p99 ms': f?.p99 ?? Number.NaN,
    errors: app.errors + (f?.errors ?? 0),
    target: `${want === undefined ? '' : `≥ ${want} of floor, `}p99 < ${p99} ms ${mark}`,
  };
}

async function benchBackend(
  label: string,
  database: Database,
  floorRun: FloorRun,
  judged: boolean,
  patients: number,
): Promise<Row[]> {
  const t0 = Date.now();
  await migrate(database.db);
  const network = await ensureScaleData(database, { patients });
  // The generated clinic with the most patients, so its 50 chairs can each hold a different patient at small N.
  const clinic = network.clinics.reduce((a, b) => (b.patientIds.length > a.patientIds.length ? b : a));
  const open = await openChairs(database.db, clinic);
  console.log(
    `${label}: ${patients.toLocaleString('en-US')} patients in 50 clinics, ${open.length} chairs in session, in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );
  const built = await buildApp({ database, config: { ...loadConfig({}), demo: false }, serveWeb: false });
  await built.app.ready();
  built.start();
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const floor = await startFloor(floorRun, clinic);
  try {
    const base = `http://127.0.0.1:${(built.app.server.address() as AddressInfo).port}`;
    // One login after another: ten password hashes at once time out on a loaded machine.
    const clients: Http[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const c = new Http(base);
      const r = await c.request('POST', '/api/v1/auth/login', {
        email: clinic.nurseEmail,
        password: network.password,
      });
      if (r.status !== 200) throw new Error(`login: ${r.status} ${JSON.stringify(r.body)}`);
      c.csrf = r.body.csrfToken;
      clients.push(c);
    }
    const board = await clients[0]?.request('GET', '/api/v1/board');
    const shown = board?.body?.sessions?.length;
    if (shown !== open.length) throw new Error(`the board shows ${shown} sessions, not ${open.length}`);
    const rows: Row[] = [];
    for (const path of readPaths(
      open.map((s) => s.id),
      clinic.patientIds,
    ).filter((p) => ONLY.length === 0 || ONLY.some((x) => p.name.includes(x)))) {
      rows.push(await measure(label, path, clients, floor.base, judged));
      const r = rows.at(-1) as Row;
      console.log(
        `  ${label}, ${path.name}: app ${r['app /s']}/s p99 ${r['app p99 ms']} ms, floor ${r['floor /s']}/s p99 ${r['floor p99 ms']} ms, ratio ${r.ratio}: ${r.target}`,
      );
    }
    return rows;
  } finally {
    floor.server.close();
    await built.stop();
    await built.app.close();
  }
}

async function run(): Promise<boolean> {
  const rows: Row[] = [];
  let ok = true;
  const url = benchServerUrl() ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (process.env.BENCH_SKIP_SERVER !== '1')
    await postgresSchema(url, async (database) => {
      // The floor's pool reads the same schema as the app's.
      const schema = (await sql<{ s: string }>`select current_schema() as s`.execute(database.db)).rows[0]?.s;
      const pool = new pg.Pool({ connectionString: url, max: 10, options: `-c search_path=${schema}` });
      try {
        const measured = await benchBackend(
          'PostgreSQL',
          database,
          async (text, values, name) => (await pool.query({ text, values, ...(name ? { name } : {}) })).rows,
          true,
          PATIENTS,
        );
        ok = measured.every((r) => r.target.endsWith('✔'));
        rows.push(...measured);
      } finally {
        await pool.end();
      }
    });
  if (process.env.BENCH_SKIP_EMBEDDED !== '1') {
    // On a thread of its own, as the server runs it.
    const embedded = await openDatabase({ kind: 'pglite', thread: process.env.BENCH_PGLITE_MAIN !== '1' });
    try {
      rows.push(
        ...(await benchBackend(
          'embedded (PGlite)',
          embedded,
          async (text, values) =>
            (
              await embedded.db.executeQuery<Record<string, unknown>>(CompiledQuery.raw(text, values))
            ).rows,
          false,
          EMBEDDED_PATIENTS,
        )),
      );
    } finally {
      await embedded.close();
    }
  }
  console.table(rows);
  return ok;
}

run().then(
  (ok) => process.exit(ok ? 0 : 1),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
