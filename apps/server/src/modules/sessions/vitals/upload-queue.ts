/**
 * Group commit for vitals uploads that cross no threshold: while one statement is at the
 * database, the uploads that arrive meanwhile wait and then go together in the next one — the classic
 * group commit of database logs. An upload never waits for a timer: alone, it is sent at once; under load,
 * dozens of monitors share one statement and one commit (one WAL flush) instead of one each.
 *
 * On a PostgreSQL server up to `MAX_IN_FLIGHT` statements run at once, each on its own pooled connection: a
 * statement storing a group of device batches (thousands of rows) keeps one database backend — one core —
 * busy, and the next group need not wait for it. The embedded database has one connection: one at a time.
 *
 * Each upload keeps its own outcome: the statement finds each session, claims each key and stores each
 * upload's readings, board event and audit entry only when its key is new and its record open (exactly as
 * `storeUpload` does for one). Two uploads with the same session and key never share a statement (the second
 * waits for the next, then answers as a replay). If a combined statement fails, its uploads are retried one
 * by one, so one bad upload cannot fail its neighbours.
 *
 * @example
 *   const row = await uploadQueue(ctx).store(actor, input); // undefined: no such session
 */
import type { ModuleContext } from '../../../platform/module.ts';
import type { AuditActor } from '../../audit/audit-writer.ts';
import { type StoredUpload, type StoreUploadInput, storeUploads } from './store-upload.ts';

/** At most this many uploads share one statement. */
export const MAX_GROUP = 100;
/** At most this many statements at once on a PostgreSQL server (one on the embedded database). */
export const MAX_IN_FLIGHT = 2;

interface Waiting {
  actor: AuditActor | null;
  input: StoreUploadInput;
  resolve: (r: StoredUpload | undefined) => void;
  reject: (e: unknown) => void;
}

export class UploadQueue {
  #waiting: Waiting[] = [];
  #inFlight = 0;
  /** Counters (statements sent, the largest group, groups retried one by one) for tests and diagnostics. */
  readonly stats = { statements: 0, largestGroup: 0, retriedGroups: 0 };

  constructor(
    private readonly ctx: ModuleContext,
    private readonly maxInFlight = ctx.database.kind === 'postgres' ? MAX_IN_FLIGHT : 1,
  ) {}

  /** Stores one upload (with others that arrive meanwhile); resolves after its statement committed. */
  store(actor: AuditActor | null, input: StoreUploadInput): Promise<StoredUpload | undefined> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ actor, input, resolve, reject });
      // Each drain loop is one statement at a time; its failures are settled per upload (#storeGroup).
      if (this.#inFlight < this.maxInFlight) void this.#drain();
    });
  }

  async #drain() {
    this.#inFlight += 1;
    try {
      while (this.#waiting.length) {
        const group: Waiting[] = [];
        const rest: Waiting[] = [];
        const keys = new Set<string>();
        for (const w of this.#waiting) {
          const k = `${w.input.sessionId}\n${w.input.idempotencyKey}`;
          if (group.length < MAX_GROUP && !keys.has(k)) {
            keys.add(k);
            group.push(w);
          } else rest.push(w);
        }
        this.#waiting = rest;
        await this.#storeGroup(group);
      }
    } finally {
      this.#inFlight -= 1;
    }
  }

  async #storeGroup(group: Waiting[]) {
    this.stats.statements += 1;
    this.stats.largestGroup = Math.max(this.stats.largestGroup, group.length);
    try {
      const rows = await storeUploads(this.ctx.db, this.ctx.audit, group);
      group.forEach((w, i) => {
        w.resolve(rows[i]);
      });
    } catch {
      // Isolate the failure: each upload alone, with its own outcome.
      this.stats.retriedGroups += 1;
      for (const w of group) {
        try {
          w.resolve((await storeUploads(this.ctx.db, this.ctx.audit, [w]))[0]);
        } catch (e) {
          w.reject(e);
        }
      }
    }
  }
}

const queues = new WeakMap<ModuleContext, UploadQueue>();
export function uploadQueue(ctx: ModuleContext): UploadQueue {
  let q = queues.get(ctx);
  if (!q) {
    q = new UploadQueue(ctx);
    queues.set(ctx, q);
  }
  return q;
}
