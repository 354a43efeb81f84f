/**
 * Writes audit entries (content per ASTM E2147: who, which patient, what data category, what
 * action, when, outcome, from where) and keeps the chain sealed in the background.
 *
 * `record` runs on the caller's executor, so a write and its audit entry commit or roll back
 * together. Sealing happens shortly after (see chain.ts) in batches.
 */
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
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
    await executor
      .insertInto('audit_log')
      .values({
        at: this.clock.now(),
        clinic_id: actor?.clinicId ?? null,
        user_id: actor?.userId ?? null,
        user_email: actor?.email ?? null,
        role: actor?.role ?? null,
        patient_id: event.patientId ?? null,
        action: event.action,
        resource_type: event.resourceType,
        resource_id: event.resourceId ?? null,
        category: event.category ?? null,
        outcome: event.outcome ?? 'success',
        source_address: actor?.sourceAddress ?? null,
        details: JSON.stringify(event.details ?? null),
      })
      .execute();
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
    }, 50);
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
