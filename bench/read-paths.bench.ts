/**
 * Read paths at clinic-network scale: patient search among BENCH_PATIENTS (default 100,000) patients spread
 * over 50 clinics (`scale-data.ts`), a page of at most 50, by name fragment, MRN, date of birth and phone
 * digits, with the audit entry each search writes. Target, on PostgreSQL: at least 50 % of the floor's
 * throughput with p99 under 50 ms, 10 concurrent clients.
 *
 * The app runs in this process (Fastify listening on loopback, background jobs started so the audit sealer
 * runs as in production); 10 keep-alive clients, each signed in as a nurse of the first clinic, send searches
 * in a closed loop for BENCH_SECONDS (default 10) after a 2 s warm-up. The floor is the cheapest correct
 * program for the same durable work: a bare `node:http` server with a `pg` pool of 10 that, per request, runs
 * the same page statement (prepared) and the same audit insert (prepared, autocommit), and answers the rows
 * as JSON — no session, policy, validation or response schema.
 *
 * PostgreSQL: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres (a
 * fresh database, dropped at the end). The embedded database (PGlite, in memory) runs the app the same way
 * and is reported beside it (its floor is the same SQL on the same handle); BENCH_SKIP_EMBEDDED=1 skips it,
 * BENCH_SKIP_SERVER=1 skips PostgreSQL.
 * Exit code 1 when a PostgreSQL target is missed.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Database, migrate, openDatabase } from '@plasticity/db';
import { CompiledQuery } from 'kysely';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { ensureScaleData, SCALE_PASSWORD, type ScaleClinic } from './scale-data.ts';
import { Http, type Stats, stats, withBenchDatabase } from './vitals-support.ts';

const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CLIENTS = 10;
const TARGET = { ratio: 0.5, p99: 50 };

/** The searches a front desk types, cycled by every client: name fragments, an MRN, a date of birth, digits. */
const SEARCHES = ['chen', 'ale riv', 'Okafor, Sam', 'GEN-1-00001', '1970-05-12', '05/12/1970', 'nov', ''];

/** The page statement and the audit insert, written out as the app's `list-patients.ts` runs them. */
function floorStatements(q: string, clinicId: string): { text: string; values: unknown[] } {
  const values: unknown[] = [clinicId];
  const p = (v: unknown) => {
    values.push(v);
    return `$${values.length}`;
  };
  let where = 'clinic_id = $1';
  const dob = /^\d{4}-\d{2}-\d{2}$/.test(q)
    ? q
    : /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.test(q)
      ? q.replace(
          /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/,
          (_, m, d, y) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`,
        )
      : undefined;
  if (dob) where += ` and date_of_birth = ${p(dob)}`;
  else if (q) {
    const terms = q
      .toLowerCase()
      .split(/[\s,]+/)
      .filter(Boolean)
      .slice(0, 5);
    const words = terms.map((t) => `lower(first_name || ' ' || last_name || ' ' || mrn) like ${p(`%${t}%`)}`);
    const digits = q.replace(/\D/g, '');
    where +=
      digits.length >= 4
        ? ` and ((${words.join(' and ')}) or regexp_replace(coalesce(phone, ''), '\\D', '', 'g') like ${p(`%${digits}%`)})`
        : ` and ${words.join(' and ')}`;
  }
  return {
    text: `select * from patients where ${where} order by lower(last_name), lower(first_name), id limit 51`,
    values,
  };
}

const AUDIT = `insert into audit_log (at, clinic_id, user_id, user_email, role, patient_id, action, resource_type,
  resource_id, category, outcome, source_address, details)
  values (now(), $1, $2, $3, 'nurse', null, 'query', 'patient', null, 'demographics', 'success', $4, $5)`;

/** The floor server: per request, the page statement and the audit insert, then the rows as JSON. */
function startFloor(
  run: (text: string, values: unknown[], name?: string) => Promise<{ id: string }[]>,
  clinic: ScaleClinic,
) {
  const server = http.createServer((req, res) => {
    const q = new URL(req.url ?? '/', 'http://x').searchParams.get('query') ?? '';
    const s = floorStatements(q, clinic.id);
    run(s.text, s.values)
      .then(async (rows) => {
        const page = rows.slice(0, 50);
        await run(
          AUDIT,
          [
            clinic.id,
            clinic.nurseId,
            clinic.nurseEmail,
            req.socket.remoteAddress ?? null,
            JSON.stringify({ results: page.length, searched: Boolean(q) }),
          ],
          'floor_audit',
        );
        const body = JSON.stringify({
          items: page,
          nextCursor: rows.length > 50 ? (page[49]?.id ?? null) : null,
        });
        res.writeHead(200, { 'content-type': 'application/json' }).end(body);
      })
      .catch((e: unknown) => {
        res.writeHead(500).end(String(e));
      });
  });
  return new Promise<{ server: http.Server; base: string }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

/** CLIENTS closed loops of searches against `base` for SECONDS after a warm-up. */
async function drive(clients: Http[]): Promise<Stats> {
  const lat: number[] = [];
  let errors = 0;
  let measuring = false;
  let stop = false;
  const loops = clients.map(async (c, i) => {
    let n = i;
    while (!stop) {
      const q = SEARCHES[n++ % SEARCHES.length] as string;
      const t0 = process.hrtime.bigint();
      const r = await c.request('GET', `/api/v1/patients${q ? `?query=${encodeURIComponent(q)}` : ''}`);
      const t = Number(process.hrtime.bigint() - t0) / 1e6;
      if (r.status !== 200) errors++;
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

async function benchBackend(
  label: string,
  database: Database,
  floorRun: Parameters<typeof startFloor>[0],
  judged: boolean,
): Promise<Row> {
  const t0 = Date.now();
  await migrate(database.db);
  const clinics = await ensureScaleData(database.db, { patients: PATIENTS, log: (l) => console.log(l) });
  console.log(
    `${label}: ${PATIENTS.toLocaleString('en-US')} patients in 50 clinics in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
  );
  const clinic = clinics[0] as ScaleClinic;
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
        password: SCALE_PASSWORD,
      });
      if (r.status !== 200) throw new Error(`login: ${r.status} ${JSON.stringify(r.body)}`);
      c.csrf = r.body.csrfToken;
      clients.push(c);
    }
    const app = await drive(clients);
    const f = await drive(Array.from({ length: CLIENTS }, () => new Http(floor.base)));
    const ratio = +(app.perSecond / f.perSecond).toFixed(2);
    const ok = ratio >= TARGET.ratio && app.p99 < TARGET.p99 && app.errors === 0;
    return {
      backend: label,
      path: 'patient search, page of ≤ 50',
      'app /s': app.perSecond,
      'floor /s': f.perSecond,
      ratio,
      'app p50 ms': app.p50,
      'app p99 ms': app.p99,
      'floor p50 ms': f.p50,
      'floor p99 ms': f.p99,
      errors: app.errors + f.errors,
      target: `≥ ${TARGET.ratio} of floor, p99 < ${TARGET.p99} ms ${judged ? (ok ? '✔' : '✘') : ok ? '(✔, shown only)' : '(✘, shown only)'}`,
    };
  } finally {
    floor.server.close();
    await built.stop();
    await built.app.close();
  }
}

async function run(): Promise<boolean> {
  const rows: Row[] = [];
  let ok = true;
  if (process.env.BENCH_SKIP_SERVER !== '1')
    await withBenchDatabase('plasticity_reads_bench', async (url) => {
      const database = await openDatabase({ kind: 'postgres', url, poolSize: 10 });
      const pool = new pg.Pool({ connectionString: url, max: 10 });
      try {
        const row = await benchBackend(
          'PostgreSQL',
          database,
          async (text, values, name) =>
            (await pool.query<{ id: string }>({ text, values, ...(name ? { name } : {}) })).rows,
          true,
        );
        ok = row.target.endsWith('✔');
        rows.push(row);
      } finally {
        await pool.end();
        await database.close();
      }
    });
  if (process.env.BENCH_SKIP_EMBEDDED !== '1') {
    const embedded = await openDatabase({ kind: 'pglite' });
    try {
      rows.push(
        await benchBackend(
          'embedded (PGlite)',
          embedded,
          async (text, values) =>
            (await embedded.db.executeQuery<{ id: string }>(CompiledQuery.raw(text, values))).rows,
          false,
        ),
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
