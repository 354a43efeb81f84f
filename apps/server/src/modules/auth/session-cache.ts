/**
 * A short-lived, per-process memory of resolved sessions, so that a busy client (a monitor sending vitals
 * every few seconds, a board, a nurse's screen) costs no database lookup on every request.
 *
 * Correctness rests on invalidation, with the age limit only as a backstop:
 * - every change to what resolution returns (revocation, deactivation, role, MFA, the clinic's session policy)
 *   calls `SessionStore.changed(trx)`, which forgets everything in this process at once and sends a NOTIFY on
 *   `plasticity_auth` in the change's own transaction, so every process sharing the database forgets at commit;
 * - this process forgets again when its own NOTIFY arrives, which covers a request that re-read the old row
 *   while the change was still uncommitted; a lookup that started before a forget never fills the cache;
 * - the cache is used only while the LISTEN is in place, and an entry is used for at most `SESSION_CACHE_MS`;
 * - when the database's LISTEN connection breaks (a server restart, a terminated connection) the cache empties
 *   and stays off until the connection is back, then empties again: an invalidation sent meanwhile was lost, so
 *   nothing resolved before or during the gap is trusted.
 * Idle and absolute expiry are still checked on every request, against the cached times and this process's
 * record of the last activity. OWASP Session Management Cheat Sheet: server-side invalidation on logout and
 * on privilege change.
 *
 * @example
 *   const cache = new SessionCache(database, clock);
 *   const hit = cache.get(tokenHash) ?? (cache.put(tokenHash, await lookup(), cache.generation()), …);
 */
import type { Database } from '@plasticity/db';
import type { Clock } from '../../platform/clock.ts';

export const AUTH_CHANNEL = 'plasticity_auth';
/** The longest a cached resolution is used without asking the database (backstop for a lost NOTIFY). */
export const SESSION_CACHE_MS = 5_000;
const MAX_ENTRIES = 10_000;

export class SessionCache<Row> {
  readonly #entries = new Map<string, { row: Row; at: number }>();
  #generation = 0;
  #listening: Promise<unknown> | undefined;
  #subscribed = false;
  #connected = true;
  #unwatch: (() => void) | undefined;

  constructor(
    private readonly database: Pick<Database, 'listen' | 'onConnection'>,
    private readonly clock: Clock,
    private readonly maxAgeMs = SESSION_CACHE_MS,
  ) {}

  /** The cached row for a token hash, if fresh; starts listening on first use (until then, always a miss). */
  get #live(): boolean {
    return this.#subscribed && this.#connected;
  }

  get(key: string): Row | undefined {
    if (!this.#live) {
      this.#listen();
      return undefined;
    }
    const e = this.#entries.get(key);
    if (!e) return undefined;
    if (this.clock.now().getTime() - e.at >= this.maxAgeMs) {
      this.#entries.delete(key);
      return undefined;
    }
    return e.row;
  }

  /** Take before the lookup and pass to `put`: a forget in between keeps the (possibly old) row out. */
  generation(): number {
    return this.#generation;
  }

  put(key: string, row: Row, generation: number): void {
    if (!this.#live || generation !== this.#generation) return;
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value as string);
    this.#entries.set(key, { row, at: this.clock.now().getTime() });
  }

  forget(key: string): void {
    this.#entries.delete(key);
  }

  forgetAll(): void {
    this.#generation += 1;
    this.#entries.clear();
  }

  #listen() {
    this.#unwatch ??= this.database.onConnection((e) => {
      if (e.kind === 'listen_lost') this.#connected = false;
      else if (e.kind === 'listen_restored') this.#connected = true;
      else return;
      this.forgetAll();
    });
    this.#listening ??= this.database
      .listen(AUTH_CHANNEL, () => this.forgetAll())
      .then(
        () => {
          this.forgetAll();
          this.#subscribed = true;
        },
        () => {
          // Not listening (the database is closing): the cache stays off and the next lookup tries again.
          this.#listening = undefined;
        },
      );
  }
}
