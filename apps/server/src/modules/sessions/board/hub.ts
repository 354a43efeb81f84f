/**
 * The live board's event bus.
 *
 * Every change a board shows (a reading, an alert, a phase) is written to `board_events` and announced
 * with `pg_notify` in the same transaction as the change: PostgreSQL delivers a NOTIFY only when its
 * transaction commits, so a board never sees an event whose data rolled back, and every server process
 * on the same PostgreSQL (LISTEN on one channel) fans the event out to its own SSE clients. The table
 * gives each event its SSE `id:` so a client reconnecting with `Last-Event-ID` gets what it missed.
 * Payloads are the contract's `BoardRecordedEvent` (packages/contracts board-events.ts), built here for every
 * producer (`vitalsEvent`, `alertEvent`, `sessionEvent`): ids, chair, status and numbers only — never a
 * patient's name or free text (NOTIFY payloads can reach logs). The stored row's `data` is the payload as
 * sent, so a replayed event equals the live one.
 *
 * High-volume events (every vitals upload) are announced after commit instead (`publishAfterCommit`), in
 * batches: PostgreSQL serialises the commits of all transactions that issued a NOTIFY (a database-wide lock
 * held through the commit's WAL flush), which capped ingestion at one commit per fsync. The event row is
 * still written in the upload's transaction, so a client that misses a live event gets it on resume.
 */
import {
  type Alert,
  type BoardAlertEvent,
  BoardRecordedEvent,
  type BoardRecordedKind,
  type BoardResyncEvent,
  type BoardSessionEvent,
  type BoardVitalsEvent,
  SessionStatus,
  type StoredVital,
} from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import { type Kysely, sql } from 'kysely';
import { describeError } from '../../../platform/jobs.ts';
import type { ModuleContext } from '../../../platform/module.ts';

export const BOARD_CHANNEL = 'plasticity_board';
/** How long post-commit vitals events wait to be announced together (see `publishAfterCommit`). */
export const PUBLISH_COALESCE_MS = 20;
export type BoardEventKind = BoardRecordedKind;

/** A stored board event: its SSE id, clinic and payload (`kind` repeats `data.kind`). */
export interface BoardEvent {
  id: number;
  clinicId: string;
  kind: BoardEventKind;
  data: BoardRecordedEvent;
}

/**
 * A vitals upload's event without its session and chair: the newest reading (the chair's latest vitals) and
 * the count. The upload statement (vitals/store-upload.ts) stores it with the session's id and chair added.
 */
export function vitalsEventBody(readings: StoredVital[]): Omit<BoardVitalsEvent, 'sessionId' | 'chair'> {
  const reading = readings.reduce((x, y) => (y.at >= x.at ? y : x));
  return { kind: 'vitals', reading, count: readings.length };
}

/** A vitals upload's event (see `vitalsEventBody`). */
export function vitalsEvent(sessionId: string, chair: string, readings: StoredVital[]): BoardVitalsEvent {
  return { ...vitalsEventBody(readings), sessionId, chair };
}

/** An alert as the board shows it (the acknowledgement's note and name stay off the wire). */
export function alertEvent(
  sessionId: string,
  chair: string | null,
  alert: Alert,
  readingAt: string | null = null,
): BoardAlertEvent {
  const { ackNote: _note, ackByName: _name, ...shown } = alert;
  return { kind: 'alert', sessionId, chair, alert: shown, at: readingAt };
}

/** Something else changed on a chair: boards refetch their snapshot. */
export function sessionEvent(s: { id: string; chair: string; status: string }): BoardSessionEvent {
  return { kind: 'session', sessionId: s.id, chair: s.chair, status: SessionStatus.parse(s.status) };
}

/** Records a board event and queues its NOTIFY on the caller's transaction (one round trip). */
export async function emitBoardEvent(
  trx: Kysely<DB>,
  at: Date,
  clinicId: string,
  event: BoardRecordedEvent,
): Promise<number> {
  const json = JSON.stringify(event);
  const r = await sql<{ id: number }>`
    with e as (
      insert into board_events (clinic_id, at, kind, session_id, data)
      values (${clinicId}, ${at}, ${event.kind}, ${event.sessionId}, ${json}::jsonb)
      returning id, clinic_id, kind, data
    )
    select e.id, pg_notify(${BOARD_CHANNEL}, json_build_object('i', e.id, 'c', e.clinic_id, 'k', e.kind, 'd', e.data)::text)
      from e`.execute(trx);
  return Number(r.rows[0]?.id);
}

type Listener = (e: BoardEvent) => void;
interface Subscriber {
  event: Listener;
  /** Events may be missing (the LISTEN connection came back, notices were lost): refetch the board. */
  resync: (reason: BoardResyncEvent['reason']) => void;
}

export type PendingEvent = BoardEvent;

/** Counters for tests and diagnostics: streams dropped for not draining, and the most bytes one queued. */
export interface BoardStreamStats {
  dropped: number;
  peakQueuedBytes: number;
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
  readonly streamStats: BoardStreamStats = { dropped: 0, peakQueuedBytes: 0 };

  constructor(private readonly ctx: ModuleContext) {}

  #dispatch(payload: string) {
    let p: { i: number; c: string; d: unknown };
    try {
      p = JSON.parse(payload);
    } catch (e) {
      this.ctx.log.warn(describeError(e), 'board notice is not JSON; ignored');
      return;
    }
    const subs = this.#subs.get(p.c);
    if (!subs) return;
    const data = BoardRecordedEvent.safeParse(p.d);
    if (!data.success) {
      // Another process (another version?) sent what this one cannot read: its boards refetch instead.
      this.ctx.log.warn(
        { eventId: p.i },
        'board notice does not match the event contract; boards told to resync',
      );
      for (const s of subs) s.resync('not_announced');
      return;
    }
    for (const s of subs) s.event({ id: Number(p.i), clinicId: p.c, kind: data.data.kind, data: data.data });
  }

  /** Starts listening (idempotent); resolves once the LISTEN is in place. */
  ready(): Promise<unknown> {
    this.#unwatch ??= this.ctx.database.onConnection((e) => {
      if (e.kind !== 'listen_restored') return;
      for (const set of this.#subs.values()) for (const s of set) s.resync('reconnected');
    });
    this.#listening ??= this.ctx.database.listen(BOARD_CHANNEL, (payload) => this.#dispatch(payload));
    return this.#listening;
  }

  async subscribe(clinicId: string, fn: Listener, onResync?: Subscriber['resync']): Promise<() => void> {
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

  /** Open subscriptions of one clinic in this process (tests, diagnostics). */
  subscriberCount(clinicId: string): number {
    return this.#subs.get(clinicId)?.size ?? 0;
  }

  /**
   * Events after `afterId` for one clinic (resume after a dropped connection), oldest first, read through
   * the contract; `unreadable` counts stored rows that do not match it (written before the contract, or by
   * another version): the client is told to resync instead.
   */
  async since(
    clinicId: string,
    afterId: number,
    limit = 1000,
  ): Promise<{ events: BoardEvent[]; unreadable: number }> {
    const rows = await this.ctx.db
      .selectFrom('board_events')
      .select(['id', 'data'])
      .where('clinic_id', '=', clinicId)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
    const events: BoardEvent[] = [];
    let unreadable = rows.length === limit ? 1 : 0;
    for (const r of rows) {
      const data = BoardRecordedEvent.safeParse(r.data);
      if (data.success) events.push({ id: Number(r.id), clinicId, kind: data.data.kind, data: data.data });
      else unreadable++;
    }
    return { events, unreadable };
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
            for (const set of this.#subs.values()) for (const s of set) s.resync('not_announced');
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
