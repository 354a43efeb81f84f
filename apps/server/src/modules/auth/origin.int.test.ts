/**
 * Origin check (OWASP CSRF Prevention Cheat Sheet, "verifying origin with standard headers"): a
 * state-changing request authenticated by the session cookie must name this server's own origin in
 * `Origin`, or without one in `Referer` — PLASTICITY_PUBLIC_URL's origin when set, else the request's
 * Host (X-Forwarded-Host/Proto behind a trusted proxy), localhost/127.0.0.1/[::1] counted as one —
 * or it is refused with 403 csrf_failed and changes nothing, even with the right CSRF token. Login
 * named from a foreign origin is refused too (login CSRF); safe methods are never checked.
 */
import { testBackends } from '@plasticity/db/testing/index';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltApp, buildApp } from '../../app.ts';
import { type Config, loadConfig } from '../../config.ts';
import { collectRoutes, type RegisteredRoute } from '../../platform/collect-routes.ts';
import {
  Client,
  refusalCode,
  type TestApp,
  type TestClinic,
  useTestApp,
  validPatient,
} from '../../test/harness.ts';

const FOREIGN = 'https://attacker.example';

async function patientCount(h: TestApp, c: TestClinic) {
  const rows = await h.database.db
    .selectFrom('patients')
    .select('id')
    .where('clinic_id', '=', c.clinicId)
    .execute();
  return rows.length;
}

async function auditCount(h: TestApp, c: TestClinic) {
  const rows = await h.database.db
    .selectFrom('audit_log')
    .select('id')
    .where('clinic_id', '=', c.clinicId)
    .execute();
  return rows.length;
}

/** An app on the test database with other settings, and a logged-in client of it. */
function useOtherApp(h: TestApp) {
  const apps: BuiltApp[] = [];
  afterAll(async () => {
    for (const b of apps) await b.app.close();
  });
  return async (config: Partial<Config>): Promise<FastifyInstance> => {
    const built = await buildApp({
      database: h.database,
      config: { ...loadConfig({}), demo: false, ...config },
      clock: h.clock,
      serveWeb: false,
    });
    await built.app.ready();
    apps.push(built);
    return built.app;
  };
}

async function loginOn(
  app: FastifyInstance,
  c: TestClinic,
  origin: string,
  headers: Record<string, string> = {},
) {
  const client = new Client(app);
  client.origin = origin;
  const r = await client.request(
    'POST',
    '/api/v1/auth/login',
    { email: c.users.nurse.email, password: 'correct-horse-battery-staple-42' },
    headers,
  );
  if (r.status !== 200) throw new Error(`login failed: ${r.status} ${r.text}`);
  client.csrf = r.body.csrfToken;
  return client;
}

describe.each(testBackends())('Origin check on %s', (backend) => {
  const h = useTestApp(backend);
  const otherApp = useOtherApp(h);
  let routes: RegisteredRoute[] = [];
  beforeAll(async () => {
    routes = await collectRoutes(h.built.ctx);
  });

  it.each([
    ['a foreign Origin', { origin: FOREIGN }],
    ['Origin: null', { origin: 'null' }],
    ['a foreign Origin with an own Referer', { origin: FOREIGN, referer: 'http://localhost/patients' }],
    ['a look-alike Origin', { origin: 'http://localhost.attacker.example' }],
    ['the own host on another port', { origin: 'http://localhost:8080' }],
    ['the own host over another scheme', { origin: 'https://localhost' }],
    ['no Origin and a foreign Referer', { referer: `${FOREIGN}/page` }],
    ['no Origin and no Referer', {}],
  ] as const)(
    'refuses a cookie-authenticated POST with %s (403 csrf_failed) and changes nothing',
    async (_, headers) => {
      const c = await h.newClinic();
      const nurse = await c.login('nurse');
      nurse.origin = undefined;
      const before = { patients: await patientCount(h, c), audit: await auditCount(h, c) };
      const r = await nurse.post('/api/v1/patients', validPatient(), { ...headers });
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('csrf_failed');
      expect({ patients: await patientCount(h, c), audit: await auditCount(h, c) }).toEqual(before);
      // The same request from the own origin goes through.
      nurse.origin = 'http://localhost';
      expect((await nurse.post('/api/v1/patients', validPatient())).status).toBe(201);
      expect(await patientCount(h, c)).toBe(before.patients + 1);
    },
  );

  it('refuses every state-changing route of every module from a foreign Origin, before anything else runs', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    admin.origin = FOREIGN;
    const checked = routes.filter(
      (x) => x.method !== 'GET' && x.policy?.kind === 'authenticated' && !x.policy.csrfExempt,
    );
    expect(checked.length).toBeGreaterThan(20);
    for (const r of checked) {
      const url = r.url.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
      const res = await admin.request(r.method as 'POST', url, {});
      expect(res.status, `${r.method} ${r.url}`).toBe(403);
      expect(refusalCode(res), `${r.method} ${r.url}`).toBe('csrf_failed');
    }
  });

  it.each([
    ['the own Origin', { origin: 'http://localhost' }],
    ['the 127.0.0.1 form of the own Origin', { origin: 'http://127.0.0.1' }],
    ['the [::1] form of the own Origin', { origin: 'http://[::1]' }],
    ['no Origin and a Referer from the own origin', { referer: 'http://localhost/patients/new?x=1' }],
    ['no Origin and a Referer of the 127.0.0.1 form', { referer: 'http://127.0.0.1/' }],
  ] as const)('accepts a cookie-authenticated POST with %s', async (_, headers) => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    nurse.origin = undefined;
    const r = await nurse.post('/api/v1/patients', validPatient(), { ...headers });
    expect(r.status, r.text).toBe(201);
  });

  it('never checks safe methods', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    expect((await nurse.get('/api/v1/patients', { origin: FOREIGN })).status).toBe(200);
    nurse.origin = undefined;
    expect((await nurse.get('/api/v1/patients')).status).toBe(200);
  });

  it('refuses a login named from a foreign origin; accepts one with no Origin (scripts) or the own', async () => {
    const c = await h.newClinic();
    const anon = c.anonymous();
    anon.origin = FOREIGN;
    const foreign = await anon.login(c.users.nurse.email);
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('csrf_failed');
    expect(foreign.headers['set-cookie']).toBeUndefined();
    anon.origin = undefined;
    expect((await anon.login(c.users.nurse.email)).status).toBe(200);
    const own = c.anonymous();
    expect((await own.login(c.users.nurse.email)).status).toBe(200);
  });

  it('takes the own origin from PLASTICITY_PUBLIC_URL when set', async () => {
    const c = await h.newClinic();
    const app = await otherApp({ publicUrl: 'https://clinic.example.org/' });
    const nurse = await loginOn(app, c, 'https://clinic.example.org');
    expect((await nurse.post('/api/v1/patients', validPatient())).status).toBe(201);
    // The Host (localhost) no longer counts: the public URL is the site.
    nurse.origin = 'http://localhost';
    const r = await nurse.post('/api/v1/patients', validPatient());
    expect(r.status).toBe(403);
    nurse.origin = undefined;
    expect(
      (await nurse.post('/api/v1/patients', validPatient(), { referer: 'https://clinic.example.org/x' }))
        .status,
    ).toBe(201);
  });

  it('behind a trusted proxy, takes the own origin from X-Forwarded-Host and X-Forwarded-Proto', async () => {
    const c = await h.newClinic();
    const forwarded = { 'x-forwarded-host': 'clinic.example.org', 'x-forwarded-proto': 'https' };
    const proxied = await otherApp({ trustProxy: true });
    const nurse = await loginOn(proxied, c, 'https://clinic.example.org', forwarded);
    expect((await nurse.post('/api/v1/patients', validPatient(), forwarded)).status).toBe(201);
    nurse.origin = 'http://localhost';
    expect((await nurse.post('/api/v1/patients', validPatient(), forwarded)).status).toBe(403);
    // Without TRUST_PROXY the forwarded headers are the client's word and do not count.
    const direct = await otherApp({ trustProxy: false });
    const other = await loginOn(direct, c, 'http://localhost');
    other.origin = 'https://clinic.example.org';
    expect((await other.post('/api/v1/patients', validPatient(), forwarded)).status).toBe(403);
  });
});
