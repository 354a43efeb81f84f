/**
 * LISTEN on a PostgreSQL server that survives the server going away.
 *
 * NOTIFY reaches only sessions that are listening when it is sent, and a `pg` client whose connection
 * breaks (a restart, `pg_terminate_backend`, a network cut) stays broken: without care, a board stops
 * receiving events and the session cache stops hearing invalidations, silently. This listener owns one
 * dedicated connection; when it breaks it reports `listen_lost`, reconnects with exponential backoff
 * (100 ms doubling to 5 s), re-issues LISTEN for every channel, and reports `listen_restored`. Anything
 * notified in between is lost for good, so a subscriber treats `listen_restored` as "resynchronise"
 * (the board refetches, the session cache forgets everything).
 *
 * @example
 *   const l = new PgListener(clientConfig, (e) => log(e));
 *   const stop = await l.listen('plasticity_board', (payload) => …); // resolves once LISTEN is in place
 */
import pg from 'pg';

/** What the driver tells the server about its connections (payload-free: safe to log). */
export type ConnectionEvent =
  | { kind: 'listen_lost'; error: Error | undefined }
  | { kind: 'listen_restored'; downMs: number; attempts: number }
  | { kind: 'listen_retry_failed'; error: Error; attempt: number }
  | { kind: 'pool_error'; error: Error };

export const LISTEN_BACKOFF = { initialMs: 100, maxMs: 5_000 };

const CHANNEL = /^[a-z_][a-z0-9_]*$/;

export class ListenerClosedError extends Error {
  constructor() {
    super('the database was closed');
    this.name = 'ListenerClosedError';
  }
}

export class PgListener {
  readonly #handlers = new Map<string, Set<(payload: string) => void>>();
  #client: pg.Client | undefined;
  #connecting: Promise<pg.Client> | undefined;
  #lostAt: number | undefined;
  #closed = false;
  #sleep: { timer: NodeJS.Timeout; wake: () => void } | undefined;

  constructor(
    private readonly clientConfig: pg.ClientConfig,
    private readonly emit: (e: ConnectionEvent) => void,
    private readonly backoff = LISTEN_BACKOFF,
  ) {}

  /** True while the LISTEN connection is up (notifications are being received). */
  get connected(): boolean {
    return this.#client !== undefined;
  }

  /** Subscribes to a channel; resolves once LISTEN is in place (waiting through an outage). */
  async listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
    if (!CHANNEL.test(channel)) throw new Error(`bad channel name ${channel}`);
    let set = this.#handlers.get(channel);
    const isNew = !set;
    if (!set) {
      set = new Set();
      this.#handlers.set(channel, set);
    }
    set.add(onPayload);
    const unsubscribe = async (): Promise<void> => {
      set.delete(onPayload);
    };
    if (!isNew) {
      await this.#ensure();
      return unsubscribe;
    }
    const c = await this.#ensure();
    try {
      await c.query(`listen ${channel}`);
    } catch (e) {
      if (this.#closed || c === this.#client) throw e;
      // The connection broke meanwhile; the reconnection LISTENs on every registered channel.
      await this.#ensure();
    }
    return unsubscribe;
  }

  async close(): Promise<void> {
    this.#closed = true;
    if (this.#sleep) {
      clearTimeout(this.#sleep.timer);
      this.#sleep.wake();
    }
    const c = this.#client;
    this.#client = undefined;
    if (c) await c.end();
  }

  #ensure(): Promise<pg.Client> {
    if (this.#closed) return Promise.reject(new ListenerClosedError());
    if (this.#client) return Promise.resolve(this.#client);
    this.#connecting ??= this.#connectWithRetry();
    return this.#connecting;
  }

  async #connectWithRetry(): Promise<pg.Client> {
    let delay = this.backoff.initialMs;
    for (let attempt = 1; ; attempt++) {
      if (this.#closed) throw new ListenerClosedError();
      try {
        const c = await this.#connectOnce();
        this.#client = c;
        this.#connecting = undefined;
        if (this.#lostAt !== undefined) {
          const downMs = Date.now() - this.#lostAt;
          this.#lostAt = undefined;
          this.emit({ kind: 'listen_restored', downMs, attempts: attempt });
        }
        return c;
      } catch (e) {
        if (this.#closed) throw new ListenerClosedError();
        // Keep trying until the server is back; subscribers hear `listen_restored` then (a gap).
        this.#lostAt ??= Date.now();
        this.emit({ kind: 'listen_retry_failed', error: e as Error, attempt });
        await this.#wait(delay);
        delay = Math.min(delay * 2, this.backoff.maxMs);
      }
    }
  }

  async #connectOnce(): Promise<pg.Client> {
    const c = new pg.Client({ ...this.clientConfig, keepAlive: true });
    // Without an 'error' listener, a broken connection is an uncaught exception that ends the process.
    c.on('error', (e) => this.#lost(c, e));
    c.on('end', () => this.#lost(c, undefined));
    try {
      await c.connect();
      c.on('notification', (n) => {
        for (const h of this.#handlers.get(n.channel) ?? []) h(n.payload ?? '');
      });
      for (const channel of this.#handlers.keys()) await c.query(`listen ${channel}`);
    } catch (e) {
      c.removeAllListeners('end');
      await c.end().catch((endError: unknown) => this.emit({ kind: 'pool_error', error: endError as Error }));
      throw e;
    }
    return c;
  }

  #lost(c: pg.Client, error: Error | undefined): void {
    if (this.#closed || c !== this.#client) return;
    this.#client = undefined;
    this.#connecting = undefined;
    this.#lostAt = Date.now();
    c.removeAllListeners('notification');
    this.emit({ kind: 'listen_lost', error });
    void this.#ensure().catch((e: unknown) => {
      if (!(e instanceof ListenerClosedError)) this.emit({ kind: 'pool_error', error: e as Error });
    });
  }

  #wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#sleep = undefined;
        resolve();
      }, ms);
      timer.unref();
      this.#sleep = { timer, wake: resolve };
    });
  }
}

/**
 * Whether an error means the database connection itself failed (the server restarted, the connection was
 * terminated or refused) rather than the statement: SQLSTATE class 08 (connection exception) and 57P01–03
 * (operator intervention: shutdown, crash, cannot connect now), and the `pg` client's own connection errors.
 */
export function isConnectionError(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (/^08/.test(code) || ['57P01', '57P02', '57P03'].includes(code)) return true;
    if (['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTCONN'].includes(code)) return true;
  }
  return /^Connection terminated|connection error and is not queryable|Client was closed and is not queryable/.test(
    e.message,
  );
}
