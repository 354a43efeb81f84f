/**
 * The page-text check (run by `page-text-*.e2e.test.ts`, split in two files of about equal time so the
 * journeys' two workers share it). Every page's text, as each staff role and the patient: signs in, visits every route of the
 * web app — taken from the feature registry, so a new page is covered without editing this file — with the
 * demo clinic's ids for routes that need one, waits for the page to load, and fails when what a person can
 * read (the page's visible text, input values and placeholders, title attributes) holds an internal code:
 * a snake_case token of two or more parts, `REFERENCE.md`, `UNVERIFIED`, or a camelCase field name of the
 * API contracts. axe-core runs on each page too (no serious or critical violation). The protocol editor's
 * advanced JSON view (`data-allow-codes`) is the one place raw data may show.
 */
import { appendFileSync } from 'node:fs';
import * as contracts from '@plasticity/contracts';
import { afterAll, beforeAll, expect, test } from 'vitest';
import '../apps/web/src/app/features.ts';
import { chartTabTable, type RouteDef, routeTable } from '../apps/web/src/app/registry.ts';
import { REGISTER_TABS } from '../apps/web/src/features/controlled/RegisterPage.tsx';
import {
  apiAs,
  type Browser,
  DEMO_LOGINS,
  describeBrowser,
  expectNoSeriousAxeViolations,
  login,
  newPage,
  openBrowser,
  type Page,
  type Server,
  screenshot,
  startServer,
} from './harness.ts';

type Role = contracts.Role;
const LOGIN_OF: Record<Role, string> = {
  admin: DEMO_LOGINS.admin,
  prescriber: DEMO_LOGINS.prescriber,
  nurse: DEMO_LOGINS.nurse,
  therapist: DEMO_LOGINS.therapist,
  front_desk: DEMO_LOGINS.frontDesk,
  patient: DEMO_LOGINS.patient,
};

/** Every field name of every zod object the contracts export (walked through wrappers, arrays, unions). */
function contractFieldNames(): Set<string> {
  const names = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (s: unknown) => {
    if (!s || typeof s !== 'object' || seen.has(s)) return;
    seen.add(s);
    const def = (s as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    if (def.type === 'object') {
      for (const [k, v] of Object.entries((s as { shape: Record<string, unknown> }).shape)) {
        names.add(k);
        walk(v);
      }
    }
    for (const k of ['innerType', 'element', 'in', 'out', 'valueType', 'keyType', 'left', 'right', 'schema'])
      walk(def[k]);
    for (const k of ['options', 'items']) if (Array.isArray(def[k])) for (const o of def[k]) walk(o);
  };
  for (const v of Object.values(contracts)) walk(v);
  return new Set([...names].filter((n) => /[a-z][A-Z]/.test(n)));
}
const CAMEL_FIELDS = contractFieldNames();

const SNAKE = /\b[a-z]+(?:_[a-z0-9]+)+\b/g;
const CAMEL = /\b[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)+\b/g;
/** Text that is genuinely a person's to read even when it looks like a code: email addresses and links. */
const ALLOWED = [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, /\bhttps?:\/\/\S+/g];

/** The internal codes found in a page's readable text (empty when clean). */
function internalCodesIn(text: string): string[] {
  let t = text;
  for (const a of ALLOWED) t = t.replace(a, ' ');
  const found = new Set<string>();
  for (const m of t.match(SNAKE) ?? []) found.add(m);
  for (const m of t.match(CAMEL) ?? []) if (CAMEL_FIELDS.has(m)) found.add(m);
  for (const marker of ['REFERENCE.md', 'UNVERIFIED']) if (t.includes(marker)) found.add(marker);
  return [...found];
}

/** What a person can read on the page, outside `[data-allow-codes]`. */
async function readableText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const hidden = [...document.querySelectorAll<HTMLElement>('[data-allow-codes]')];
    for (const h of hidden) h.style.setProperty('display', 'none');
    // biome-ignore lint/performance/useDomNodeTextContent: only what is rendered visibly counts here
    const parts = [document.body.innerText, document.title];
    for (const el of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
      if (el.closest('[data-allow-codes]')) continue;
      if (el.type === 'hidden' || el.type === 'password') continue;
      if (el.value && el.type !== 'checkbox' && el.type !== 'radio') parts.push(el.value);
      if (el.placeholder) parts.push(el.placeholder);
    }
    for (const el of document.querySelectorAll('[title]'))
      if (!el.closest('[data-allow-codes]')) parts.push(el.getAttribute('title') ?? '');
    for (const h of hidden) h.style.removeProperty('display');
    return parts.join('\n');
  });
}

/** Waits for the page's heading and for loaders and busy regions to settle. */
async function settle(page: Page): Promise<void> {
  await page.locator('main h1, h1').first().waitFor({ timeout: 15_000 });
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const busy = await page.evaluate(
      () =>
        document.querySelectorAll('[aria-busy="true"], .mantine-Loader-root, [data-loading="true"]').length,
    );
    if (busy === 0) break;
    await page.waitForTimeout(150);
  }
  await page.waitForTimeout(250);
}

interface DemoIds {
  patientIds: string[];
  sessionIds: string[];
}

/** Concrete paths for a route pattern, as `role` (public routes get a made-up link token). */
function pathsFor(route: RouteDef, role: Role | null, ids: DemoIds): string[] {
  const params = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);
  if (params.length === 0) return [route.path];
  let paths = [route.path];
  const expand = (name: string, values: readonly string[]) => {
    paths = paths.flatMap((p) => values.map((v) => p.replace(`:${name}`, encodeURIComponent(v))));
  };
  for (const name of params) {
    if (name === 'token') expand(name, ['not-a-real-link-token-000000000000']);
    else if (name === 'id' && route.path.startsWith('/patients')) expand(name, ids.patientIds);
    else if (name === 'id' && route.path.startsWith('/sessions')) expand(name, ids.sessionIds);
    else if (name === 'tab' && route.path.startsWith('/patients'))
      expand(
        name,
        chartTabTable()
          .filter((t) => role !== null && t.roles.includes(role))
          .map((t) => t.id),
      );
    else if (name === 'tab' && route.path.startsWith('/controlled'))
      expand(
        name,
        REGISTER_TABS.map((t) => t.id),
      );
    else if (name === 'slug' && route.path.startsWith('/learn')) expand(name, ['what-integration-is']);
    else throw new Error(`page-text journey: no demo value for :${name} in ${route.path}; add one`);
  }
  return paths;
}

/** The journey for `roles` (null: signed out), on a server of its own. */
export function describePageText(roles: (Role | null)[]): void {
  describeBrowser(
    `every page speaks in words, not codes (${roles.map((r) => r ?? 'signed out').join(', ')})`,
    () => {
      let server: Server;
      let browser: Browser;
      let ids: DemoIds;

      beforeAll(async () => {
        server = await startServer();
        browser = await openBrowser();
        const admin = await apiAs(server.baseUrl, DEMO_LOGINS.admin);
        const patient = await apiAs(server.baseUrl, DEMO_LOGINS.patient);
        const me: { user: { patientId: string } } = (await patient('GET', '/api/v1/me')).body;
        const board: { sessions: Array<{ id: string; patientId: string }> } = (
          await admin('GET', '/api/v1/board')
        ).body;
        const sessionIds = board.sessions.map((s) => s.id);
        const withSession = board.sessions.find((s) => s.patientId !== me.user.patientId)?.patientId;
        ids = {
          patientIds: [me.user.patientId, ...(withSession ? [withSession] : [])],
          sessionIds,
        };
        expect(sessionIds.length).toBeGreaterThan(0);
      }, 180_000);
      afterAll(async () => {
        await browser?.close();
        await server?.stop();
      });

      async function visitAll(role: Role | null): Promise<{ visited: string[]; problems: string[] }> {
        const page = await newPage(browser, { viewport: { width: 1440, height: 900 } });
        if (role) await login(page, server.baseUrl, LOGIN_OF[role]);
        const visited: string[] = [];
        const problems: string[] = [];
        const routes = routeTable().filter((r) =>
          role === null ? r.roles === 'public' : r.roles !== 'public' && r.roles.includes(role),
        );
        for (const route of routes) {
          for (const path of pathsFor(route, role, ids)) {
            if (process.env.PAGE_TEXT_LOG) appendFileSync(process.env.PAGE_TEXT_LOG, `${role} ${path}\n`);
            await page.goto(`${server.baseUrl}${path}`);
            try {
              await settle(page);
            } catch (e) {
              problems.push(`${path}: did not load (${(e as Error).message.split('\n')[0]})`);
              continue;
            }
            visited.push(path);
            const codes = internalCodesIn(await readableText(page));
            if (codes.length > 0) problems.push(`${path}: shows ${codes.map((c) => `“${c}”`).join(', ')}`);
            try {
              await expectNoSeriousAxeViolations(page);
            } catch (e) {
              problems.push(`${path}: ${(e as Error).message}`);
            }
            if (process.env.PAGE_TEXT_SCREENSHOTS)
              await screenshot(page, `page-text-${role ?? 'public'}${path.replace(/[/:]+/g, '-')}`);
          }
        }
        await page.context().close();
        return { visited, problems };
      }

      for (const role of roles) {
        test(`${role ?? 'signed out'}: every page`, { timeout: 600_000 }, async () => {
          const { visited, problems } = await visitAll(role);
          const expected = routeTable().filter((r) =>
            role === null ? r.roles === 'public' : r.roles !== 'public' && r.roles.includes(role),
          ).length;
          expect(visited.length).toBeGreaterThanOrEqual(expected);
          expect(problems, problems.join('\n')).toEqual([]);
        });
      }
    },
  );
}

/** The check itself finds a code, a marker and a contract field name, and leaves words and addresses alone. */
export function checkTheCheck(): void {
  expect(internalCodesIn('Status: cssrs_screen · see REFERENCE.md · UNVERIFIED')).toEqual([
    'cssrs_screen',
    'REFERENCE.md',
    'UNVERIFIED',
  ]);
  expect(internalCodesIn('Dose per kg must be positive (mgPerKg)')).toEqual(['mgPerKg']);
  expect(internalCodesIn('Write to first_last@clinic.example or open https://x.example/a_b')).toEqual([]);
}
