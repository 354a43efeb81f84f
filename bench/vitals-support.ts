/**
 * Plumbing of the vitals benchmark (vitals.bench.ts): latency statistics, spawning a process until a
 * log line says it is ready, and a small keep-alive HTTP client that keeps a session cookie and the
 * CSRF token like the web app does.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export interface Stats {
  count: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

const pct = (xs: number[], p: number) => {
  if (!xs.length) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] as number;
};
export const stats = (lat: number[], seconds: number, errors: number): Stats => ({
  count: lat.length,
  perSecond: Math.round(lat.length / seconds),
  p50: +pct(lat, 50).toFixed(2),
  p99: +pct(lat, 99).toFixed(2),
  errors,
});

export function spawnUntil(
  args: string[],
  env: Record<string, string>,
  ready: (line: string) => number | null,
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`not ready after 120 s:\n${out.slice(-3000)}`)), 120_000);
    const onData = (c: Buffer) => {
      out += c.toString();
      for (const line of out.split('\n')) {
        const port = ready(line);
        if (port) {
          clearTimeout(t);
          child.stdout?.off('data', onData);
          child.stdout?.resume();
          child.stderr?.resume();
          return resolve({ child, port });
        }
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => {
      out += c.toString();
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}:\n${out.slice(-3000)}`)));
  });
}

export const jsonPort = (key: string) => (line: string) => {
  try {
    const o = JSON.parse(line);
    return o[key] && typeof o.port === 'number' ? o.port : null;
  } catch {
    return null;
  }
};

export class Http {
  agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  cookie = '';
  csrf = '';
  constructor(readonly base: string) {}
  // biome-ignore lint/suspicious/noExplicitAny: response bodies of several shapes, read field by field
  request(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const data = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = http.request(
        `${this.base}${path}`,
        {
          method,
          agent: this.agent,
          headers: {
            ...(data
              ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) }
              : {}),
            ...(this.cookie ? { cookie: this.cookie } : {}),
            ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
            ...(method !== 'GET' ? { origin: new URL(this.base).origin } : {}),
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => {
            text += c;
          });
          res.on('end', () => {
            const sc = res.headers['set-cookie']?.find((c) => c.startsWith('plasticity_session='));
            if (sc) this.cookie = sc.split(';')[0] as string;
            let parsed: unknown = text;
            try {
              parsed = JSON.parse(text);
            } catch {
              /* not JSON */
            }
            resolve({ status: res.statusCode ?? 0, body: parsed });
          });
        },
      );
      req.on('error', reject);
      req.end(data);
    });
  }
  /**
   * A GET whose answer is read to its end but not decoded or parsed: what a benchmark's closed loop needs, so
   * the client (in the server's process) does not spend the server's event loop parsing large answers. It
   * accepts compressed answers as a browser does (`Accept-Encoding: gzip, deflate, br`); it does not inflate
   * them, for the same reason.
   */
  getStatus(path: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = http.get(
        `${this.base}${path}`,
        {
          agent: this.agent,
          headers: {
            'accept-encoding': 'gzip, deflate, br',
            ...(this.cookie ? { cookie: this.cookie } : {}),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
    });
  }
  async login(email: string) {
    const r = await this.request('POST', '/api/v1/auth/login', { email, password: 'plasticity-demo' });
    if (r.status !== 200) throw new Error(`login ${email}: ${r.status} ${JSON.stringify(r.body)}`);
    this.csrf = r.body.csrfToken;
  }
}

/**
 * Through the API (as `client`, signed in): a patient with a session booked now for each chair name, on the demo
 * clinic's IV ketamine protocol. Returns the session ids, in the order of `chairs`.
 */
export async function sessionsInChairs(
  client: Http,
  chairs: readonly string[],
  lastName: string,
): Promise<string[]> {
  const sessions: string[] = [];
  for (const [i, chair] of chairs.entries()) {
    const p = await client.request('POST', '/api/v1/patients', {
      firstName: 'Bench',
      lastName: `${lastName}${i}`,
      dateOfBirth: '1980-01-01',
      sex: 'other',
    });
    if (p.status !== 201) throw new Error(`patient: ${p.status} ${JSON.stringify(p.body)}`);
    const s = await client.request('POST', '/api/v1/sessions', {
      patientId: p.body.id,
      protocolId: 'default-iv-ketamine-trd',
      scheduledAt: new Date().toISOString(),
      chair,
    });
    if (s.status !== 201) throw new Error(`session: ${s.status} ${JSON.stringify(s.body)}`);
    sessions.push(s.body.id);
  }
  return sessions;
}

/**
 * A fresh PostgreSQL database for one benchmark (BENCH_DATABASE_URL, else TEST_DATABASE_URL, else
 * postgres://postgres@127.0.0.1:5432/postgres): `work` gets its URL and a list to put started processes in;
 * afterwards, whatever happened, those processes are stopped and the database dropped.
 */
export async function withBenchDatabase<T>(
  prefix: string,
  work: (dbUrl: string, children: ChildProcess[]) => Promise<T>,
): Promise<T> {
  const adminUrl =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  const dbUrl = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const children: ChildProcess[] = [];
  try {
    return await work(dbUrl, children);
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
    await Promise.all(
      children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)),
    );
    await admin
      .query(`drop database if exists ${dbName} with (force)`)
      .catch(() => admin.query(`drop database if exists ${dbName}`));
    await admin.end();
  }
}

/** Runs a benchmark file started on its own: exit 0 when every target is met, 1 otherwise or on failure. */
export function runAlone<R>(
  url: string,
  run: () => Promise<R>,
  verdicts: (r: R) => Array<[string, boolean]>,
) {
  if (url !== `file://${process.argv[1]}`) return;
  run().then(
    (r) => process.exit(verdicts(r).every(([, ok]) => ok) ? 0 : 1),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
