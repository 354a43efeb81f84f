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
 *    wall time; beside it the floor: 50 concurrent transactions on the driver that each take the chair's lock
 *    and insert, refused by the same exclusion constraint.
 *
 * Run: `npm run bench -- scheduling`. Env: BENCH_YEARS (default 5), BENCH_RUNS (default 30).
 * Exit code 1 when a target is missed.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { type Database, migrate, openDatabase, toJson } from '@plasticity/db';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { hashPassword } from '../apps/server/src/modules/auth/passwords.ts';

const YEARS = Number(process.env.BENCH_YEARS ?? 5);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const PASSWORD = 'bench-scheduling-password';
const DAY = 86_400_000;
const CHAIRS = 20;
const CLINICIANS = 30;
const PATIENTS = 3000;
/** Local start hours of the four visits a chair holds each day, every day of the week (UTC in the bench clinic). */
const SLOTS = [8, 10.5, 13, 15.5];
const TARGET_MS = { embedded: 200, server: 50 };

const pct = (xs: number[], p: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] as number;
};
const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;

interface Seeded {
  clinicId: string;
  adminEmail: string;
  chairIds: string[];
  patientIds: string[];
  count: number;
  insertMs: number;
}

async function seed(database: Database): Promise<Seeded> {
  const db = database.db;
  const clinic = await db
    .insertInto('clinics')
    .values({ name: 'Bench Clinic', address: toJson({}), settings: toJson({ mfaRequiredRoles: [] }) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const hash = await hashPassword(PASSWORD);
  const adminEmail = `bench-admin-${randomUUID().slice(0, 8)}@bench.example`;
  const admin = await db
    .insertInto('users')
    .values({
      email: adminEmail,
      display_name: 'Bench Admin',
      password_hash: hash,
      recovery_codes: toJson([]),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('memberships')
    .values({ clinic_id: clinic.id, user_id: admin.id, role: 'admin' })
    .execute();
  const clinicianIds: string[] = [];
  for (let i = 0; i < CLINICIANS; i++) {
    const u = await db
      .insertInto('users')
      .values({
        email: `clinician${i}-${randomUUID().slice(0, 6)}@bench.example`,
        display_name: `Clinician ${i + 1}`,
        password_hash: null,
        recovery_codes: toJson([]),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('memberships')
      .values({
        clinic_id: clinic.id,
        user_id: u.id,
        role: i % 3 === 2 ? 'therapist' : i % 3 ? 'nurse' : 'prescriber',
      })
      .execute();
    clinicianIds.push(u.id);
  }
  const chairIds: string[] = [];
  for (let i = 0; i < CHAIRS; i++) {
    const c = await db
      .insertInto('chairs')
      .values({ clinic_id: clinic.id, name: `Chair ${i + 1}`, kind: 'infusion_chair', sort_order: i })
      .returning('id')
      .executeTakeFirstOrThrow();
    chairIds.push(c.id);
  }
  const patientIds: string[] = [];
  for (let i = 0; i < PATIENTS; i += 500) {
    const rows = await db
      .insertInto('patients')
      .values(
        Array.from({ length: Math.min(500, PATIENTS - i) }, (_, k) => ({
          clinic_id: clinic.id,
          mrn: `B${String(i + k).padStart(6, '0')}`,
          first_name: `Pat${i + k}`,
          last_name: 'Bench',
          date_of_birth: '1980-01-01',
          sex: 'unknown',
        })),
      )
      .returning('id')
      .execute();
    patientIds.push(...rows.map((r) => r.id));
  }
  // The history ends two weeks from now: past years, this week and the booked weeks ahead.
  const end = new Date(Math.floor(Date.now() / DAY) * DAY + 14 * DAY);
  const days = Math.round(YEARS * 365.25);
  const t0 = process.hrtime.bigint();
  for (let y = 0; y < Math.ceil(days / 365); y++) {
    const first = y * 365;
    const last = Math.min(days, first + 365) - 1;
    // Chair c at slot s of day d: clinician (c + 7s + d) mod 30 — distinct among the 20 chairs of one slot.
    await sql`
      insert into appointments (clinic_id, patient_id, type, status, start_at, end_at, held_until, chair_id,
                                clinician_id, protocol_id, created_at, updated_at)
      select ${clinic.id}::uuid,
             (${patientIds}::uuid[])[1 + ((d * 131 + c * 17 + s * 7) % ${PATIENTS})],
             'dosing',
             case when (d + c + s) % 20 = 0 then 'cancelled' else 'completed' end,
             t, t + interval '110 minutes', t + interval '125 minutes',
             (${chairIds}::uuid[])[1 + c],
             (${clinicianIds}::uuid[])[1 + ((c + 7 * s + d) % ${CLINICIANS})],
             'default-iv-ketamine-trd', t - interval '7 days', t - interval '7 days'
        from generate_series(${first}::int, ${last}::int) d,
             generate_series(0, ${CHAIRS - 1}) c,
             generate_series(0, ${SLOTS.length - 1}) s,
             lateral (select ${end}::timestamptz - make_interval(days => ${days} - d)
                             + make_interval(mins => (array[${sql.join(SLOTS.map((h) => h * 60))}])[1 + s]::int)) as x(t)`.execute(
      db,
    );
  }
  const insertMs = ms(t0);
  // Statistics as autovacuum keeps them on a running server (the planner needs the patients, chairs and users too).
  await sql`analyze`.execute(db);
  const count = Number(
    (
      await sql<{
        n: number;
      }>`select count(*)::int as n from appointments where clinic_id = ${clinic.id}`.execute(db)
    ).rows[0]?.n,
  );
  return { clinicId: clinic.id, adminEmail, chairIds, patientIds, count, insertMs };
}

/** The cheapest correct program for the week view: one prepared statement with the same joins, serialized. */
/**
 * The cheapest correct program for the week view: a bare HTTP server answering one prepared statement with the
 * same joins as JSON, asked by the same client over the same loopback. Returns the fetch and a stop function.
 */
async function weekFloor(database: Database, clinicId: string) {
  const rowsOf = (from: Date, to: Date) =>
    sql<Record<string, unknown>>`-- prepare:bench_week_floor
      select a.id, a.patient_id, p.first_name, p.last_name, a.type, a.status, a.start_at, a.end_at,
             a.held_until, a.chair_id, c.name as chair_name, a.clinician_id, u.display_name as clinician_name,
             a.protocol_id, a.plan_id, tp.status as plan_status, a.course_id, a.course_index, a.session_id,
             a.notes, a.booked_via, a.status_reason, a.confirmed_at, a.escort_name, a.escort_phone,
             a.fasting_confirmed, a.no_driving_confirmed, a.reschedule_requested_at, a.reschedule_note,
             a.created_at, a.updated_at
        from appointments a
        join patients p on p.id = a.patient_id and p.clinic_id = a.clinic_id
        left join chairs c on c.id = a.chair_id
        left join users u on u.id = a.clinician_id
        left join plan_treatment_plans tp on tp.id = a.plan_id
       where a.clinic_id = ${clinicId} and a.start_at < ${to} and a.end_at > ${from}
         and a.start_at >= ${new Date(from.getTime() - 600 * 60_000)} and a.status <> 'cancelled'
       order by a.start_at, a.id`.execute(database.db);
  const server = createServer((req, res) => {
    const q = new URL(req.url ?? '/', 'http://floor').searchParams;
    rowsOf(new Date(q.get('from') ?? ''), new Date(q.get('to') ?? '')).then(
      (r) => {
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.end(JSON.stringify({ items: r.rows }));
      },
      (e: unknown) => {
        res.statusCode = 500;
        res.end(String(e));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const fetchWeek = async (from: Date, to: Date): Promise<{ t: number; n: number }> => {
    const t0 = process.hrtime.bigint();
    const r = await fetch(
      `http://127.0.0.1:${port}/?${new URLSearchParams({ from: from.toISOString(), to: to.toISOString() })}`,
    );
    const bytes = await r.arrayBuffer();
    const t = ms(t0);
    const n = (JSON.parse(new TextDecoder().decode(bytes)) as { items: unknown[] }).items.length;
    return { t, n };
  };
  const stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return { fetchWeek, stop };
}

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
  // Floor: the same 50 attempts an hour later, each the least a correct program does — a transaction that
  // takes the chair's lock (concurrent inserts checked by an exclusion constraint otherwise deadlock, and
  // PostgreSQL resolves each deadlock only after deadlock_timeout) and inserts, refused by the same constraint.
  const at2 = new Date(at.getTime() + 3_600_000);
  const f0 = process.hrtime.bigint();
  const floorAnswers = await Promise.allSettled(
    Array.from({ length: 50 }, (_, i) =>
      database.db.transaction().execute(async (trx) => {
        await sql`select pg_advisory_xact_lock(hashtext(${`bench-chair:${chairId}`}))`.execute(trx);
        await trx
          .insertInto('appointments')
          .values({
            clinic_id: s.clinicId,
            patient_id: s.patientIds[i] as string,
            type: 'consultation',
            start_at: at2,
            end_at: new Date(at2.getTime() + 3_600_000),
            held_until: new Date(at2.getTime() + 3_600_000),
            chair_id: chairId,
          })
          .execute();
      }),
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
