/**
 * FHIR Bulk Data export benchmark. Targets: a Bulk Data export of 1,000,000 Observations on PostgreSQL runs at
 * ≥ 50,000 resources/s, with the server's resident memory growing < 100 MB during the export; printed beside a
 * floor measured in the same run — a plain `COPY (select …) TO STDOUT` of the same rows into a file (psql, the
 * PostgreSQL client), or, embedded or without psql, a server-side cursor fetch of the same rows written as
 * tab-separated lines.
 *
 * On PostgreSQL (BENCH_DATABASE_URL or TEST_DATABASE_URL, a private schema dropped at the end) and on the embedded
 * database (in memory; BENCH_SKIP_EMBEDDED=1 leaves it out): seeds one clinic with 2,000 patients, their
 * discharged dosing sessions and readings holding all five vital signs (5 Observations each) straight into the
 * tables, `analyze`; then runs the app in this process (`buildApp`), kicks the export off through HTTP as the
 * clinic's admin (`GET /fhir/R4/$export?_type=Observation`, Fastify inject), and times the worker's tick
 * (`runBulkExportTick`, what the background job runs), sampling `process.memoryUsage().rss` every 20 ms from
 * just before the kick-off to the end. The manifest's count and the file's lines are checked against the seed.
 * The process is the server: RSS includes the embedded database's own memory when it runs embedded.
 *
 * Run: `npm run bench -- fhir-export`. Env: BENCH_OBSERVATIONS (default 1000000), BENCH_SKIP_EMBEDDED=1.
 * Exit code 1 when a PostgreSQL target is missed (the embedded figures are shown, not judged).
 */
import { execFileSync, spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { type Database, migrate, openDatabase, toJson } from '@plasticity/db';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { hashPassword } from '../apps/server/src/modules/auth/passwords.ts';
import { cursorBatches } from '../apps/server/src/modules/fhir/bulk/export-cursor.ts';
import { runBulkExportTick } from '../apps/server/src/modules/fhir/bulk/index.ts';
import { observationSource } from '../apps/server/src/modules/fhir/observation-source.ts';
import { ms } from './scheduling-support.ts';

const OBSERVATIONS = Number(process.env.BENCH_OBSERVATIONS ?? 1_000_000);
const PATIENTS = 2000;
const SIGNS_PER_READING = 5;
const READINGS_PER_SESSION = 20;
const TARGET_RATE = 50_000;
const TARGET_RSS_MB = 100;
const PASSWORD = 'bench-fhir-export-password';
const MB = 1024 * 1024;

type Row = Record<string, string | number>;

/** One clinic whose records map to exactly OBSERVATIONS Observations, written straight into the tables. */
async function seed(database: Database) {
  const db = database.db;
  const t0 = process.hrtime.bigint();
  const clinic = await db
    .insertInto('clinics')
    .values({ name: 'Bench Export', address: toJson({}), settings: toJson({ mfaRequiredRoles: [] }) })
    .returning('id')
    .executeTakeFirstOrThrow();
  const email = `bench-export-${clinic.id.slice(0, 8)}@bench.example`;
  const admin = await db
    .insertInto('users')
    .values({
      email,
      display_name: 'Bench Admin',
      password_hash: await hashPassword(PASSWORD),
      recovery_codes: toJson([]),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('memberships')
    .values({ clinic_id: clinic.id, user_id: admin.id, role: 'admin' })
    .execute();
  const readings = Math.ceil(OBSERVATIONS / SIGNS_PER_READING);
  const sessions = Math.ceil(readings / READINGS_PER_SESSION);
  await sql`insert into patients (clinic_id, mrn, first_name, last_name, date_of_birth, sex)
    select ${clinic.id}, 'B' || g, 'Bench', 'Patient ' || g, date '1970-01-01' + (g % 15000), 'female'
      from generate_series(1, ${PATIENTS}::int) g`.execute(db);
  await sql`insert into dosing_sessions (clinic_id, patient_id, protocol_id, protocol_version, protocol, chair,
      scheduled_at, status, discharged_at)
    select ${clinic.id}, p.id, 'bench', 1, '{}'::jsonb, 'Chair 1', now() - (g || ' hours')::interval, 'discharged',
           now() - (g || ' hours')::interval + interval '2 hours'
      from generate_series(1, ${sessions}::int) g
      join (select id, row_number() over (order by id) - 1 as n from patients where clinic_id = ${clinic.id}) p
        on p.n = g % ${PATIENTS}`.execute(db);
  // Readings numbered 0…readings-1 across the sessions; the last reading holds only the signs that complete the count.
  await sql`insert into session_vitals (clinic_id, session_id, at, sbp, dbp, hr, spo2, rr, temp_c, recorded_at)
    select ${clinic.id}, s.id, s.scheduled_at + (r.k * 5 || ' minutes')::interval,
           110 + (r.n % 30), 70 + (r.n % 15),
           case when r.n * 5 + 1 < ${OBSERVATIONS} then 60 + (r.n % 40) end,
           case when r.n * 5 + 2 < ${OBSERVATIONS} then 94 + (r.n % 6) end,
           case when r.n * 5 + 3 < ${OBSERVATIONS} then 12 + (r.n % 8) end,
           case when r.n * 5 + 4 < ${OBSERVATIONS} then 36.5 + (r.n % 10) / 10.0 end,
           s.scheduled_at + (r.k * 5 || ' minutes')::interval
      from (select id, scheduled_at, row_number() over (order by id) - 1 as i
              from dosing_sessions where clinic_id = ${clinic.id}) s
      cross join lateral (select s.i * ${READINGS_PER_SESSION} + k as n, k
                            from generate_series(0, ${READINGS_PER_SESSION - 1}::int) k) r
     where r.n < ${readings}`.execute(db);
  await sql`analyze`.execute(db);
  return { clinicId: clinic.id, email, seedMs: ms(t0) };
}

/** The rows the export reads (the Observation relation), as the floor reads them. */
const floorQuery = (clinicId: string) => sql`select * from (${observationSource.relation(clinicId)}) r`;

/** Floor on a PostgreSQL server: `COPY (…) TO STDOUT` by psql into a file. */
async function copyFloor(
  database: Database,
  server: { url: string; schema: string },
  clinicId: string,
  file: string,
): Promise<number> {
  const compiled = floorQuery(clinicId).compile(database.db);
  // psql takes no bind parameters: the clinic id (a uuid this run made) is the only value, written in as a literal.
  if (compiled.parameters.some((p) => p !== clinicId))
    throw new Error('the floor query has other parameters');
  const text = compiled.sql.replace(/\$\d+/g, `'${clinicId}'::uuid`);
  const t0 = process.hrtime.bigint();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      'psql',
      ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', server.url, '-c', `copy (${text}) to stdout`],
      {
        env: { ...process.env, PGOPTIONS: `-c search_path=${server.schema}` },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const out = createWriteStream(file);
    child.stdout.pipe(out);
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? out.on('close', resolve) : reject(new Error(`psql exit ${code}`)),
    );
  });
  return ms(t0);
}

/** Floor without COPY: the same rows through a server-side cursor, each written as a tab-separated line. */
async function cursorFloor(database: Database, clinicId: string, file: string): Promise<number> {
  const t0 = process.hrtime.bigint();
  async function* lines() {
    for await (const rows of cursorBatches<Record<string, unknown>>(database, floorQuery(clinicId), 2000)) {
      let text = '';
      for (const r of rows) text += `${Object.values(r).join('\t')}\n`;
      yield text;
    }
  }
  await pipeline(lines(), createWriteStream(file));
  return ms(t0);
}

async function countLines(file: string): Promise<number> {
  let n = 0;
  for await (const _ of createInterface({ input: createReadStream(file) })) n++;
  return n;
}

function hasPsql(): boolean {
  try {
    execFileSync('psql', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function benchBackend(
  label: string,
  database: Database,
  server: { url: string; schema: string } | null,
): Promise<Row[]> {
  const s = await seed(database);
  console.log(
    `${label}: ${OBSERVATIONS.toLocaleString('en-US')} Observations seeded in ${(s.seedMs / 1000).toFixed(1)} s`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'plasticity-export-bench-'));
  try {
    const config = { ...loadConfig({}), demo: false, bulkExport: { dir, ttlMinutes: 60 } };
    const built = await buildApp({ database, config, serveWeb: false });
    await built.app.ready();
    const login = await built.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: s.email, password: PASSWORD },
    });
    if (login.statusCode !== 200) throw new Error(`bench login failed: ${login.body}`);
    const cookie = String(login.headers['set-cookie']).split(';')[0] as string;

    // The floor first, so the export does not find the rows warmer in the cache than the floor did.
    const floorFile = join(dir, 'floor.txt');
    const copy = server && hasPsql();
    const floorMs = copy
      ? await copyFloor(database, server, s.clinicId, floorFile)
      : await cursorFloor(database, s.clinicId, floorFile);
    const floorLines = await countLines(floorFile);
    if (floorLines !== OBSERVATIONS) throw new Error(`the floor wrote ${floorLines} lines`);

    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const t0 = process.hrtime.bigint();
    const kick = await built.app.inject({
      method: 'GET',
      url: '/fhir/R4/$export?_type=Observation',
      headers: { cookie, prefer: 'respond-async' },
    });
    if (kick.statusCode !== 202) throw new Error(`kick-off → ${kick.statusCode} ${kick.body}`);
    await runBulkExportTick(built.ctx);
    const exportMs = ms(t0);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);

    const poll = new URL(String(kick.headers['content-location'])).pathname;
    const manifest = await built.app.inject({ method: 'GET', url: poll, headers: { cookie } });
    if (manifest.statusCode !== 200) throw new Error(`poll → ${manifest.statusCode} ${manifest.body}`);
    const out = (manifest.json() as { output: { count: number; url: string }[] }).output[0];
    const file = join(dir, new URL(String(out?.url)).pathname.split('/').slice(-2).join('/'));
    const lines = await countLines(file);
    if (out?.count !== OBSERVATIONS || lines !== OBSERVATIONS)
      throw new Error(`the export holds ${out?.count} (${lines} lines), not ${OBSERVATIONS}`);
    const exportRate = OBSERVATIONS / (exportMs / 1000);
    const floorRate = OBSERVATIONS / (floorMs / 1000);
    const growth = (peak - baseline) / MB;
    const judged = server !== null;
    await built.stop();
    await built.app.close();
    console.log(
      `${label}: export ${(exportMs / 1000).toFixed(1)} s (${(statSync(file).size / MB).toFixed(0)} MB of NDJSON), floor ${(floorMs / 1000).toFixed(1)} s (${copy ? 'COPY TO STDOUT by psql' : 'cursor fetch as lines'}), RSS ${(baseline / MB).toFixed(0)} → peak ${(peak / MB).toFixed(0)} MB`,
    );
    const mark = (ok: boolean) => (judged ? (ok ? '✔' : '✘') : '(shown)');
    return [
      {
        backend: label,
        figure: 'resources/s',
        app: Math.round(exportRate),
        floor: Math.round(floorRate),
        ratio: +(exportRate / floorRate).toFixed(2),
        target: `≥ ${TARGET_RATE.toLocaleString('en-US')} ${mark(exportRate >= TARGET_RATE)}`,
      },
      {
        backend: label,
        figure: 'RSS growth MB',
        app: +growth.toFixed(1),
        floor: '-',
        ratio: '-',
        target: `< ${TARGET_RSS_MB} ${mark(growth < TARGET_RSS_MB)}`,
      },
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function run(): Promise<void> {
  const all: Row[] = [];
  const url = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (url) {
    if (!/@(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(url))
      throw new Error(
        'the benchmark talks to loopback only: BENCH_DATABASE_URL must point at 127.0.0.1/localhost',
      );
    const schema = `plasticity_export_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    try {
      const server = await openDatabase({ kind: 'postgres', url, schema, poolSize: 10 });
      try {
        await migrate(server.db);
        all.push(...(await benchBackend('PostgreSQL server', server, { url, schema })));
      } finally {
        await server.close();
      }
    } finally {
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    }
  } else console.log('BENCH_DATABASE_URL / TEST_DATABASE_URL not set: PostgreSQL server skipped.');
  if (process.env.BENCH_SKIP_EMBEDDED !== '1') {
    const embedded = await openDatabase({ kind: 'pglite' });
    try {
      await migrate(embedded.db);
      all.push(...(await benchBackend('embedded (PGlite)', embedded, null)));
    } finally {
      await embedded.close();
    }
  }
  console.table(all);
  for (const r of all)
    console.log(
      `${String(r.target).includes('✘') ? '✘' : String(r.target).includes('✔') ? '✔' : '·'} ${r.backend} ${r.figure}: ${r.app} (floor ${r.floor}, ratio ${r.ratio}) target ${r.target}`,
    );
  if (all.some((r) => String(r.target).includes('✘'))) process.exitCode = 1;
}

await run();
