/**
 * Running PostgreSQL's own client tools (pg_dump, pg_restore) for `plasticity backup`/`restore` on a
 * server database. The connection is passed through libpq's environment variables (PGHOST, PGPASSWORD, …),
 * never on the command line, where other users of the machine could read a password in the process list.
 */
import { spawn } from 'node:child_process';

export class MissingToolError extends Error {
  constructor(readonly tool: string) {
    super(
      `${tool} was not found on PATH. Backing up and restoring a PostgreSQL server database uses PostgreSQL's ` +
        `client tools: install them (the server's major version or newer; Debian/Ubuntu: apt install ` +
        `postgresql-client) and try again.`,
    );
    this.name = 'MissingToolError';
  }
}

const QUERY_ENV: Record<string, string> = {
  host: 'PGHOST',
  port: 'PGPORT',
  user: 'PGUSER',
  password: 'PGPASSWORD',
  dbname: 'PGDATABASE',
  sslmode: 'PGSSLMODE',
  sslrootcert: 'PGSSLROOTCERT',
  sslcert: 'PGSSLCERT',
  sslkey: 'PGSSLKEY',
  options: 'PGOPTIONS',
  application_name: 'PGAPPNAME',
  connect_timeout: 'PGCONNECT_TIMEOUT',
};

/** libpq environment for a postgres:// URL (RFC 3986 parts, then its query parameters). */
export function libpqEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.values(QUERY_ENV)) delete env[k];
  delete env.DATABASE_URL;
  if (u.hostname) env.PGHOST = decodeURIComponent(u.hostname.replace(/^\[(.*)\]$/, '$1'));
  if (u.port) env.PGPORT = u.port;
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const db = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (db) env.PGDATABASE = db;
  for (const [k, v] of u.searchParams) {
    const name = QUERY_ENV[k];
    if (name) env[name] = v;
  }
  return env;
}

/**
 * Runs a tool to completion. `onStderrLine` sees each line of its diagnostics (pg_restore --verbose reports
 * progress there); on failure the error carries the tool's own last lines, which name what went wrong.
 */
export function runTool(
  tool: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  opts: { onStderrLine?: (line: string) => void } = {},
): Promise<{ stdout: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(tool, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    const tail: string[] = [];
    let partial = '';
    p.stdout.setEncoding('utf8');
    p.stderr.setEncoding('utf8');
    p.stdout.on('data', (d: string) => {
      stdout += d;
    });
    p.stderr.on('data', (d: string) => {
      partial += d;
      const lines = partial.split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        opts.onStderrLine?.(line);
        tail.push(line);
        if (tail.length > 20) tail.shift();
      }
    });
    p.on('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT' ? new MissingToolError(tool) : e));
    p.on('close', (code) => {
      if (partial) tail.push(partial);
      if (code === 0) resolve({ stdout });
      else
        reject(
          new Error(
            `${tool} failed (exit ${code}):\n${tail.filter((l) => !/^\S+: (processing|creating|executing|dropping|restoring)/.test(l)).join('\n')}`,
          ),
        );
    });
  });
}

/** "pg_dump (PostgreSQL) 15.20" — also the check that the tool is installed. */
export async function toolVersion(tool: string): Promise<string> {
  return (await runTool(tool, ['--version'], process.env)).stdout.trim();
}
