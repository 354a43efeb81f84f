/**
 * The embedded database on a worker thread (worker.mjs): what the server uses on its data directory.
 *
 * Why: PostgreSQL in WebAssembly computes on the thread that calls it. On the main thread its start took about
 * 0.8 s of the server's start after the modules had loaded, and every query held up the HTTP server for its whole
 * length. On a thread of its own it starts while the server's modules load, and queries run on another core.
 *
 * `PGliteThread` has the part of PGlite's interface the dialect and `openDatabase` use (`EmbeddedEngine`):
 * `query`, `exec`, `listen`, `dumpDataDir`, `close`. Each call is a message; the worker answers them in order.
 * Results arrive as the structured clone of PGlite's (rows parsed by the same parsers, in the worker), and a
 * PostgreSQL error arrives with its fields (`code`, `constraint`, …) on an `Error` named as PGlite names it.
 *
 * The worker is referenced only while a call waits for it, so an idle embedded database does not keep the
 * process alive (as PGlite on the main thread does not).
 */
import { Worker } from 'node:worker_threads';
import type { EmbeddedEngine, EmbeddedResults } from '../dialect/pglite-dialect.ts';

export interface PGliteThreadOptions {
  dataDir?: string;
  loadDataDir?: Blob;
  sharedBuffersMb?: number;
}

type Op =
  | { op: 'query'; sql: string; params: unknown[] }
  | { op: 'exec'; sql: string }
  | { op: 'listen'; channel: string }
  | { op: 'unlisten'; channel: string }
  | { op: 'dump' }
  | { op: 'close' };

type Reply =
  | { ready: true }
  | { notify: string; payload: string }
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { message: string; name: string } & Record<string, string> };

interface Pending {
  resolve: (value: unknown) => void;
  reject: (e: Error) => void;
}

/** An error the worker reported: PostgreSQL's fields copied onto it, as PGlite's own error carries them. */
function toError(e: { message: string; name: string } & Record<string, string>): Error {
  const err = new Error(e.message);
  Object.assign(err, e);
  return err;
}

export class PGliteThread implements EmbeddedEngine {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  readonly #listeners = new Map<string, Set<(payload: string) => void>>();
  #nextId = 1;
  #closed = false;
  /** Why the worker stopped answering, once it has. */
  #failure: Error | undefined;

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.on('message', (m: Reply) => this.#onMessage(m));
    worker.on('error', (e) => this.#fail(e));
    worker.on('exit', (code) =>
      this.#fail(new Error(`the embedded database's thread ended (exit code ${code})`)),
    );
    // Unreferenced after the listeners: adding a 'message' listener references the worker again.
    worker.unref();
  }

  /** Starts the worker and resolves once PGlite is open in it (rejects with PGlite's error if it cannot open). */
  static async start(options: PGliteThreadOptions): Promise<PGliteThread> {
    const loadDataDir = options.loadDataDir ? await options.loadDataDir.arrayBuffer() : undefined;
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), {
      workerData: { dataDir: options.dataDir, loadDataDir, sharedBuffersMb: options.sharedBuffersMb },
      ...(loadDataDir ? { transferList: [loadDataDir] } : {}),
    });
    await new Promise<void>((resolve, reject) => {
      const onMessage = (m: Reply): void => {
        if (!('ready' in m)) return;
        cleanup();
        resolve();
      };
      const onError = (e: Error): void => {
        cleanup();
        reject(e);
      };
      const onExit = (code: number): void => {
        cleanup();
        reject(new Error(`the embedded database's thread ended before it opened (exit code ${code})`));
      };
      const cleanup = (): void => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    });
    return new PGliteThread(worker);
  }

  get closed(): boolean {
    return this.#closed;
  }

  query<R>(sql: string, params: unknown[]): Promise<EmbeddedResults<R>> {
    return this.#call({ op: 'query', sql, params }) as Promise<EmbeddedResults<R>>;
  }

  /** Several statements in one text (the simple-query protocol); the last statement's result. */
  async exec(sql: string): Promise<EmbeddedResults<unknown>[]> {
    return [(await this.#call({ op: 'exec', sql })) as EmbeddedResults<unknown>];
  }

  async listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
    let set = this.#listeners.get(channel);
    if (!set) {
      set = new Set();
      this.#listeners.set(channel, set);
      try {
        await this.#call({ op: 'listen', channel });
      } catch (e) {
        // Not listening: the next subscriber asks again.
        if (this.#listeners.get(channel) === set && set.size === 0) this.#listeners.delete(channel);
        throw e;
      }
    }
    set.add(onPayload);
    return async (): Promise<void> => {
      const current = this.#listeners.get(channel);
      if (!current?.delete(onPayload) || current.size > 0) return;
      this.#listeners.delete(channel);
      if (!this.#closed) await this.#call({ op: 'unlisten', channel });
    };
  }

  /** The data directory as an uncompressed tar (the caller checkpoints first and holds the connection). */
  async dumpDataDir(): Promise<Blob> {
    return new Blob([(await this.#call({ op: 'dump' })) as ArrayBuffer]);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    try {
      // A thread that has already ended has nothing left to close.
      if (!this.#failure) await this.#call({ op: 'close' });
    } finally {
      this.#closed = true;
      await this.#worker.terminate();
    }
  }

  #call(op: Op): Promise<unknown> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#closed) return Promise.reject(new Error('the embedded database is closed'));
    const id = this.#nextId++;
    if (this.#pending.size === 0) this.#worker.ref();
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      try {
        this.#worker.postMessage({ id, ...op });
      } catch (e) {
        // A parameter that cannot be copied to the thread (DataCloneError): this call fails, nothing was sent.
        this.#settle(id);
        reject(e);
      }
    });
  }

  #settle(id: number): Pending | undefined {
    const p = this.#pending.get(id);
    this.#pending.delete(id);
    if (this.#pending.size === 0) this.#worker.unref();
    return p;
  }

  #onMessage(m: Reply): void {
    if ('notify' in m) {
      for (const fn of this.#listeners.get(m.notify) ?? []) fn(m.payload);
      return;
    }
    if (!('id' in m)) return;
    const p = this.#settle(m.id);
    if (m.ok) p?.resolve(m.value);
    else p?.reject(toError(m.error));
  }

  /** The worker failed or ended: every waiting call and every later one fails with the reason. */
  #fail(e: Error): void {
    if (this.#closed && this.#pending.size === 0) return;
    this.#failure ??= e;
    for (const id of [...this.#pending.keys()]) this.#settle(id)?.reject(this.#failure);
  }
}
