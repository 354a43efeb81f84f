/**
 * The live board's event bus.
 *
 * Every change a board shows (a reading, an alert, a phase) is written to `board_events` and announced
 * with `pg_notify` in the same transaction as the change: PostgreSQL delivers a NOTIFY only when its
 * transaction commits, so a board never sees an event whose data rolled back, and every server process
 * on the same PostgreSQL (LISTEN on one channel) fans the event out to its own SSE clients. The table
 * gives each event its SSE `id:` so a client reconnecting with `Last-Event-ID` gets what it missed.
 * Payloads carry ids, chair and numbers only — never a patient's name (NOTIFY payloads can reach logs).
 *
 * High-volume events (every vitals upload) are announced after commit instead (`publishAfterCommit`), in
 * batches: PostgreSQL serialises the commits of all transactions that issued a NOTIFY (a database-wide lock
 * held through the commit's WAL flush), which capped ingestion at one commit per fsync. The event row is
 * still written in the upload's transaction, so a client that misses a live event gets it on resume.
 */
import type { DB } from '@plasticity/db';
import { type Kysely, sql } from 'kysely';
import { describeError } from '../../../platform/jobs.ts';
import type { ModuleContext } from '../../../platform/module.ts';

export const BOARD_CHANNEL = 'plasticity_board';
/** How long post-commit vitals events wait to be announced together (see `publishAfterCommit`). */
export const PUBLISH_COALESCE_MS = 20;
export type BoardEventKind = 'vitals' | 'alert' | 'session';

export interface BoardEvent {
  id: number;
  clinicId: string;
  kind: BoardEventKind;
  data: Record<string, unknown>;
}

/** Records a board event and queues its NOTIFY on the caller's transaction (one round trip). */
export async function emitBoardEvent(
  trx: Kysely<DB>,
  at: Date,
  clinicId: string,
  kind: BoardEventKind,
  sessionId: string | null,
  data: Record<string, unknown>,
): Promise<number> {
  const json = JSON.stringify(data);
  const r = await sql<{ id: number }>`
    with e as (
      insert into board_events (clinic_id, at, kind, session_id, data)
      values (${clinicId}, ${at}, ${kind}, ${sessionId}, ${json}::jsonb)
      returning id, clinic_id, kind, data
    )
    select e.id, pg_notify(${BOARD_CHANNEL}, json_build_object('i', e.id, 'c', e.clinic_id, 'k', e.kind, 'd', e.data)::text)
      from e`.execute(trx);
  return Number(r.rows[0]?.id);
}

type Listener = (e: BoardEvent) => void;
interface Subscriber {
  event: Listener;
  /** The LISTEN connection was re-established: events in between may be missing (refetch the board). */
  resync: () => void;
}

export interface PendingEvent {
  id: number;
  clinicId: string;
  kind: BoardEventKind;
  data: Record<string, unknown>;
}

/**
 * One per app: LISTENs once (lazily) and dispatches to the SSE clients of each clinic in this process. When
 * the database's LISTEN connection comes back after a break (see @plasticity/db pg-listener.ts), every
 * subscriber is told to resynchronise: NOTIFYs sent meanwhile are gone.
 */
export class BoardHub {
  #subs = new Map<string, Set<Subscriber>>();
  #listening: Promise<() => Promise<void>> | undefined;
  #unwatch: (() => void) | undefined;
  #pending: string[] = [];
  #flushing = false;

  constructor(private readonly ctx: ModuleContext) {}

  #dispatch(payload: string) {
    let p: { i: number; c: string; k: BoardEventKind; d: Record<string, unknown> };
    try {
      p = JSON.parse(payload);
    } catch {
      return;
    }
    for (const s of this.#subs.get(p.c) ?? [])
      s.event({ id: Number(p.i), clinicId: p.c, kind: p.k, data: p.d });
  }

  /** Starts listening (idempotent); resolves once the LISTEN is in place. */
  ready(): Promise<unknown> {
    this.#unwatch ??= this.ctx.database.onConnection((e) => {
      if (e.kind !== 'listen_restored') return;
      for (const set of this.#subs.values()) for (const s of set) s.resync();
    });
    this.#listening ??= this.ctx.database.listen(BOARD_CHANNEL, (payload) => this.#dispatch(payload));
    return this.#listening;
  }

  async subscribe(clinicId: string, fn: Listener, onResync?: () => void): Promise<() => void> {
    await this.ready();
    let set = this.#subs.get(clinicId);
    if (!set) {
      set = new Set();
      this.#subs.set(clinicId, set);
    }
    const sub: Subscriber = { event: fn, resync: onResync ?? (() => undefined) };
    set.add(sub);
    return () => {
      set.delete(sub);
      if (set.size === 0) this.#subs.delete(clinicId);
    };
  }

  /** Events after `afterId` for one clinic (resume after a dropped connection), oldest first. */
  async since(clinicId: string, afterId: number, limit = 1000): Promise<BoardEvent[]> {
    const rows = await this.ctx.db
      .selectFrom('board_events')
      .select(['id', 'kind', 'data'])
      .where('clinic_id', '=', clinicId)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: Number(r.id), clinicId, kind: r.kind as BoardEventKind, data: r.data }));
  }

  /**
   * Announces committed events to every process (call after the transaction that wrote them committed).
   * Events are coalesced for up to `PUBLISH_COALESCE_MS` and go out together, so under load the cost is a
   * few NOTIFY transactions a second instead of one per upload. A NOTIFY gives its transaction an id, so
   * each would otherwise be a commit that waits for the WAL flush; these are committed with
   * `synchronous_commit = off` (PostgreSQL "Asynchronous Commit"): the events themselves were made durable
   * by the uploads' own commits, and a notice lost in a crash costs a board nothing it cannot resume
   * (Last-Event-ID). Vitals reach boards ≤ PUBLISH_COALESCE_MS later; alerts are not delayed (they notify
   * inside their own transaction, `emitBoardEvent`).
   */
  publishAfterCommit(e: PendingEvent) {
    this.#pending.push(JSON.stringify({ i: e.id, c: e.clinicId, k: e.kind, d: e.data }));
    if (!this.#flushing) {
      this.#flushing = true;
      setTimeout(() => void this.#flush(), PUBLISH_COALESCE_MS).unref();
    }
  }

  async #flush() {
    try {
      while (this.#pending.length) {
        const batch = this.#pending.splice(0, 200);
        // One autocommit statement; `set_config(…, true)` applies to its own transaction only.
        const send = () =>
          sql`select set_config('synchronous_commit', 'off', true), pg_notify(${BOARD_CHANNEL}, p)
                from json_array_elements_text(${JSON.stringify(batch)}::json) as p`.execute(this.ctx.db);
        // A failure is most likely a pooled connection that just broke: try once more on another. A duplicate
        // notice (the first one did commit) is harmless: boards de-duplicate by event id.
        await send()
          .catch(send)
          .catch((e: unknown) => {
            // The events are stored; this process's boards refetch, others' get them on their next resume.
            this.ctx.log.warn(describeError(e), 'board notices not sent; boards told to resync');
            for (const set of this.#subs.values()) for (const s of set) s.resync();
          });
      }
    } finally {
      this.#flushing = false;
    }
  }

  async stop() {
    const l = this.#listening;
    this.#listening = undefined;
    this.#unwatch?.();
    this.#unwatch = undefined;
    this.#subs.clear();
    if (l !== undefined) await (await l)();
  }
}

const hubs = new WeakMap<ModuleContext, BoardHub>();
export function boardHub(ctx: ModuleContext): BoardHub {
  let h = hubs.get(ctx);
  if (!h) {
    h = new BoardHub(ctx);
    hubs.set(ctx, h);
  }
  return h;
}
