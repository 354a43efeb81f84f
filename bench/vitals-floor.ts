/**
 * The floor for the vitals benchmark: the cheapest correct program a skilled engineer would write for the same
 * durable work as Plasticity's vitals ingestion — a minimal Node `http` + `pg` program, so the app's figures can
 * be printed as a ratio against it in the same run.
 *
 * POST /vitals {sessionId, idempotencyKey, readings[]}: ONE prepared autocommit statement per request (a
 * data-modifying CTE): claim the idempotency key (unique per session; a replay stores nothing), insert the
 * readings (one row, or all of a batch through `unnest`) and an audit row; when a reading's SpO2 is under 92
 * (as an alert would) the same statement calls `pg_notify`, delivered at its commit. One round trip to the
 * database per request, over a pool of 10 connections (one per client). GET /events: an SSE stream fed by
 * LISTEN. It does not check sessions, roles or thresholds per protocol, keep a hash chain or board events.
 * Started by vitals.bench.ts as its own process: `node --import tsx bench/vitals-floor.ts <database-url>`.
 */
import http from 'node:http';
import pg from 'pg';

const url = process.argv[2];
if (!url) throw new Error('usage: vitals-floor.ts <database-url>');
const pool = new pg.Pool({ connectionString: url, max: 10 });
await pool.query(`
  create table if not exists floor_keys (id bigint generated always as identity primary key, session_id uuid not null,
    key text not null, at timestamptz not null default now(), unique (session_id, key));
  create table if not exists floor_vitals (id uuid primary key default gen_random_uuid(), session_id uuid not null,
    batch_id bigint not null, at timestamptz not null, sbp double precision, dbp double precision,
    hr double precision, spo2 double precision, rr double precision, recorded_at timestamptz not null default now());
  create table if not exists floor_audit (id bigint generated always as identity primary key,
    at timestamptz not null default now(), action text not null, resource_id text, details jsonb);`);

/** One reading: scalar parameters (no arrays to build or unnest). */
const ONE = {
  name: 'floor_one',
  text: `with k as (
      insert into floor_keys (session_id, key) values ($1, $2) on conflict do nothing returning id
    ), v as (
      insert into floor_vitals (session_id, batch_id, at, sbp, dbp, hr, spo2, rr)
      select $1, k.id, $3, $4, $5, $6, $7, $8 from k returning id
    ), a as (
      insert into floor_audit (action, resource_id, details) select 'create', $1, '{"readings":1}' from k
    )
    select (select id from v) as id, case when $9::text is not null and exists (select 1 from k)
      then pg_notify('floor_alerts', $9) end as notified`,
};
/** A batch: the readings as arrays, one multi-row insert. */
const MANY = {
  name: 'floor_many',
  text: `with k as (
      insert into floor_keys (session_id, key) values ($1, $2) on conflict do nothing returning id
    ), v as (
      insert into floor_vitals (session_id, batch_id, at, sbp, dbp, hr, spo2, rr)
      select $1, k.id, x.at, x.sbp, x.dbp, x.hr, x.spo2, x.rr
        from k, unnest($3::timestamptz[], $4::float8[], $5::float8[], $6::float8[], $7::float8[], $8::float8[])
          as x(at, sbp, dbp, hr, spo2, rr)
      returning id
    ), a as (
      insert into floor_audit (action, resource_id, details)
      select 'create', $1, jsonb_build_object('readings', cardinality($3::timestamptz[])) from k
    )
    select (select count(*) from v) as n, case when $9::text is not null and exists (select 1 from k)
      then pg_notify('floor_alerts', $9) end as notified`,
};

interface Reading {
  at: string;
  sbp?: number;
  dbp?: number;
  hr?: number;
  spo2?: number;
  rr?: number;
}

/** The first reading under SpO2 92, as the payload its alert carries; null when none. */
function alertOf(sessionId: string, readings: Reading[]): string | null {
  const r = readings.find((x) => typeof x.spo2 === 'number' && x.spo2 < 92);
  return r ? JSON.stringify({ sessionId, parameter: 'spo2', value: r.spo2, at: r.at }) : null;
}

async function store(sessionId: string, key: string, readings: Reading[]) {
  const alert = alertOf(sessionId, readings);
  if (readings.length === 1) {
    const r = readings[0] as Reading;
    const res = await pool.query({
      ...ONE,
      values: [
        sessionId,
        key,
        r.at,
        r.sbp ?? null,
        r.dbp ?? null,
        r.hr ?? null,
        r.spo2 ?? null,
        r.rr ?? null,
        alert,
      ],
    });
    return res.rows[0].id ? 1 : 0;
  }
  const col = (k: keyof Reading) => readings.map((r) => r[k] ?? null);
  const res = await pool.query({
    ...MANY,
    values: [sessionId, key, col('at'), col('sbp'), col('dbp'), col('hr'), col('spo2'), col('rr'), alert],
  });
  return Number(res.rows[0].n);
}

const clients = new Set<http.ServerResponse>();
const listener = new pg.Client({ connectionString: url });
await listener.connect();
await listener.query('listen floor_alerts');
listener.on('notification', (n) => {
  for (const res of clients) res.write(`event: alert\ndata: ${n.payload}\n\n`);
});

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/events') {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    res.write(': connected\n\n');
    clients.add(res);
    req.on('close', () => clients.delete(res));
    return;
  }
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (c: string) => {
    body += c;
  });
  req.on('end', () => {
    let input: { sessionId: string; idempotencyKey: string; readings: Reading[] };
    try {
      input = JSON.parse(body);
      if (!Array.isArray(input.readings) || !input.readings.length) throw new Error('no readings');
    } catch {
      res.writeHead(400).end();
      return;
    }
    store(input.sessionId, input.idempotencyKey, input.readings).then(
      (n) => {
        res.writeHead(n ? 201 : 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ stored: n }));
      },
      (e: unknown) => {
        console.error(e);
        res.writeHead(500).end();
      },
    );
  });
});
server.listen(0, '127.0.0.1', () => {
  const a = server.address() as { port: number };
  console.log(JSON.stringify({ floorReady: true, port: a.port }));
});
process.on('SIGTERM', () => {
  for (const res of clients) res.end();
  server.close();
  void Promise.all([pool.end(), listener.end()]).finally(() => process.exit(0));
});
