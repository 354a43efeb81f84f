/**
 * Writes audit entries (content per ASTM E2147: who, which patient, what data category, what
 * action, when, outcome, from where) and keeps the chain sealed in the background.
 *
 * `record` runs on the caller's executor, so a write and its audit entry commit or roll back
 * together. Sealing happens shortly after (see chain.ts) in batches.
 */
import type { DB } from '@plasticity/db';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Clock } from '../../platform/clock.ts';
import { sealPending } from './chain.ts';

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
  resourceType: string;
  resourceId?: string | null;
  patientId?: string | null;
  /** Data category, e.g. 'demographics', 'assessment', 'controlled_substance', 'psychotherapy_note'. */
  category?: string | null;
  outcome?: 'success' | 'failure';
  /** Non-identifying context only: never names, dates of birth or free text about a patient. */
  details?: Record<string, unknown>;
}

/**
 * How soon after a write the chain is sealed. Sealing rewrites each entry once (its position and hash), so a
 * busy clinic's entries are sealed in batches of a few hundred milliseconds' worth rather than one by one.
 */
export const SEAL_SOON_MS = 200;

export class AuditWriter {
  #timer: NodeJS.Timeout | undefined;
  #soon: NodeJS.Timeout | undefined;
  #sealing: Promise<unknown> = Promise.resolve();
  #stopped = false;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly clock: Clock,
    private readonly intervalMs: number,
    private readonly onError: (e: unknown) => void = () => {},
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
   * statement's row source (one row per entry); `patientId` and `resourceId` may be SQL expressions over it.
   * Call `sealSoon()` once the statement has run.
   *
   * @example
   *   sql`with s as (…), a as (${audit.insertSelect(actor, { action: 'create', resourceType: 'x',
   *     patientId: sql`s.patient_id` }, sql`s`)}) select …`
   */
  insertSelect(
    actor: AuditActor | null,
    event: Omit<AuditEvent, 'patientId' | 'resourceId'> & {
      patientId?: string | null | RawBuilder<unknown>;
      resourceId?: string | null | RawBuilder<unknown>;
    },
    from: RawBuilder<unknown>,
  ): RawBuilder<unknown> {
    const expr = (v: string | null | undefined | RawBuilder<unknown>, cast: string) =>
      v !== null && typeof v === 'object' ? v : sql`${v ?? null}::${sql.raw(cast)}`;
    return sql`insert into audit_log (at, clinic_id, user_id, user_email, role, patient_id, action, resource_type,
        resource_id, category, outcome, source_address, details)
      select ${this.clock.now()}::timestamptz, ${actor?.clinicId ?? null}::uuid, ${actor?.userId ?? null}::uuid,
        ${actor?.email ?? null}::text, ${actor?.role ?? null}::text, ${expr(event.patientId, 'uuid')},
        ${event.action}::text, ${event.resourceType}::text, ${expr(event.resourceId, 'text')},
        ${event.category ?? null}::text, ${event.outcome ?? 'success'}::text, ${actor?.sourceAddress ?? null}::text,
        ${JSON.stringify(event.details ?? null)}::jsonb
        from ${from}`;
  }

  /** Schedules sealing soon, after entries written with `insertSelect` (`record` does this itself). */
  sealSoon(): void {
    this.#scheduleSoon();
  }

  /** Seal every committed entry now (CLI verify, shutdown, tests). */
  async flush(): Promise<void> {
    await this.#sealing;
    this.#sealing = this.#sealAll();
    await this.#sealing;
  }

  start(): void {
    this.#timer = setInterval(() => void this.#tick(), this.intervalMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    if (this.#soon) clearTimeout(this.#soon);
    await this.#sealing.catch(() => {});
    await this.#sealAll().catch(this.onError);
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
    this.#sealing = this.#sealing.then(() => this.#sealAll()).catch(this.onError);
    return this.#sealing;
  }

  async #sealAll() {
    while ((await sealPending(this.db)) > 0) {
      /* keep sealing until caught up */
    }
  }
}
