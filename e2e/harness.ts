/**
 * Browser-test harness: a real Plasticity server on a fresh embedded database (demo clinic
 * seeded) and headless Chromium driven by playwright-core (Debian's /usr/bin/chromium — no
 * browser download).
 *
 * When /usr/bin/chromium is missing the journeys are skipped with a visible notice, unless
 * `REQUIRE_BROWSER=1` (set by `.ci/run`), in which case they fail. Build the web app first:
 * `npm run test:e2e` does that (scripts/ensure-web-build.mjs).
 *
 * @example
 * ```ts
 * import { afterAll, beforeAll, expect, test } from 'vitest';
 * import { type Browser, describeBrowser, login, newPage, openBrowser, type Server, startServer } from './harness.ts';
 *
 * describeBrowser('my journey', () => {
 *   let server: Server;
 *   let browser: Browser;
 *   beforeAll(async () => {
 *     server = await startServer();
 *     browser = await openBrowser();
 *   });
 *   afterAll(async () => {
 *     await browser?.close();
 *     await server?.stop();
 *   });
 *   test('nurse sees the patient list', async () => {
 *     const page = await newPage(browser);
 *     await login(page, server.baseUrl, 'nurse@freshstart.example');
 *     await expectNoSeriousAxeViolations(page);
 *     await screenshot(page, 'my-journey-patients');
 *   });
 * });
 * ```
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { describe, expect } from 'vitest';

export type { Browser, Page };

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM_PATH = '/usr/bin/chromium';
export const DEMO_PASSWORD = 'plasticity-demo';
export const DEMO_LOGINS = {
  admin: 'admin@freshstart.example',
  prescriber: 'prescriber@freshstart.example',
  nurse: 'nurse@freshstart.example',
  therapist: 'therapist@freshstart.example',
  frontDesk: 'frontdesk@freshstart.example',
  patient: 'patient@freshstart.example',
} as const;

/** True when the journeys can run; prints why not, or throws when REQUIRE_BROWSER=1. */
function browserAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  const why = `${CHROMIUM_PATH} is missing (apt-get install -y chromium)`;
  if (process.env.REQUIRE_BROWSER === '1') throw new Error(`REQUIRE_BROWSER=1 but ${why}`);
  console.warn(`\n⚠ Browser journeys SKIPPED: ${why}. Set REQUIRE_BROWSER=1 to make this a failure.\n`);
  return false;
}

/** `describe` that skips (visibly) when there is no browser, see {@link browserAvailable}. */
export const describeBrowser: typeof describe.skip = ((name: string, fn: () => void) =>
  browserAvailable() ? describe(name, fn) : describe.skip(name, fn)) as typeof describe.skip;

export interface Server {
  baseUrl: string;
  port: number;
  /** Server output so far (JSON log lines), for failure messages. */
  output(): string;
  /** SIGTERM, wait for exit, remove the temp data directory. */
  stop(): Promise<void>;
}

/**
 * Spawns `node apps/server/bin/plasticity.mjs serve` on a fresh temp data dir, port 0 on
 * 127.0.0.1, demo clinic seeded, and resolves once it logs "Plasticity is ready" with its port.
 */
export async function startServer(env: Record<string, string> = {}): Promise<Server> {
  const dataDir = mkdtempSync(join(tmpdir(), 'plasticity-e2e-'));
  const child = spawn(process.execPath, [join(ROOT, 'apps/server/bin/plasticity.mjs'), 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: '',
      PLASTICITY_DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      PLASTICITY_DEMO: '1',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server not ready after 90 s:\n${out.slice(-4000)}`));
    }, 90_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      for (const line of out.split('\n')) {
        if (!line.includes('Plasticity is ready')) continue;
        try {
          const p = (JSON.parse(line) as { port?: number }).port;
          if (typeof p === 'number') {
            clearTimeout(timer);
            resolve(p);
            return;
          }
        } catch {
          /* not a complete JSON line yet */
        }
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => {
      out += c.toString();
    });
    void exited.then((code) => {
      clearTimeout(timer);
      rmSync(dataDir, { recursive: true, force: true });
      reject(new Error(`server exited (code ${code}) before it was ready:\n${out.slice(-4000)}`));
    });
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    output: () => out,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await stopWithin(child, exited, 10_000);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function stopWithin(child: ChildProcess, exited: Promise<unknown>, ms: number) {
  const t = setTimeout(() => child.kill('SIGKILL'), ms);
  await exited;
  clearTimeout(t);
}

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Headless Chromium. Playwright gives every launch a fresh temporary user-data dir and removes it
 * on close, so no profile state leaks between runs.
 */
export async function openBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS });
}

/**
 * Content-Security-Policy violations reported by any page opened with `newPage` in this file's run
 * (Chromium logs each as a console error), with the page's URL.
 */
export const cspViolations: string[] = [];

/** A page in its own context (own cookies and storage), its CSP violations collected in `cspViolations`. */
export async function newPage(
  browser: Browser,
  opts: { viewport?: { width: number; height: number } } = {},
): Promise<Page> {
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) cspViolations.push(`${page.url()}: ${m.text()}`);
  });
  return page;
}

/** Opens the login page and signs in; resolves when the signed-in shell shows. */
export async function login(
  page: Page,
  baseUrl: string,
  email: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Account menu' }).waitFor();
}

/**
 * Opens a patient's chart from the patient list: searches `query`, waits until the search has answered (the list
 * holds one patient — before it does, the first page of everyone shows, and a click could land on a row being
 * replaced), then opens the row named `name` ("Last, First").
 */
export async function openChart(page: Page, baseUrl: string, query: string, name: string): Promise<void> {
  await page.goto(`${baseUrl}/patients`);
  await page.getByLabel('Search patients').fill(query);
  const table = page.getByRole('table', { name: 'Patients' });
  await expect.poll(() => table.getByRole('row').count(), { timeout: 20_000 }).toBe(2); // the header and one row
  await table.getByRole('link', { name }).click();
}

/** Saves a full-page screenshot to e2e/screenshots/<name>.png (gitignored) and returns the path. */
/**
 * After a failed test, a screenshot of each page for the reader of the failure. A screenshot that cannot be
 * taken (the page already closed) is reported on the console, never hidden.
 */
export async function screenshotsOnFailure(pages: ReadonlyArray<readonly [Page, string]>): Promise<void> {
  for (const [page, name] of pages)
    await screenshot(page, name).catch((e: unknown) => console.error(`no screenshot ${name}: ${String(e)}`));
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = join(ROOT, 'e2e', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

let axeSource: string | undefined;

/** Runs axe-core on the page; throws listing rule ids and targets of serious/critical violations. */
export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  axeSource ??= readFileSync(fileURLToPath(import.meta.resolve('axe-core/axe.min.js')), 'utf8');
  // Evaluated through the DevTools protocol, not as an inline <script>: the app's CSP forbids those.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            o: object,
          ) => Promise<{
            violations: Array<{
              id: string;
              impact?: string | null;
              help: string;
              nodes: Array<{ target: unknown[]; failureSummary?: string }>;
            }>;
          }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map(
        (n) =>
          `${n.target.map(String).join(' ')} — ${(n.failureSummary ?? '').split('\n').slice(1).join(' ').trim()}`,
      ),
    }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) {
    const list = bad
      .map((v) => `  ${v.impact} ${v.id} (${v.help}):\n    ${v.targets.slice(0, 5).join('\n    ')}`)
      .join('\n');
    throw new Error(`axe found ${bad.length} serious/critical violation(s) on ${page.url()}:\n${list}`);
  }
}

/** What the page's origin keeps in browser storage: empty lists mean nothing is stored. */
export async function browserStorage(
  page: Page,
): Promise<{ localStorage: string[]; sessionStorage: string[]; indexedDB: string[] }> {
  return page.evaluate(async () => ({
    localStorage: Object.keys(window.localStorage),
    sessionStorage: Object.keys(window.sessionStorage),
    indexedDB: (await indexedDB.databases()).map((d) => d.name ?? '(unnamed)'),
  }));
}

/**
 * Signs in through the API as `email` (demo password) and returns a caller that sends requests as that user,
 * with its cookie, CSRF token and Origin, as the browser would: `{ status, body }`, the body parsed when the
 * answer is JSON. For journey set-up and checks that are not what the journey is about.
 */
export async function apiAs(
  baseUrl: string,
  email: string,
  // biome-ignore lint/suspicious/noExplicitAny: response bodies of several shapes, read field by field
): Promise<(method: string, path: string, body?: unknown) => Promise<{ status: number; body: any }>> {
  const r = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!r.ok) throw new Error(`signing in as ${email} answered ${r.status}`);
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0] as string;
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  return async (method, path, body) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        cookie,
        origin: baseUrl,
        'x-csrf-token': csrfToken,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = (res.headers.get('content-type') ?? '').includes('application/json');
    return { status: res.status, body: json ? await res.json() : null };
  };
}
