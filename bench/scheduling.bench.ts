/**
 * Scheduling benchmark. Targets: a clinic with 20 chairs, 30 clinicians and five years of history (about
 * 150,000 appointments): the week view of all chairs (`GET /api/v1/appointments?from&to`) answers p95 < 50 ms
 * on PostgreSQL and < 200 ms embedded; 50 concurrent booking attempts for one chair and time produce exactly
 * one appointment.
 *
 * On the embedded database (in memory) and, when BENCH_DATABASE_URL or TEST_DATABASE_URL is set, on that
 * PostgreSQL server (a private schema, dropped at the end): inserts the history in one statement per year
 * (4 visits a day per chair, every day, each with a clinician, 5 % cancelled: about 146,000), then times the
 * real app over loopback HTTP (session, policy, validation, the audit entry of the query, the response read):
 *  - the week view of all chairs, a week in the past and the current week — p50/p95 over RUNS requests, timed
 *    until the last byte arrives; beside it the floor: a bare HTTP server answering one prepared statement
 *    with the same rows and joins (patient, chair, clinician, plan) as JSON, fetched the same way;
 *  - 50 booking attempts for one chair and time at once: how many 201 and 409, rows in the table, and the
 *    wall time; beside it the floor: 50 concurrent autocommit statements on the driver that each take the
 *    chair's lock and insert (one round trip each), refused by the same exclusion constraint.
 *
 * Run: `npm run bench -- scheduling`. Env: BENCH_YEARS (default 5), BENCH_RUNS (default 30).
 * Exit code 1 when a target is missed.
 */
import { type Database, migrate, openDatabase } from '@plasticity/db';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { DAY, ms, PASSWORD, pct, seed, weekFloor } from './scheduling-support.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const TARGET_MS = { embedded: 200, server: 50 };

type Row = Record<string, string | number>;

async function benchBackend(label: string, database: Database, targetMs: number): Promise<Row[]> {
  const s = await seed(database);
  console.log(
    `${label}: ${s.count.toLocaleString('en-US')} appointments inserted in ${(s.insertMs / 1000).toFixed(1)} s`,
  );
  const config = { ...loadConfig({}), demo: false };
  const built = await buildApp({ database, config, serveWeb: false });
  const app = built.app;
  // Over loopback HTTP, as a browser asks (keep-alive connections of Node's fetch).
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: s.adminEmail, password: PASSWORD }),
  });
  const loginBody = await login.text();
  if (login.status !== 200) throw new Error(`bench login failed: ${loginBody}`);
  const cookie = String(login.headers.getSetCookie()[0]).split(';')[0] as string;
  const csrf = (JSON.parse(loginBody) as { csrfToken?: string }).csrfToken;
  const results: Row[] = [];
  const weekFloorServer = await weekFloor(database, s.clinicId);
  const floor = weekFloorServer.fetchWeek;
  const monday = (at: number): Date => {
    const d = new Date(Math.floor(at / DAY) * DAY);
    return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY);
  };
  const weeks = [
    { name: 'week view, all chairs, this week', from: monday(Date.now()) },
    { name: 'week view, all chairs, 3 years ago', from: monday(Date.now() - 3 * 365 * DAY) },
  ];
  for (const w of weeks) {
    const to = new Date(w.from.getTime() + 7 * DAY);
    const url = `/api/v1/appointments?${new URLSearchParams({ from: w.from.toISOString(), to: to.toISOString() })}`;
    const get = async (): Promise<{ t: number; n: number }> => {
      const t0 = process.hrtime.bigint();
      const r = await fetch(`${base}${url}`, { headers: { cookie } });
      // Timed until the last byte has arrived; decoding and parsing are the client's work, done after.
      const bytes = await r.arrayBuffer();
      const t = ms(t0);
      const body = new TextDecoder().decode(bytes);
      if (r.status !== 200) throw new Error(`GET ${url} → ${r.status} ${body.slice(0, 300)}`);
      return { t, n: (JSON.parse(body) as { items: unknown[] }).items.length };
    };
    await get();
    await floor(w.from, to);
    const appT: number[] = [];
    const floorT: number[] = [];
    let n = 0;
    let fn = 0;
    for (let i = 0; i < RUNS; i++) {
      const a = await get();
      appT.push(a.t);
      n = a.n;
      const f = await floor(w.from, to);
      floorT.push(f.t);
      fn = f.n;
    }
    if (n !== fn) throw new Error(`the week view answered ${n} appointments, the floor ${fn}`);
    results.push(row(label, w.name, `${n} visits`, appT, floorT, targetMs));
  }
  // 50 concurrent booking attempts for one chair and time, a week from now at 18:00 (no history there).
  const at = new Date(monday(Date.now()).getTime() + 7 * DAY + 18 * 3_600_000);
  const chairId = s.chairIds[0] as string;
  const t0 = process.hrtime.bigint();
  const answers = await Promise.all(
    Array.from({ length: 50 }, (_, i) =>
      fetch(`${base}/api/v1/appointments`, {
        method: 'POST',
        headers: {
          cookie,
          origin: base,
          'content-type': 'application/json',
          ...(csrf ? { 'x-csrf-token': csrf } : {}),
        },
        body: JSON.stringify({
          patientId: s.patientIds[i] as string,
          type: 'consultation',
          start: at.toISOString(),
          durationMin: 60,
          chairId,
        }),
      }).then(async (r) => ({ statusCode: r.status, body: await r.text() })),
    ),
  );
  const bookMs = ms(t0);
  const created = answers.filter((r) => r.statusCode === 201).length;
  const refused = answers.filter((r) => r.statusCode === 409).length;
  const other = answers.filter((r) => r.statusCode !== 201 && r.statusCode !== 409);
  if (other.length)
    throw new Error(`booking answered ${other[0]?.statusCode}: ${other[0]?.body.slice(0, 300)}`);
  const rows = Number(
    (
      await sql<{ n: number }>`select count(*)::int as n from appointments
        where chair_id = ${chairId} and start_at = ${at} and status = 'booked'`.execute(database.db)
    ).rows[0]?.n,
  );
  // Floor: the same 50 attempts an hour later, each the least a correct program does — ONE autocommit statement
  // that takes the chair's lock (concurrent inserts checked by an exclusion constraint otherwise deadlock, and
  // PostgreSQL resolves each deadlock only after deadlock_timeout; a transaction-level advisory lock is held to
  // the statement's own commit) and inserts, refused by the same constraint: one round trip, not BEGIN, lock,
  // insert and COMMIT.
  const at2 = new Date(at.getTime() + 3_600_000);
  const until2 = new Date(at2.getTime() + 3_600_000);
  const f0 = process.hrtime.bigint();
  const floorAnswers = await Promise.allSettled(
    Array.from({ length: 50 }, (_, i) =>
      sql`-- prepare:bench_booking_floor
          insert into appointments (clinic_id, patient_id, type, start_at, end_at, held_until, chair_id)
          select ${s.clinicId}::uuid, ${s.patientIds[i] as string}::uuid, 'consultation', ${at2}::timestamptz,
                 ${until2}::timestamptz, ${until2}::timestamptz, ${chairId}::uuid
            from (select pg_advisory_xact_lock(hashtext(${`bench-chair:${chairId}`}))) as chair_lock`.execute(
        database.db,
      ),
    ),
  );
  const floorMs = ms(f0);
  const floorCreated = floorAnswers.filter((r) => r.status === 'fulfilled').length;
  console.log(
    `  50 concurrent bookings of one chair and time: ${created} × 201, ${refused} × 409, ${rows} row(s), ${bookMs.toFixed(0)} ms (floor: ${floorCreated} insert(s) of 50 in ${floorMs.toFixed(0)} ms)`,
  );
  results.push({
    backend: label,
    case: '50 concurrent bookings, one chair and time',
    size: `${created} × 201, ${refused} × 409, ${rows} row`,
    'app p50 ms': +bookMs.toFixed(1),
    'app p95 ms': +bookMs.toFixed(1),
    'floor p50 ms': +floorMs.toFixed(1),
    'ratio p50': +(bookMs / floorMs).toFixed(2),
    target: 'exactly one',
    ok: created === 1 && refused === 49 && rows === 1 && floorCreated === 1 ? 'yes' : 'NO',
  });
  await weekFloorServer.stop();
  await built.stop();
  await app.close();
  return results;
}

function row(
  backend: string,
  name: string,
  size: string,
  app: number[],
  floor: number[],
  targetMs: number,
): Row {
  const p50 = pct(app, 50);
  const p95 = pct(app, 95);
  const f50 = pct(floor, 50);
  return {
    backend,
    case: name,
    size,
    'app p50 ms': +p50.toFixed(1),
    'app p95 ms': +p95.toFixed(1),
    'floor p50 ms': +f50.toFixed(1),
    'ratio p50': +(p50 / f50).toFixed(2),
    target: `p95 < ${targetMs} ms`,
    ok: p95 < targetMs ? 'yes' : 'NO',
  };
}

export async function run(): Promise<void> {
  const all: Row[] = [];
  const embedded = await openDatabase({ kind: 'pglite' });
  try {
    await migrate(embedded.db);
    all.push(...(await benchBackend('embedded (PGlite)', embedded, TARGET_MS.embedded)));
  } finally {
    await embedded.close();
  }
  const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (url) {
    if (!/@(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(url))
      throw new Error(
        'the benchmark talks to loopback only: BENCH_DATABASE_URL must point at 127.0.0.1/localhost',
      );
    const schema = `plasticity_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    try {
      const server = await openDatabase({ kind: 'postgres', url, schema, poolSize: 10 });
      try {
        await migrate(server.db);
        all.push(...(await benchBackend('PostgreSQL server', server, TARGET_MS.server)));
      } finally {
        await server.close();
      }
    } finally {
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    }
  } else console.log('BENCH_DATABASE_URL / TEST_DATABASE_URL not set: PostgreSQL server skipped.');
  console.table(all);
  if (all.some((r) => r.ok !== 'yes')) process.exitCode = 1;
}

await run();
