/**
 * Audit report benchmark (target: at 100,000 entries a filtered, sorted page answers in under
 * 300 ms and the CSV in under 2 s).
 *
 * On the embedded database (in memory) and, when BENCH_DATABASE_URL or TEST_DATABASE_URL is set,
 * on that PostgreSQL server (in a private schema, dropped at the end): inserts 100,000 audit entries
 * for one clinic (30 staff, 2,000 patients, a realistic action mix over 90 days) in batches, seals
 * them into the hash chain, then times through the real HTTP app (Fastify inject, full hook chain:
 * session, policy, validation, audit of the query itself):
 *  - filtered, sorted pages (one user's reads in 30 days by time desc and by user email asc; all
 *    reads in 30 days by time; everything by user email) — p50/p95 over RUNS requests;
 *  - CSV exports (one user's reads in 30 days; all reads in 30 days; the whole log).
 * Beside each figure: a floor measured in the same run — the same SQL run directly on the driver,
 * plus JSON.stringify of the rows (page) or a plain join (CSV) — and the ratio app/floor.
 *
 * Run: `npm run bench -- audit` (or `node --import tsx bench/audit-report.bench.ts`).
 * Env: BENCH_ENTRIES (default 100000), BENCH_RUNS (default 25).
 */
import { randomUUID } from 'node:crypto';
import { type Database, migrate, openDatabase, toJson } from '@plasticity/db';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { sealPending, verifyChain } from '../apps/server/src/modules/audit/chain.ts';
import { hashPassword } from '../apps/server/src/modules/auth/passwords.ts';

const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const PASSWORD = 'bench-audit-report-password';
const DAY = 86_400_000;
const TARGET = { pageMs: 300, csvMs: 2000 };

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] as number;
};
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

/** Seeded PRNG (mulberry32) so every run inserts the same distribution. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ACTIONS: Array<[string, number]> = [
  ['read', 0.5],
  ['query', 0.15],
  ['update', 0.1],
  ['login', 0.1],
  ['create', 0.05],
  ['logout', 0.05],
  ['export', 0.03],
  ['print', 0.02],
];
const ROLES = ['prescriber', 'nurse', 'nurse', 'therapist', 'front_desk', 'admin'];

async function seed(database: Database) {
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
  const users = Array.from({ length: 30 }, (_, i) => ({
    id: randomUUID(),
    email: `staff${String(i).padStart(2, '0')}@bench.example`,
    role: ROLES[i % ROLES.length] as string,
  }));
  const patients = Array.from({ length: 2000 }, () => randomUUID());
  const rand = rng(42);
  const now = Date.now();
  const rows = Array.from({ length: ENTRIES }, () => {
    const u = users[Math.floor(rand() ** 1.5 * users.length)] as (typeof users)[number]; // some staff far busier
    let x = rand();
    let action = 'read';
    for (const [a, w] of ACTIONS) {
      x -= w;
      if (x <= 0) {
        action = a;
        break;
      }
    }
    const withPatient = ['read', 'update', 'create', 'print', 'export'].includes(action);
    return {
      at: new Date(now - rand() * 90 * DAY),
      clinic_id: clinic.id,
      user_id: u.id,
      user_email: u.email,
      role: u.role,
      patient_id: withPatient ? (patients[Math.floor(rand() * patients.length)] as string) : null,
      action,
      resource_type: action === 'login' || action === 'logout' ? 'session' : 'patient',
      resource_id: randomUUID(),
      category: withPatient ? 'demographics' : null,
      outcome: rand() < 0.02 ? 'failure' : 'success',
      source_address: `10.0.${Math.floor(rand() * 4)}.${Math.floor(rand() * 250)}`,
      details: toJson<Record<string, unknown>>({ n: Math.floor(rand() * 100) }),
    };
  });
  rows.sort((a, b) => a.at.getTime() - b.at.getTime()); // inserted in time order, as in real life
  let t0 = process.hrtime.bigint();
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('audit_log')
      .values(rows.slice(i, i + 1000))
      .execute();
  const insertMs = ms(t0);
  t0 = process.hrtime.bigint();
  while ((await sealPending(db)) > 0);
  const sealMs = ms(t0);
  t0 = process.hrtime.bigint();
  const v = await verifyChain(db);
  const verifyMs = ms(t0);
  if (!v.ok) throw new Error(`chain does not verify: ${JSON.stringify(v.firstBad)}`);
  await sql`analyze audit_log`.execute(db);
  // The busiest clinician with reads: the heaviest "one user" filter.
  return {
    clinicId: clinic.id,
    adminEmail,
    user: users[0] as (typeof users)[number],
    insertMs,
    sealMs,
    verifyMs,
    checked: v.checked,
  };
}

interface Case {
  name: string;
  query: Record<string, string>;
}

async function benchBackend(label: string, database: Database) {
  const s = await seed(database);
  console.log(
    `${label}: ${ENTRIES} entries inserted in ${(s.insertMs / 1000).toFixed(1)} s, sealed in ${(s.sealMs / 1000).toFixed(1)} s, chain verified (${s.checked}) in ${(s.verifyMs / 1000).toFixed(1)} s`,
  );
  const config = { ...loadConfig({}), demo: false, auditSealIntervalMs: 500 };
  const built = await buildApp({ database, config, serveWeb: false });
  const app = built.app;
  await app.ready();
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: s.adminEmail, password: PASSWORD },
  });
  if (login.statusCode !== 200) throw new Error(`bench login failed: ${login.body}`);
  const cookie = String([login.headers['set-cookie']].flat()[0]).split(';')[0] as string;
  const now = Date.now();
  const from = new Date(now - 30 * DAY).toISOString();
  const to = new Date(now + DAY).toISOString();
  const pages: Case[] = [
    {
      name: 'one user, reads, 30 days, at desc',
      query: { userId: s.user.id, action: 'read', from, to, sort: 'at', order: 'desc' },
    },
    {
      name: 'one user, reads, 30 days, userEmail asc',
      query: { userId: s.user.id, action: 'read', from, to, sort: 'userEmail', order: 'asc' },
    },
    { name: 'all reads, 30 days, at desc', query: { action: 'read', from, to, sort: 'at', order: 'desc' } },
    {
      name: 'all reads, 30 days, patientId asc',
      query: { action: 'read', from, to, sort: 'patientId', order: 'asc' },
    },
    { name: 'everything, userEmail asc', query: { sort: 'userEmail', order: 'asc' } },
  ];
  const csvs: Case[] = [
    { name: 'CSV one user, reads, 30 days', query: pages[0]?.query as Record<string, string> },
    { name: 'CSV all reads, 30 days', query: pages[2]?.query as Record<string, string> },
    { name: 'CSV everything', query: { sort: 'at', order: 'desc' } },
  ];
  const results: Array<Record<string, string | number>> = [];
  const get = async (q: Record<string, string>) => {
    const t0 = process.hrtime.bigint();
    const r = await app.inject({
      method: 'GET',
      url: `/api/v1/audit?${new URLSearchParams(q)}`,
      headers: { cookie },
    });
    const t = ms(t0);
    if (r.statusCode !== 200) throw new Error(`GET /api/v1/audit → ${r.statusCode} ${r.body.slice(0, 200)}`);
    return { t, body: r.body };
  };

  for (const c of pages) {
    const floor = await floorQuery(database, s.clinicId, c.query, 'page');
    await get({ ...c.query, limit: '50' }); // warm-up
    const app_: number[] = [];
    const floor_: number[] = [];
    let total = 0;
    for (let i = 0; i < RUNS; i++) {
      const r = await get({ ...c.query, limit: '50' });
      app_.push(r.t);
      total = JSON.parse(r.body).total;
      floor_.push(await floor());
    }
    results.push(row(label, c.name, `${total} match`, app_, floor_, TARGET.pageMs));
    console.log(
      `  ${c.name}: app p50 ${pct(app_, 50).toFixed(1)} ms, floor p50 ${pct(floor_, 50).toFixed(1)} ms`,
    );
  }
  for (const c of csvs) {
    const floor = await floorQuery(database, s.clinicId, c.query, 'csv');
    const n = c.name === 'CSV everything' ? 5 : Math.max(5, Math.floor(RUNS / 2));
    const app_: number[] = [];
    const floor_: number[] = [];
    let lines = 0;
    for (let i = 0; i < n; i++) {
      const r = await get({ ...c.query, format: 'csv' });
      app_.push(r.t);
      lines = r.body.split('\r\n').length - 2;
      floor_.push(await floor());
    }
    results.push(row(label, c.name, `${lines} rows`, app_, floor_, TARGET.csvMs));
    console.log(
      `  ${c.name}: app p50 ${pct(app_, 50).toFixed(1)} ms, floor p50 ${pct(floor_, 50).toFixed(1)} ms`,
    );
  }
  await built.stop();
  await app.close();
  return results;
}

function row(backend: string, name: string, size: string, app: number[], floor: number[], targetMs: number) {
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
    target: `< ${targetMs} ms`,
    ok: p95 < targetMs ? 'yes' : 'NO',
  };
}

/** The same SQL the route runs (filters, order, page or all rows), straight on the driver, plus serializing. */
async function floorQuery(
  database: Database,
  clinicId: string,
  q: Record<string, string>,
  kind: 'page' | 'csv',
) {
  const col = { at: 'at', userEmail: 'user_email', patientId: 'patient_id' }[q.sort ?? 'at'] as string;
  const dir = q.order === 'asc' ? 'asc' : 'desc';
  const where = [sql`clinic_id = ${clinicId}`];
  if (q.from) where.push(sql`at >= ${new Date(q.from)}`);
  if (q.to) where.push(sql`at < ${new Date(q.to)}`);
  if (q.userId) where.push(sql`user_id = ${q.userId}`);
  if (q.action) where.push(sql`action = ${q.action}`);
  const w = sql.join(where, sql` and `);
  const cols = sql`id, seq, at, user_id, user_email, role, patient_id, action, resource_type, resource_id, category, outcome, source_address`;
  const order = sql.raw(`order by ${col} ${dir} nulls last, at ${dir}, created_seq ${dir}`);
  return async () => {
    const t0 = process.hrtime.bigint();
    if (kind === 'page') {
      const [rows] = await Promise.all([
        sql`select ${cols} from audit_log where ${w} ${order} limit 50`.execute(database.db),
        sql`select count(*) from audit_log where ${w}`.execute(database.db),
      ]);
      JSON.stringify(rows.rows);
    } else {
      const rows = await sql<
        Record<string, unknown>
      >`select ${cols} from audit_log where ${w} ${order}`.execute(database.db);
      rows.rows.map((r) => Object.values(r).join(',')).join('\r\n');
    }
    return ms(t0);
  };
}

export async function run() {
  const all: Array<Record<string, string | number>> = [];
  const embedded = await openDatabase({ kind: 'pglite' });
  try {
    await migrate(embedded.db);
    all.push(...(await benchBackend('embedded (PGlite)', embedded)));
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
        all.push(...(await benchBackend('PostgreSQL server', server)));
      } finally {
        await server.close();
      }
    } finally {
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    }
  } else console.log('BENCH_DATABASE_URL / TEST_DATABASE_URL not set: PostgreSQL server skipped.');
  console.table(all);
  return all;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run().then(
    (r) => process.exit(r.some((x) => x.ok === 'NO') ? 1 : 0),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
