/**
 * Two real server processes (`plasticity serve`, the compiled bundle) on one PostgreSQL database of their own
 * (`plasticity_lead_<random>`, dropped after): the timed background jobs run in only one of them at a time.
 *
 * What is observed, from outside as an operator would: each process's log lines
 * ("background-job leadership taken" / "lost" / "released", with pino's millisecond `time`) and each process's
 * `/healthz`, which reports every job's last success in that process. The Bulk Data export poller
 * (`fhir-bulk-export`, every 2 s, always succeeds on an empty queue) shows which process runs the jobs.
 *
 * Shown: one leader and one follower whose jobs never run; the leader's lock connection killed by the
 * database (`pg_terminate_backend`) makes it step down and one process takes over; the leader stopped with
 * SIGTERM is replaced by the other; and across the whole run the processes' leadership intervals never
 * overlap. Waits are generous (the machine may be loaded) and no speed is asserted.
 *
 * The two-process test is registered only with TEST_DATABASE_URL. On the embedded database (one process by
 * construction, its data directory locked) the file checks instead that the one process runs the jobs with no
 * election at all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Served, startServe } from '../cli/spawn.ts';

const pgUrl = inject('pgUrl');
const tag = `${process.pid}_${Date.now().toString(36)}`;
const pgDatabase = `plasticity_lead_${tag}`;
const JOB = 'fhir-bulk-export';
const LOCK_CLASS = 0x504c4a42; // leadership.ts's key

type Event = 'taken' | 'lost' | 'released';
interface Logged {
  event: Event;
  time: number;
}

/** The leadership lines of one process's log, in order. */
function leadershipEvents(output: string): Logged[] {
  const out: Logged[] = [];
  for (const line of output.split('\n')) {
    const m = /"msg":"background-job leadership (taken|lost|released)"/.exec(line);
    if (!m) continue;
    out.push({ event: m[1] as Event, time: (JSON.parse(line) as { time: number }).time });
  }
  return out;
}

/** [from, to] while the process claimed leadership; `to` is Infinity while it still does. */
function intervals(events: Logged[]): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let from: number | null = null;
  for (const e of events) {
    if (e.event === 'taken') {
      expect(from, 'taken twice without losing it').toBeNull();
      from = e.time;
    } else if (from !== null) {
      spans.push([from, e.time]);
      from = null;
    }
  }
  if (from !== null) spans.push([from, Number.POSITIVE_INFINITY]);
  return spans;
}

const claims = (s: Served) => {
  const ev = leadershipEvents(s.output());
  return ev.length > 0 && ev[ev.length - 1]?.event === 'taken';
};

async function lastRun(s: Served): Promise<string | null> {
  const r = await fetch(`${s.url}/healthz`);
  const body = (await r.json()) as { jobs: Array<{ name: string; lastSuccessAt: string | null }> };
  const job = body.jobs.find((j) => j.name === JOB);
  expect(job, `${JOB} is registered`).toBeDefined();
  return job?.lastSuccessAt ?? null;
}

async function until(what: string, ok: () => boolean | Promise<boolean>, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('background-job leadership on the embedded database', () => {
  it('runs the timed jobs in its one process without an election', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plasticity-lead-'));
    const s = await startServe(join(dir, 'data'), {}, 180_000);
    try {
      await until('the job to run', async () => (await lastRun(s)) !== null);
      expect(leadershipEvents(s.output())).toEqual([]);
    } finally {
      s.proc.kill('SIGTERM');
      await s.exited;
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});

// Registered only with a PostgreSQL server to run on (no skipped test on the embedded database).
if (pgUrl)
  describe('background-job leadership across two server processes on one PostgreSQL', () => {
    let dir: string;
    const url = () => {
      const u = new URL(pgUrl);
      u.pathname = `/${pgDatabase}`;
      return u.toString();
    };
    const servers: Served[] = [];
    const serve = async () => {
      const s = await startServe(join(dir, `data-${servers.length}`), { DATABASE_URL: url() }, 180_000);
      servers.push(s);
      return s;
    };
    const admin = async <T>(sql: string, params: unknown[] = []) => {
      const c = new pg.Client({ connectionString: pgUrl });
      await c.connect();
      try {
        return (await c.query(sql, params)).rows as T[];
      } finally {
        await c.end();
      }
    };

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'plasticity-lead-'));
      await admin(`create database ${pgDatabase}`);
    });

    afterAll(async () => {
      for (const s of servers)
        if (s.proc.exitCode === null && s.proc.signalCode === null) s.proc.kill('SIGKILL');
      await Promise.all(servers.map((s) => s.exited));
      rmSync(dir, { recursive: true, force: true });
      await admin(`drop database if exists ${pgDatabase} with (force)`);
    });

    it('runs the timed jobs in one process at a time and hands them over when the leader goes', async () => {
      // The first process migrates the new database and becomes the leader; the second starts on a migrated one.
      const a = await serve();
      await until('the first process to take leadership', () => claims(a));
      const b = await serve();

      // A few of the job's periods: the leader runs it, the follower never does.
      const firstRun = await lastRun(a);
      await until('the leader to run the job again', async () => (await lastRun(a)) !== firstRun);
      await new Promise((r) => setTimeout(r, 5_000));
      expect(claims(b)).toBe(false);
      expect(await lastRun(b)).toBeNull();
      expect(leadershipEvents(b.output())).toEqual([]);

      // The database ends the leader's lock connection: it steps down, and one process (either) takes over.
      const [held] = await admin<{ pid: number }>(
        `select l.pid from pg_locks l join pg_stat_activity s on s.pid = l.pid
        where l.locktype = 'advisory' and l.classid = $1 and l.granted and s.datname = $2`,
        [LOCK_CLASS, pgDatabase],
      );
      expect(held, 'the leader holds the advisory lock').toBeDefined();
      await admin('select pg_terminate_backend($1)', [held?.pid]);
      await until('the leader to notice it lost the lock', () =>
        leadershipEvents(a.output()).some((e) => e.event === 'lost'),
      );
      await until('a new leader', () => claims(a) || claims(b));
      const leader = claims(a) ? a : b;
      const follower = leader === a ? b : a;
      expect(claims(follower)).toBe(false);

      // SIGTERM the leader: it releases the lock on its way out and the other takes over and runs the job.
      const before = await lastRun(follower);
      leader.proc.kill('SIGTERM');
      expect((await leader.exited).code).toBe(0);
      expect(leadershipEvents(leader.output()).at(-1)?.event).toBe('released');
      await until('the remaining process to take leadership', () => claims(follower));
      await until('the new leader to run the job', async () => {
        const now = await lastRun(follower);
        return now !== null && now !== before;
      });

      // Across the whole run, no moment where both processes claimed leadership.
      const spansA = intervals(leadershipEvents(a.output()));
      const spansB = intervals(leadershipEvents(b.output()));
      expect(spansA.length + spansB.length).toBeGreaterThanOrEqual(3);
      for (const [fromA, toA] of spansA)
        for (const [fromB, toB] of spansB)
          expect(toA <= fromB || toB <= fromA, `A ${fromA}–${toA} overlaps B ${fromB}–${toB}`).toBe(true);
    }, 600_000);
  });
