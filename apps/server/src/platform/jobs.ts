/**
 * Background jobs (alert escalation, the overdue-vitals sweep, the questionnaire scheduler, the outbox
 * sender, audit sealing) all run through here, so that none fails silently:
 * - a failure is logged with the job's name, the error's class and SQLSTATE (or system error code) and the
 *   count of consecutive failures — never the error's message, which can quote stored values;
 * - each job's last success, last failure and consecutive failures are kept for `/healthz`;
 * - a safety job (escalation, the vitals sweep) that has not succeeded for `SAFETY_STALE_MS` makes the
 *   process unhealthy (503), so a load balancer or an operator's monitor notices that alerts are not moving.
 *   A job that has not succeeded yet counts from when it was registered (start-up, after migrations and
 *   seeding).
 * - timed jobs (`every`) run only in the process that holds leadership (`leadership.ts`: one PostgreSQL
 *   advisory lock among the processes serving one database; the embedded database is one process). A
 *   follower's ticks do nothing and its safety jobs are not judged stale; the leader's count from when it
 *   became leader. Triggered jobs (`register`, audit sealing) run wherever they are triggered.
 *
 * @example
 *   const stop = ctx.jobs.every('alert-escalation', 30_000, () => escalateDueAlerts(ctx), { safety: true });
 */
import type { Clock } from './clock.ts';
import { type Leadership, soleProcess } from './leadership.ts';

/** How long a safety job may go without a success before `/healthz` answers 503. */
export const SAFETY_STALE_MS = 2 * 60_000;

/** The part of a pino/Fastify logger the jobs use. */
export interface JobLogger {
  error(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export interface JobOptions {
  /** A job whose silence endangers patients: /healthz turns 503 after `SAFETY_STALE_MS` without success. */
  safety?: boolean;
}

/** What a failure is logged and reported as: the error's kind, never its text. */
export interface JobErrorInfo {
  errorClass: string;
  /** PostgreSQL SQLSTATE, when the error came from the database. */
  sqlstate?: string;
  /** A system error code such as ECONNREFUSED. */
  code?: string;
}

export interface JobHealth {
  name: string;
  safety: boolean;
  lastSuccessAt: string | null;
  lastFailureAt: string | null;
  consecutiveFailures: number;
  lastError: JobErrorInfo | null;
  /** A safety job past `SAFETY_STALE_MS` without success. */
  stale: boolean;
}

interface JobState {
  name: string;
  safety: boolean;
  registeredAt: number;
  /** When this process last became the one running it (timed jobs); null while a follower. */
  leadingSince: number | null;
  lastSuccessAt: number | null;
  lastFailureAt: number | null;
  consecutiveFailures: number;
  lastError: JobErrorInfo | null;
}

export function describeError(e: unknown): JobErrorInfo {
  const errorClass =
    e instanceof Error ? (e.constructor?.name ?? e.name) || 'Error' : e === null ? 'null' : typeof e;
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return { errorClass, sqlstate: code };
  if (typeof code === 'string' && /^E[A-Z_]{2,30}$/.test(code)) return { errorClass, code };
  return { errorClass };
}

/** Runs one job's work with the bookkeeping; never rejects. Resolves true on success. */
export type JobRunner = (work: () => Promise<unknown>) => Promise<boolean>;

export class Jobs {
  readonly #jobs = new Map<string, JobState>();

  constructor(
    private readonly clock: Clock,
    private readonly log: JobLogger,
    private readonly leadership: Leadership = soleProcess,
  ) {}

  /**
   * Registers a job that something else triggers (e.g. audit sealing, which runs soon after each write)
   * and returns the runner to call it through. Registering a name again keeps its history.
   */
  register(name: string, opts: JobOptions = {}): JobRunner {
    let state = this.#jobs.get(name);
    if (!state) {
      state = {
        name,
        safety: opts.safety ?? false,
        registeredAt: this.clock.now().getTime(),
        leadingSince: this.leadership.isLeader() ? this.clock.now().getTime() : null,
        lastSuccessAt: null,
        lastFailureAt: null,
        consecutiveFailures: 0,
        lastError: null,
      };
      this.#jobs.set(name, state);
    }
    const s = state;
    return async (work) => {
      try {
        await work();
      } catch (e) {
        s.lastFailureAt = this.clock.now().getTime();
        s.consecutiveFailures += 1;
        s.lastError = describeError(e);
        this.log.error(
          { job: s.name, ...s.lastError, consecutiveFailures: s.consecutiveFailures },
          'background job failed',
        );
        return false;
      }
      if (s.consecutiveFailures > 0) {
        this.log.info({ job: s.name, afterFailures: s.consecutiveFailures }, 'background job recovered');
      }
      s.lastSuccessAt = this.clock.now().getTime();
      s.consecutiveFailures = 0;
      return true;
    };
  }

  /**
   * Runs `work` every `intervalMs` (a run still going when the next is due is not doubled) and returns a
   * stop function that clears the timer and waits for a run in progress. `runNow` runs it once at once.
   */
  every(
    name: string,
    intervalMs: number,
    work: () => Promise<unknown>,
    opts: JobOptions & { runNow?: boolean } = {},
  ): () => Promise<void> {
    const run = this.register(name, opts);
    const state = this.#jobs.get(name);
    let running: Promise<boolean> | undefined;
    const tick = () => {
      if (!this.leadership.isLeader()) {
        if (state) state.leadingSince = null;
        return;
      }
      if (state && state.leadingSince === null) state.leadingSince = this.clock.now().getTime();
      if (running !== undefined) return;
      running = run(work).finally(() => {
        running = undefined;
      });
    };
    const timer = setInterval(tick, intervalMs);
    timer.unref();
    if (opts.runNow) tick();
    return async () => {
      clearInterval(timer);
      await running;
    };
  }

  /** Each registered job's state, and whether every safety job has succeeded recently enough. */
  health(): { healthy: boolean; jobs: JobHealth[] } {
    const now = this.clock.now().getTime();
    const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
    const jobs = [...this.#jobs.values()].map((s) => ({
      name: s.name,
      safety: s.safety,
      lastSuccessAt: iso(s.lastSuccessAt),
      lastFailureAt: iso(s.lastFailureAt),
      consecutiveFailures: s.consecutiveFailures,
      lastError: s.lastError,
      stale: s.safety && this.#judged(s) && now - this.#since(s) >= SAFETY_STALE_MS,
    }));
    return { healthy: !jobs.some((j) => j.stale), jobs };
  }

  /** A follower's timed jobs run elsewhere: they are judged only once this process has run them as leader. */
  #judged(s: JobState): boolean {
    return this.leadership.isLeader() && s.leadingSince !== null;
  }

  /** Since when the job should have succeeded: its last success, else since it was registered or led here. */
  #since(s: JobState): number {
    const from = s.leadingSince ?? s.registeredAt;
    return s.lastSuccessAt !== null && s.lastSuccessAt > from ? s.lastSuccessAt : from;
  }
}
