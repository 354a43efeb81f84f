/**
 * Writes audit entries (content per ASTM E2147: who, which patient, what data category, what
 * action, when, outcome, from where) and keeps the chain sealed in the background.
 *
 * `record` runs on the caller's executor, so a write and its audit entry commit or roll back
 * together. Sealing happens shortly after (see chain.ts) in batches.
 */
import type { AuditCategory, AuditResourceType } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import { describeError, type JobRunner } from '../../platform/jobs.ts';
import { SEAL_BATCH, sealPending } from './chain.ts';

export type AuditAction =
  | 'create'
  | 'read'
  | 'update'
  | 'delete'
  | 'query'
  | 'export'
  | 'print'
  | 'login'
  | 'logout';

export interface AuditActor {
  clinicId: string | null;
  userId: string | null;
  email: string | null;
  role: string | null;
  sourceAddress: string | null;
}

export interface AuditEvent {
  action: AuditAction;
  /** What kind of record the entry is about (closed list: `AUDIT_RESOURCE_TYPES` in contracts). */
  resourceType: AuditResourceType;
  resourceId?: string | null;
  patientId?: string | null;
  /** Data category (closed list: `AUDIT_CATEGORIES` in contracts), e.g. 'demographics', 'assessment'. */
  category?: AuditCategory | null;
  outcome?: 'success' | 'failure';
  /** Non-identifying context only: never names, dates of birth or free text about a patient. */
  details?: Record<string, unknown>;
}

/**
 * How soon after a write the chain is sealed. Sealing rewrites each entry once (its position and hash), so a
 * busy clinic's entries are sealed in batches of a few hundred milliseconds' worth rather than one by one.
 */
export const SEAL_SOON_MS = 200;

type Expr = RawBuilder<unknown>;
/** Each field either a value or an SQL expression (see `insertSelect`). */
type SqlOr<T> = { [K in keyof T]: T[K] | Expr };
const isExpr = (x: unknown): x is Expr => typeof x === 'object' && x !== null && 'toOperationNode' in x;

export class AuditWriter {
  #timer: NodeJS.Timeout | undefined;
  #soon: NodeJS.Timeout | undefined;
  #sealing: Promise<unknown> = Promise.resolve();
  #stopped = false;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly intervalMs: number,
    /** Runs each background sealing (the app passes its `audit-sealing` job, see platform/jobs.ts). */
    private readonly run: JobRunner = reportToConsole,
  ) {}

  async record(executor: Kysely<DB>, actor: AuditActor | null, event: AuditEvent): Promise<void> {
    // Written by nearly every request: raw SQL kept prepared by the driver (see @plasticity/db prepared.ts).
    await sql`-- prepare:audit_record
      insert into audit_log (at, clinic_id, user_id, user_email, role, patient_id, action, resource_type,
        resource_id, category, outcome, source_address, details)
      values (${this.clock.now()}, ${actor?.clinicId ?? null}, ${actor?.userId ?? null}, ${actor?.email ?? null},
        ${actor?.role ?? null}, ${event.patientId ?? null}, ${event.action}, ${event.resourceType},
        ${event.resourceId ?? null}, ${event.category ?? null}, ${event.outcome ?? 'success'},
        ${actor?.sourceAddress ?? null}, ${JSON.stringify(event.details ?? null)})`.execute(executor);
    this.#scheduleSoon();
  }

  /**
   * The same entry as `record`, as an `insert … select` for a caller that writes everything in one statement
   * (a data-modifying CTE), so the change and its entry still commit or roll back together. `from` is the
   * statement's row source (one entry per row); any field of the actor or the event may instead be an SQL
   * expression over it (e.g. `sql\`s.patient_id\``), so one statement can write the entries of many callers.
   * Call `sealSoon()` once the statement has run.
   *
   * @example
   *   sql`with s as (…), a as (${audit.insertSelect(actor, { action: 'create', resourceType: 'patient',
   *     patientId: sql`s.patient_id` }, sql`s`)}) select …`
   */
  insertSelect(
    actor: SqlOr<AuditActor> | null,
    event: SqlOr<Omit<AuditEvent, 'details'>> & {
      details?: Record<string, unknown> | Expr;
      at?: Date | Expr;
    },
    from: Expr,
  ): Expr {
    const v = (x: unknown, cast: string) => (isExpr(x) ? x : sql`${x ?? null}::${sql.raw(cast)}`);
    const details = isExpr(event.details) ? event.details : JSON.stringify(event.details ?? null);
    return sql`insert into audit_log (at, clinic_id, user_id, user_email, role, patient_id, action, resource_type,
        resource_id, category, outcome, source_address, details)
      select ${v(event.at ?? this.clock.now(), 'timestamptz')}, ${v(actor?.clinicId, 'uuid')},
        ${v(actor?.userId, 'uuid')}, ${v(actor?.email, 'text')}, ${v(actor?.role, 'text')},
        ${v(event.patientId, 'uuid')}, ${v(event.action, 'text')}, ${v(event.resourceType, 'text')},
        ${v(event.resourceId, 'text')}, ${v(event.category, 'text')}, ${v(event.outcome ?? 'success', 'text')},
        ${v(actor?.sourceAddress, 'text')}, ${v(details, 'jsonb')}
        from ${from}`;
  }

  /** Schedules sealing soon, after entries written with `insertSelect` (`record` does this itself). */
  sealSoon(): void {
    this.#scheduleSoon();
  }

  /** Seal every committed entry now (CLI verify, shutdown, tests). */
  async flush(): Promise<void> {
    await this.#sealing;
    const sealed = this.#sealAll();
    this.#sealing = this.run(() => sealed); // logged and counted like a background run; the caller sees it too
    await sealed;
  }

  start(): void {
    this.#timer = setInterval(() => void this.#tick(), this.intervalMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    if (this.#soon) clearTimeout(this.#soon);
    await this.#sealing;
    await this.run(() => this.#sealAll());
  }

  #scheduleSoon() {
    if (this.#soon || this.#stopped) return;
    this.#soon = setTimeout(() => {
      this.#soon = undefined;
      void this.#tick();
    }, SEAL_SOON_MS);
    this.#soon.unref();
  }

  #tick() {
    if (this.#stopped) return;
    // The runner never rejects: a failure is logged and counted, and the next tick tries again.
    this.#sealing = this.#sealing.then(() => this.run(() => this.#sealAll()));
    return this.#sealing;
  }

  /**
   * Seals every entry committed before the call: passes until one takes less than a full batch (it saw every
   * committed entry then). Entries committed meanwhile wait for the next run (`SEAL_SOON_MS` after their write,
   * or the interval's tick): under steady writes, sealing until none is left would run one pass after another
   * for the few entries each finds, a transaction of six statements dozens of times a second.
   */
  async #sealAll() {
    while ((await sealPending(this.db)) === SEAL_BATCH) {
      /* a full batch: more may be waiting */
    }
  }
}

/** The runner of a writer built outside the app (tests, tools): reports a failure's kind on stderr. */
async function reportToConsole(work: () => Promise<unknown>): Promise<boolean> {
  try {
    await work();
    return true;
  } catch (e) {
    console.error('audit sealing failed', describeError(e));
    return false;
  }
}
