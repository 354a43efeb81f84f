/**
 * Test helpers that run `plasticity` as a real child process (`node apps/server/bin/plasticity.mjs`: the
 * compiled bundle, which the tests' global setup rebuilds when a source changed) on an embedded data directory — for the process tests (data-directory lock, signals, crash
 * recovery) and the CLI tests. Servers listen on loopback and a free port (PORT=0); the port is read
 * from the "Plasticity is ready" log line.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'plasticity.mjs');

function envFor(dataDir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PLASTICITY_DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    // The demo clinic without its year of synthetic history: these tests need the clinic, its logins and its
    // chairs, and each fresh data directory would otherwise spend seconds generating 300 patients' records.
    PLASTICITY_DEMO_HISTORY_PATIENTS: '0',
  };
  delete env.DATABASE_URL; // the embedded database unless the caller passes one
  Object.assign(env, extra);
  delete env.NODE_OPTIONS; // vitest's worker options must not leak into the child
  return env;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a CLI command to completion. */
export function runCli(
  dataDir: string,
  args: string[],
  opts: { stdin?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [BIN, ...args], {
      env: envFor(dataDir, opts.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => (stdout += d));
    p.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      p.kill('SIGKILL');
      reject(new Error(`plasticity ${args.join(' ')} did not finish in time\n${stdout}\n${stderr}`));
    }, opts.timeoutMs ?? 60_000);
    p.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    p.stdin.end(opts.stdin ?? '');
  });
}

export interface Served {
  proc: ChildProcess;
  port: number;
  url: string;
  output: () => string;
  /** Resolves with the exit code/signal and how long the exit took after `since`. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** /healthz status codes seen while waiting for ready (503 before ready, when observable). */
  healthSeen: number[];
}

/** Starts `plasticity serve` and waits until it logs "Plasticity is ready". */
export async function startServe(
  dataDir: string,
  env: Record<string, string> = {},
  timeoutMs = 90_000,
): Promise<Served> {
  const proc = spawn(process.execPath, [BIN, 'serve'], {
    env: envFor(dataDir, env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const healthSeen: number[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  let port = 0;
  const poll = setInterval(async () => {
    const m = /"port":(\d+)/.exec(out) ?? /listening at http:\/\/127\.0\.0\.1:(\d+)/i.exec(out);
    if (!m) return;
    try {
      healthSeen.push((await fetch(`http://127.0.0.1:${m[1]}/healthz`)).status);
    } catch {
      /* not yet */
    }
  }, 25);
  try {
    port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not become ready:\n${out}`)), timeoutMs);
      const onData = (d: Buffer) => {
        out += d.toString();
        const ready = out.split('\n').find((l) => l.includes('Plasticity is ready'));
        if (ready) {
          clearTimeout(timer);
          resolve(Number(/"port":(\d+)/.exec(ready)?.[1]));
        }
      };
      proc.stdout?.on('data', onData);
      proc.stderr?.on('data', (d: Buffer) => (out += d.toString()));
      void exited.then((e) =>
        reject(new Error(`server exited (${e.code ?? e.signal}) before ready:\n${out}`)),
      );
    });
  } finally {
    clearInterval(poll);
  }
  return { proc, port, url: `http://127.0.0.1:${port}`, output: () => out, exited, healthSeen };
}

/** A minimal cookie-keeping HTTP client for a running server. */
export class HttpSession {
  cookie = '';
  csrf = '';
  constructor(readonly base: string) {}
  async call(method: string, path: string, body?: unknown) {
    const headers: Record<string, string> = {};
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && method !== 'GET') headers['x-csrf-token'] = this.csrf;
    if (method !== 'GET') headers.origin = new URL(this.base).origin;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const r = await fetch(this.base + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = r.headers.get('set-cookie');
    if (set?.startsWith('plasticity_session=')) this.cookie = set.split(';')[0] as string;
    const text = await r.text();
    // biome-ignore lint/suspicious/noExplicitAny: test helper returning parsed JSON of any shape
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: r.status, body: json, text };
  }
  async login(email: string, password: string) {
    const r = await this.call('POST', '/api/v1/auth/login', { email, password });
    if (r.status !== 200) throw new Error(`login ${email}: ${r.status} ${r.text}`);
    this.csrf = r.body.csrfToken;
    return r;
  }
}

/**
 * A database of its own on the PostgreSQL server of `serverUrl`, for a test whose child processes need one
 * (`plasticity_<prefix>_<pid>_<time>`): created by `create`, dropped (connections closed) by `drop`.
 */
export function ownServerDatabase(serverUrl: string, prefix: string) {
  const name = `plasticity_${prefix}_${process.pid}_${Date.now().toString(36)}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  return {
    /** Its URL (made when asked: without a server the test registers no case that asks). */
    url: () => {
      const u = new URL(serverUrl);
      u.pathname = `/${name}`;
      return u.toString();
    },
    create: () => admin(`create database ${name}`),
    drop: () => admin(`drop database if exists ${name} with (force)`),
  };
}
