/**
 * The browser edge's response headers (OWASP HTTP Security Response Headers Cheat Sheet) on every
 * response — API answers, errors, 404s, the health check and the web app's own files — with
 * Strict-Transport-Security (RFC 6797) only over HTTPS, directly or behind a trusted proxy; and JSON
 * bodies in a charset other than UTF-8 refused with 415, changing nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testBackends } from '@plasticity/db/testing/index';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltApp, buildApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import { type TestApp, useTestApp, validPatient } from '../test/harness.ts';
import { DENIED_FEATURES } from './browser-edge.ts';

type Headers = Record<string, string | string[] | number | undefined>;

/** The CSP as directive → sources. */
function csp(h: Headers): Map<string, string[]> {
  const raw = String(h['content-security-policy'] ?? '');
  return new Map(
    raw
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name as string, sources]),
  );
}

function expectEdgeHeaders(h: Headers, what: string) {
  const policy = csp(h);
  expect(policy.size, `${what}: a Content-Security-Policy`).toBeGreaterThan(0);
  const scripts = policy.get('script-src') ?? policy.get('default-src') ?? [];
  expect(scripts, `${what}: script-src`).toEqual(["'self'"]);
  expect(policy.get('script-src-attr'), what).toEqual(["'none'"]);
  expect(policy.get('object-src'), what).toEqual(["'none'"]);
  expect(policy.get('frame-ancestors'), what).toEqual(["'none'"]);
  expect(String(h['content-security-policy'])).not.toContain('unsafe-eval');
  expect(h['x-content-type-options'], what).toBe('nosniff');
  expect(h['referrer-policy'], what).toBe('no-referrer');
  expect(h['x-frame-options'], what).toBe('DENY');
  const perms = String(h['permissions-policy'] ?? '');
  for (const f of ['camera', 'microphone', 'geolocation', 'payment', 'usb'])
    expect(perms, `${what}: Permissions-Policy ${f}`).toContain(`${f}=()`);
  expect(perms.split(',').length).toBe(DENIED_FEATURES.length);
}

/** Another app on the test database with other settings (closed after the file). */
function useExtraApps(h: TestApp) {
  const apps: BuiltApp[] = [];
  afterAll(async () => {
    for (const b of apps) await b.app.close();
  });
  return async (config: Partial<Config>, serveWeb = false): Promise<FastifyInstance> => {
    const built = await buildApp({
      database: h.database,
      config: { ...loadConfig({}), demo: false, ...config },
      clock: h.clock,
      serveWeb,
    });
    await built.app.ready();
    apps.push(built);
    return built.app;
  };
}

describe.each(testBackends())('browser edge on %s', (backend) => {
  const h = useTestApp(backend);
  const extraApp = useExtraApps(h);
  let webDist: string;
  beforeAll(() => {
    webDist = mkdtempSync(join(tmpdir(), 'plasticity-web-'));
    writeFileSync(
      join(webDist, 'index.html'),
      '<!doctype html><title>Plasticity</title><div id="root"></div><script type="module" src="/assets/app.js"></script>',
    );
  });
  afterAll(() => rmSync(webDist, { recursive: true, force: true }));

  it('sets the security headers on API answers, errors, 404s and the health check, without HSTS over HTTP', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const anon = c.anonymous();
    const cases: Array<[string, Headers]> = [
      ['GET /api/v1/patients (200)', (await nurse.get('/api/v1/patients')).headers],
      ['POST /api/v1/patients (201)', (await nurse.post('/api/v1/patients', validPatient())).headers],
      ['GET /api/v1/me anonymous (401)', (await anon.get('/api/v1/me')).headers],
      ['POST /api/v1/patients bad body (400)', (await nurse.post('/api/v1/patients', { x: 1 })).headers],
      [
        'POST login wrong password (401)',
        (await anon.login(c.users.nurse.email, 'wrong-password-1')).headers,
      ],
      ['unknown route (404)', (await anon.get('/api/v1/no-such-thing')).headers],
      ['GET /healthz', (await anon.get('/healthz')).headers],
      ['GET /api/v1/openapi.json', (await anon.get('/api/v1/openapi.json')).headers],
    ];
    for (const [what, headers] of cases) {
      expectEdgeHeaders(headers, what);
      expect(headers['strict-transport-security'], what).toBeUndefined();
    }
  });

  it('sets them on the web app (index.html for client-side routes and static files)', async () => {
    const app = await extraApp({ webDist }, true);
    // The one-time link pages (visit confirmation, self-report) are client-side routes too; no-referrer keeps
    // their token out of any request the page makes elsewhere.
    for (const url of [
      '/',
      '/patients/123',
      '/c/a-confirmation-token',
      '/r/a-self-report-token',
      '/index.html',
    ]) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(200);
      expect(r.body).toContain('<div id="root">');
      expectEdgeHeaders(r.headers, url);
      // The web app has no inline script that a nonce or hash would have to allow.
      expect(r.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    }
  });

  it('sends HSTS over HTTPS behind a trusted proxy only', async () => {
    const proxied = await extraApp({ trustProxy: true });
    const direct = await extraApp({ trustProxy: false });
    const https = { 'x-forwarded-proto': 'https' };
    const trusted = await proxied.inject({ method: 'GET', url: '/healthz', headers: https });
    expect(trusted.headers['strict-transport-security']).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expectEdgeHeaders(trusted.headers, 'trusted proxy, https');
    const trustedErr = await proxied.inject({ method: 'GET', url: '/api/v1/me', headers: https });
    expect(trustedErr.statusCode).toBe(401);
    expect(trustedErr.headers['strict-transport-security']).toBeDefined();
    const plain = await proxied.inject({
      method: 'GET',
      url: '/healthz',
      headers: { 'x-forwarded-proto': 'http' },
    });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    // An untrusted client cannot claim HTTPS.
    const spoofed = await direct.inject({ method: 'GET', url: '/healthz', headers: https });
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
  });

  it.each([
    'application/json; charset=latin1',
    'application/json; charset=ISO-8859-1',
    'application/json;charset="utf-16"',
  ])('refuses a JSON body declared as %s with 415 and changes nothing', async (contentType) => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const count = async () =>
      (await h.database.db.selectFrom('patients').select('id').where('clinic_id', '=', c.clinicId).execute())
        .length;
    const before = await count();
    const r = await nurse.request('POST', '/api/v1/patients', JSON.stringify(validPatient()), {
      'content-type': contentType,
    });
    expect(r.status).toBe(415);
    expect(r.body.error.code).toBe('unsupported_media_type');
    expectEdgeHeaders(r.headers, '415');
    const login = await c
      .anonymous()
      .request(
        'POST',
        '/api/v1/auth/login',
        JSON.stringify({ email: c.users.nurse.email, password: 'x'.repeat(12) }),
        { 'content-type': contentType },
      );
    expect(login.status).toBe(415);
    expect(await count()).toBe(before);
  });

  it.each(['application/json', 'application/json; charset=utf-8', 'application/json; charset=UTF-8'])(
    'accepts a JSON body declared as %s',
    async (contentType) => {
      const c = await h.newClinic();
      const nurse = await c.login('nurse');
      const r = await nurse.request('POST', '/api/v1/patients', JSON.stringify(validPatient()), {
        'content-type': contentType,
      });
      expect(r.status).toBe(201);
    },
  );
});
