/**
 * Plumbing of the vitals benchmark (vitals.bench.ts): latency statistics, spawning a process until a
 * log line says it is ready, and a small keep-alive HTTP client that keeps a session cookie and the
 * CSRF token like the web app does.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import http from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
  async login(email: string) {
    const r = await this.request('POST', '/api/v1/auth/login', { email, password: 'plasticity-demo' });
    if (r.status !== 200) throw new Error(`login ${email}: ${r.status} ${JSON.stringify(r.body)}`);
    this.csrf = r.body.csrfToken;
  }
}
