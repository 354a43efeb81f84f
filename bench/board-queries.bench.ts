/**
 * Board benchmark: the database queries per second that 10 open live boards cause while 50 chairs report
 * vital signs — boards that refetch the whole board on every event (the web board before its cache) against
 * boards that apply events to their cached snapshot and refetch only on session changes (today's web
 * board; both clients are in board-clients.ts). The acceptance: at least ten times fewer.
 *
 * On a PostgreSQL server (BENCH_DATABASE_URL, else TEST_DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/postgres) it creates a fresh database, runs the real app in this
 * process on loopback (demo clinic seeded) and counts every statement the app sends through its database
 * handle (a counting Kysely plugin; the driver's BEGIN/COMMIT are not statements it sees). Statements run
 * on behalf of a board request (GET /api/v1/board, GET /api/v1/board/events: the snapshot, its audit entry,
 * the stream's audit entry and replay) are the boards' (an AsyncLocalStorage tag set per request); the
 * chairs' uploads are the floor both phases share.
 *
 * Load, at a clinic's pace: each of 50 chairs uploads one reading every 5 s (the monitor upload rate of the
 * vitals benchmark); every 10 s one chair changes otherwise (a reading marked entered in error — a session
 * event, after which every board refetches): a session sees about 17 such changes (check-in, checklist,
 * phases, doses, discharge) in ~2.5 hours, one per chair every ~9 minutes, one per ~11 s across 50 chairs.
 * Each phase runs BENCH_SECONDS (default 30) after a 2 s warm-up. Exit code 1 when the ratio is below 10.
 *
 * Statements are the boards' while their request is being answered: work a board request leaves for later
 * (sealing its audit entry into the hash chain, shared with the uploads' entries) is not counted for it.
 * Run alone: `node --import tsx bench/board-queries.bench.ts`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { AddressInfo } from 'node:net';
import { migrate, openDatabase } from '@plasticity/db';
import type { KyselyPlugin } from 'kysely';
import pg from 'pg';
import { buildApp, MODULES } from '../apps/server/src/app.ts';
import { loadConfig } from '../apps/server/src/config.ts';
import { seedDemo } from '../apps/server/src/seed/demo.ts';
import { type BoardClient, type BoardClientKind, openBoardClient } from './board-clients.ts';
import { Http, sessionsInChairs } from './vitals-support.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const BOARDS = 10;
const CHAIRS = 50;
const REPORT_EVERY_MS = 5000;
const SESSION_EVENT_EVERY_MS = 10_000;
const NURSE = 'nurse@freshstart.example';

interface PhaseResult {
  kind: BoardClientKind;
  boardQueries: number;
  boardQps: number;
  totalQps: number;
  fetches: number;
  uploads: number;
  sessionEvents: number;
  malformed: number;
}

const counts = { total: 0, board: 0 };
const tag = new AsyncLocalStorage<{ board: boolean }>();
/** Counts every statement compiled through the app's Kysely handle, and those a board request caused. */
const counting: KyselyPlugin = {
  transformQuery(args) {
    counts.total++;
    if (tag.getStore()?.board) counts.board++;
    return args.node;
  },
  transformResult: async (args) => args.result,
};

const normal = (at: string) => ({ at, sbp: 122, dbp: 78, hr: 72, spo2: 97, rr: 14 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function run(): Promise<{ before: PhaseResult; after: PhaseResult; ratio: number }> {
  const adminUrl =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `plasticity_board_bench_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const database = await openDatabase({
    kind: 'postgres',
    url: Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString(),
    poolSize: 10,
  });
  const built = await buildApp({
    database: {
      kind: database.kind,
      db: database.db.withPlugin(counting),
      listen: (channel, onPayload) => database.listen(channel, onPayload),
      onConnection: (fn) => database.onConnection(fn),
      close: () => database.close(),
    },
    config: { ...loadConfig({}), demo: true },
    serveWeb: false,
  });
  const open: BoardClient[] = [];
  try {
    built.app.addHook('onRequest', (req, _reply, done) =>
      tag.run({ board: req.url.startsWith('/api/v1/board') }, done),
    );
    // Timers a request leaves behind inherit its tag: untag once it is answered (or the stream closes).
    built.app.addHook('onResponse', (_req, _reply, done) => {
      const t = tag.getStore();
      if (t) t.board = false;
      done();
    });
    await migrate(database.db);
    await built.app.ready();
    await seedDemo(built.ctx, MODULES);
    built.start();
    await built.app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(built.app.server.address() as AddressInfo).port}`;

    // Set-up through the API: CHAIRS patients, each with a session today in its chair.
    const setup = new Http(base);
    await setup.login(NURSE);
    const sessions = await sessionsInChairs(
      setup,
      Array.from({ length: CHAIRS }, (_, i) => `C${i + 1}`),
      'BoardChair',
    );
    const reporters = await Promise.all(
      Array.from({ length: 10 }, async () => {
        const h = new Http(base);
        await h.login(NURSE);
        return h;
      }),
    );
    const viewers = await Promise.all(
      Array.from({ length: BOARDS }, async () => {
        const h = new Http(base);
        await h.login(NURSE);
        return h;
      }),
    );
    const stored: Array<{ session: string; vital: string }> = [];
    let seq = 0;

    const phase = async (kind: BoardClientKind): Promise<PhaseResult> => {
      const boards = await Promise.all(viewers.map((v) => openBoardClient(kind, v)));
      open.push(...boards);
      let uploads = 0;
      let sessionEvents = 0;
      let errors = 0;
      const timers: NodeJS.Timeout[] = [];
      for (let c = 0; c < CHAIRS; c++) {
        const report = () => {
          const http = reporters[c % reporters.length] as Http;
          void http
            .request('POST', `/api/v1/sessions/${sessions[c]}/vitals`, {
              idempotencyKey: `b-${seq++}`,
              readings: [normal(new Date().toISOString())],
            })
            .then((r) => {
              if (r.status !== 201) errors++;
              else {
                uploads++;
                const vital = r.body.readings?.[0]?.id;
                if (vital) stored.push({ session: sessions[c] as string, vital });
              }
            });
        };
        timers.push(
          setTimeout(() => timers.push(setInterval(report, REPORT_EVERY_MS)), (c * REPORT_EVERY_MS) / CHAIRS),
        );
      }
      timers.push(
        setInterval(() => {
          const v = stored.splice(Math.floor(Math.random() * stored.length), 1)[0];
          if (!v) return;
          void setup
            .request('POST', `/api/v1/sessions/${v.session}/vitals/${v.vital}/entered-in-error`, {
              reason: 'probe on the wrong finger',
            })
            .then((r) => {
              if (r.status >= 300) errors++;
              else sessionEvents++;
            });
        }, SESSION_EVENT_EVERY_MS),
      );
      await sleep(2000);
      counts.total = 0;
      counts.board = 0;
      uploads = 0;
      sessionEvents = 0;
      for (const b of boards) b.resetCount();
      await sleep(SECONDS * 1000);
      const boardQueries = counts.board;
      const total = counts.total;
      const fetches = boards.reduce((t, b) => t + b.fetches, 0);
      const malformed = boards.reduce((t, b) => t + b.malformed, 0);
      errors += boards.reduce((t, b) => t + b.failures, 0);
      for (const t of timers) clearInterval(t);
      for (const b of boards) b.close();
      open.length = 0;
      await sleep(1500); // let the last requests finish before the next phase
      if (errors) throw new Error(`${errors} requests failed in the ${kind} phase`);
      return {
        kind,
        boardQueries,
        boardQps: +(boardQueries / SECONDS).toFixed(1),
        totalQps: +(total / SECONDS).toFixed(1),
        fetches,
        uploads,
        sessionEvents,
        malformed,
      };
    };

    const before = await phase('refetching');
    const after = await phase('applying');
    const ratio = +(before.boardQps / Math.max(after.boardQps, 1 / SECONDS)).toFixed(1);
    return { before, after, ratio };
  } finally {
    for (const b of open) b.close();
    await built.stop();
    await built.app.close();
    await database.close();
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { before, after, ratio } = await run();
  const row = (label: string, p: PhaseResult) =>
    `  ${label.padEnd(34)} board ${String(p.boardQps).padStart(8)} q/s   all ${String(p.totalQps).padStart(8)} q/s   ` +
    `snapshots ${String(p.fetches).padStart(5)}   uploads ${p.uploads}   session events ${p.sessionEvents}`;
  console.log(
    `\nBoard benchmark (PostgreSQL, loopback, ${BOARDS} boards, ${CHAIRS} chairs every ${REPORT_EVERY_MS / 1000} s, ${SECONDS} s)`,
  );
  console.log(row('before: refetch on every event', before));
  console.log(row('after: apply events, refetch on session', after));
  console.log(`  queries per second caused by the boards fall ${ratio}× (target at least 10×)`);
  const ok = ratio >= 10 && after.malformed === 0 && before.uploads > 0 && after.uploads > 0;
  console.log(`  ${ratio >= 10 ? '✔' : '✘'} board queries per second fall at least tenfold`);
  console.log(`  ${after.malformed === 0 ? '✔' : '✘'} every event matched the board event contract`);
  process.exit(ok ? 0 : 1);
}
