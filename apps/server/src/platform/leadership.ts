/**
 * Which server process runs the timed background jobs (`ctx.jobs.every`: alert escalation, the vitals sweep,
 * the questionnaire scheduler, the outbox sender, confirmations, summaries, exports) when several processes
 * serve one PostgreSQL database behind a load balancer: the one holding a PostgreSQL advisory lock.
 *
 * Why a session-level lock on a connection of its own (`pg_try_advisory_lock`), not a lock per run
 * (`pg_try_advisory_xact_lock` in each tick's transaction): the jobs open their own transactions, some of
 * them several per tick, and a per-run lock would need one wrapping transaction held for the whole tick on a
 * pooled connection. A session lock is held by one idle connection for as long as the process lives, costs
 * one round trip per `CHECK_MS`, and PostgreSQL releases it the moment that connection ends — a crashed
 * process, a killed backend or a broken network hands leadership over without a timeout to tune.
 *
 * Losing it: the connection's `error`/`end` (or a failed check) makes this process a follower at once; it
 * stops starting new runs (a run already going finishes; every job claims its rows, so an overlap with the new
 * leader's first run does no double work) and tries again every `CHECK_MS` on a new connection. Followers try
 * every `CHECK_MS` too, so a stopped leader is replaced within that time.
 *
 * The lock is keyed by the schema (`hashtext(current_schema())`), so databases that keep several
 * installations apart by schema elect one leader each. The embedded database is one process by construction
 * (its data-directory lock), so it is always the leader.
 */
import pg from 'pg';
import type { JobLogger } from './jobs.ts';

export interface Leadership {
  /** Whether this process runs the timed jobs now. */
  isLeader(): boolean;
  /** Starts taking part (with the background jobs: an app built for a test opens no connection for it). */
  start(): void;
  stop(): Promise<void>;
}

/** The embedded database: one process, always the leader. */
export const soleProcess: Leadership = { isLeader: () => true, start: () => {}, stop: async () => {} };

/** How often a follower asks for the lock and the leader checks that its connection is alive. */
export const CHECK_MS = 2_000;

/** Both halves of the advisory-lock key: a constant for "Plasticity jobs", then the schema's hash. */
const LOCK_CLASS = 0x504c4a42; // 'PLJB'

export function advisoryLeadership(databaseUrl: string, log: JobLogger, checkMs = CHECK_MS): Leadership {
  let client: pg.Client | undefined;
  let leader = false;
  let stopped = false;
  let busy: Promise<void> | undefined;

  const drop = (reason: string) => {
    const c = client;
    client = undefined;
    if (leader) log.info({ reason }, 'background-job leadership lost');
    leader = false;
    // The connection is already broken or being replaced: ending it can only fail the same way.
    if (c)
      c.end().catch((e) => log.error({ errName: (e as Error).name }, 'closing the leader connection failed'));
  };

  const attempt = async () => {
    try {
      if (!client) {
        const c = new pg.Client({ connectionString: databaseUrl, keepAlive: true });
        c.on('error', () => drop('connection error'));
        c.on('end', () => {
          if (client === c) drop('connection ended');
        });
        await c.connect();
        client = c;
      }
      if (leader) {
        await client.query('select 1');
        return;
      }
      const r = await client.query<{ ok: boolean }>(
        'select pg_try_advisory_lock($1, hashtext(current_schema())) as ok',
        [LOCK_CLASS],
      );
      if (r.rows[0]?.ok && !stopped) {
        leader = true;
        log.info({}, 'background-job leadership taken');
      }
    } catch (e) {
      log.error(
        { errName: (e as Error).name, code: (e as { code?: string }).code },
        'leader election failed',
      );
      drop('check failed');
    }
  };
  const tick = () => {
    if (busy || stopped) return;
    busy = attempt().finally(() => {
      busy = undefined;
    });
  };
  let timer: NodeJS.Timeout | undefined;

  return {
    isLeader: () => leader,
    start() {
      if (timer || stopped) return;
      timer = setInterval(tick, checkMs);
      timer.unref();
      tick();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await busy;
      // Logged before the lock goes, so a successor's "taken" line is always later than this one.
      if (leader) log.info({}, 'background-job leadership released');
      leader = false;
      const c = client;
      client = undefined;
      // Ending the session releases its advisory lock: the next process takes over at its next check.
      await c?.end();
    },
  };
}
