/**
 * The embedded server's local control socket, `<dataDir>/plasticity.sock`: how `plasticity backup` takes
 * a consistent snapshot of the embedded database while the server runs. The running server holds the data
 * directory's lock (data-dir-lock.ts) and its only database connection, so no other process may read the
 * files; instead the CLI asks the server, which takes the snapshot itself between transactions
 * (`Database.dumpDataDir`: CHECKPOINT, then a tar of the directory, while holding the connection).
 *
 * Who may ask: whoever may connect to the socket, which is created with mode 0600 inside the data
 * directory — the same people who could copy the data directory's files anyway. It is not a network port.
 *
 * Protocol: the client sends one line `{"op":"backup"}`; the server answers one JSON line
 * `{"ok":true,"bytes":N,"migrations":[…]}` followed by N bytes of tar, or `{"ok":false,"error":"…"}`.
 *
 * @example
 *   const close = await startControlSocket(config.dataDir, database, app.log); // server
 *   const snap = await requestOnlineBackup(config.dataDir);                    // CLI
 */
import { chmodSync, existsSync, unlinkSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import type { Database } from '@plasticity/db';
import { sql } from 'kysely';
import { describeError, type JobLogger } from './jobs.ts';

export const CONTROL_SOCKET = 'plasticity.sock';
/** Unix socket paths are limited to about 108 bytes. */
const MAX_SOCKET_PATH = 100;

export const controlSocketPath = (dataDir: string) => join(dataDir, CONTROL_SOCKET);

async function appliedMigrations(database: Database): Promise<string[]> {
  const r = await sql<{ name: string }>`select name from schema_migrations order by version`.execute(
    database.db,
  );
  return r.rows.map((row) => row.name);
}

/** Starts answering on the socket; returns a function that stops and removes it. */
export async function startControlSocket(
  dataDir: string,
  database: Database,
  log: JobLogger & { warn(obj: object, msg: string): void },
): Promise<() => Promise<void>> {
  const path = controlSocketPath(dataDir);
  if (path.length > MAX_SOCKET_PATH) {
    log.warn(
      { pathLength: path.length },
      'data directory path too long for the control socket: no online backup',
    );
    return async () => undefined;
  }
  // We hold the data directory's lock, so a socket file here was left by a process that is gone.
  if (existsSync(path)) unlinkSync(path);
  const server = net.createServer((conn) => {
    let buf = '';
    conn.setEncoding('utf8');
    conn.on('error', (e) => log.warn(describeError(e), 'control socket connection failed'));
    conn.on('data', (chunk: string) => {
      buf += chunk;
      const nl = buf.indexOf('\n');
      if (nl < 0) {
        if (buf.length > 1024) conn.destroy();
        return;
      }
      conn.removeAllListeners('data');
      let op: unknown;
      try {
        op = (JSON.parse(buf.slice(0, nl)) as { op?: unknown }).op;
      } catch {
        op = undefined;
      }
      if (op !== 'backup' || !database.dumpDataDir) {
        conn.end(`${JSON.stringify({ ok: false, error: 'unknown request' })}\n`);
        return;
      }
      const dump = database.dumpDataDir;
      void (async () => {
        const started = Date.now();
        try {
          const migrations = await appliedMigrations(database);
          const tar = Buffer.from(await (await dump()).arrayBuffer());
          conn.write(`${JSON.stringify({ ok: true, bytes: tar.length, migrations })}\n`);
          conn.end(tar);
          log.info({ bytes: tar.length, ms: Date.now() - started }, 'online backup snapshot taken');
        } catch (e) {
          log.error(describeError(e), 'online backup snapshot failed');
          conn.end(`${JSON.stringify({ ok: false, error: 'the server could not take the snapshot' })}\n`);
        }
      })();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });
  chmodSync(path, 0o600);
  server.on('error', (e) => log.warn(describeError(e), 'control socket failed'));
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      // Closing the server unlinks the socket file; a connection in progress may finish.
    });
}

export class NoControlSocketError extends Error {}

/** Asks the running server for a snapshot of its embedded database. */
export function requestOnlineBackup(
  dataDir: string,
  onProgress: (bytes: number, total: number) => void = () => undefined,
): Promise<{ tar: Buffer; migrations: string[] }> {
  const path = controlSocketPath(dataDir);
  return new Promise((resolve, reject) => {
    if (!existsSync(path)) {
      reject(new NoControlSocketError(path));
      return;
    }
    const conn = net.createConnection(path);
    const chunks: Buffer[] = [];
    let header: { ok: boolean; bytes?: number; migrations?: string[]; error?: string } | undefined;
    let pending = Buffer.alloc(0);
    let received = 0;
    conn.on('connect', () => conn.write(`${JSON.stringify({ op: 'backup' })}\n`));
    conn.on('data', (chunk: Buffer) => {
      if (!header) {
        pending = Buffer.concat([pending, chunk]);
        const nl = pending.indexOf(10);
        if (nl < 0) return;
        try {
          header = JSON.parse(pending.subarray(0, nl).toString('utf8'));
        } catch {
          conn.destroy();
          reject(new Error('the server answered the backup request with something unexpected'));
          return;
        }
        chunk = pending.subarray(nl + 1);
      }
      chunks.push(chunk);
      received += chunk.length;
      onProgress(received, header?.bytes ?? 0);
    });
    conn.on('error', (e: NodeJS.ErrnoException) => {
      reject(e.code === 'ECONNREFUSED' || e.code === 'ENOENT' ? new NoControlSocketError(path) : e);
    });
    conn.on('end', () => {
      if (!header) return reject(new Error('the server closed the connection without answering'));
      if (!header.ok) return reject(new Error(`the server refused: ${header.error ?? 'no reason given'}`));
      const tar = Buffer.concat(chunks);
      if (tar.length !== header.bytes)
        return reject(new Error(`the snapshot arrived incomplete (${tar.length} of ${header.bytes} bytes)`));
      resolve({ tar, migrations: header.migrations ?? [] });
    });
  });
}
