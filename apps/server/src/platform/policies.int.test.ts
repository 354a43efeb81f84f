/**
 * Every route declares who may call it (the test enumerates every registered route and
 * fails if one has no declared policy), every non-public /api/v1 route answers 401 to an anonymous
 * caller, and the generated OpenAPI document is valid OpenAPI 3 listing the routes that acceptance
 * checks rely on.
 *
 * Routes are collected by mounting every module of MODULES (plus the web module) on a fresh Fastify
 * instance with an onRoute collector, exactly as app.ts mounts them.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../test/harness.ts';
import { collectRoutes, type RegisteredRoute } from './collect-routes.ts';

// biome-ignore lint/suspicious/noExplicitAny: walking an arbitrary JSON document
type Json = any;

const DUMMY_ID = '00000000-0000-4000-8000-000000000000';

const KEEP_EXACTLY: Array<[string, string]> = [
  ['post', '/api/v1/auth/login'],
  ['post', '/api/v1/auth/logout'],
  ['get', '/api/v1/me'],
  ['get', '/api/v1/patients'],
  ['post', '/api/v1/patients'],
  ['get', '/api/v1/patients/{id}'],
  ['patch', '/api/v1/patients/{id}'],
  ['get', '/api/v1/audit'],
  ['post', '/api/v1/patients/{id}/notes'],
  ['get', '/api/v1/patients/{id}/notes'],
  ['get', '/api/v1/notes/{id}'],
  ['get', '/fhir/R4/metadata'],
  ['get', '/fhir/R4/Patient/{id}'],
  ['get', '/fhir/R4/Observation'],
];

describe.each(testBackends())('route policies on %s', (backend) => {
  const h = useTestApp(backend);
  const routes: RegisteredRoute[] = [];

  beforeAll(async () => {
    routes.push(...(await collectRoutes(h.built.ctx)));
  });

  it('collects the routes of every module', () => {
    expect(routes.length).toBeGreaterThan(15);
    for (const [method, path] of KEEP_EXACTLY) {
      expect(
        routes.some((r) => r.method === method.toUpperCase() && r.url === path.replace('{id}', ':id')),
        `${method} ${path}`,
      ).toBe(true);
    }
  });

  it('finds a declared policy on every registered route', () => {
    const missing = routes.filter(
      (r) => !r.policy || (r.policy.kind !== 'public' && r.policy.kind !== 'authenticated'),
    );
    expect(missing.map((r) => `${r.method} ${r.url}`)).toEqual([]);
    for (const r of routes) {
      if (r.policy?.kind === 'public')
        expect(r.policy.why.length, `${r.method} ${r.url} says why it is public`).toBeGreaterThan(3);
    }
  });

  it('answers 401 to an anonymous caller on every non-public /api/v1 route', async () => {
    const guarded = routes.filter((r) => r.url.startsWith('/api/') && r.policy?.kind === 'authenticated');
    expect(guarded.length).toBeGreaterThan(10);
    for (const r of guarded) {
      const url = r.url.replace(/:[A-Za-z]+/g, DUMMY_ID);
      const res = await h.app.inject({
        method: r.method as 'GET',
        url,
        ...(r.method === 'GET' ? {} : { payload: {} }),
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().error.code, `${r.method} ${r.url}`).toBe('unauthenticated');
    }
  });

  it('lists every public foundation route on purpose', () => {
    // Other modules may add public routes (e.g. a patient's one-time self-report link); each must say why (above).
    const foundation = /^\/api\/v1\/(auth|openapi\.json|patients|users|clinic|me|audit)(\/|$)/;
    const pub = routes
      .filter((r) => r.policy?.kind === 'public' && foundation.test(r.url))
      .map((r) => `${r.method} ${r.url}`);
    expect(pub.sort()).toEqual(
      [
        'GET /api/v1/openapi.json',
        'POST /api/v1/auth/accept-invite',
        'POST /api/v1/auth/link-info',
        'POST /api/v1/auth/login',
      ].sort(),
    );
  });

  it('serves /healthz and the OpenAPI document without a login', async () => {
    const health = await h.app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json().status).toBe('ok');
    const doc = await h.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(doc.statusCode).toBe(200);
    expect(doc.headers['cache-control']).toBe('no-store');
  });

  it('generates a valid OpenAPI 3 document listing the keep-exactly routes', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(doc.openapi).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    expect(typeof doc.paths).toBe('object');
    for (const [method, path] of KEEP_EXACTLY) {
      const op = doc.paths[path]?.[method];
      expect(op, `${method} ${path}`).toBeTruthy();
      expect(Object.keys(op.responses ?? {}).length, `${method} ${path} responses`).toBeGreaterThan(0);
    }
    // Structural checks of OpenAPI 3.0: every path starts with "/", path parameters are declared,
    // every operation has responses, and every $ref resolves inside the document.
    const refs: string[] = [];
    const walk = (v: unknown) => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          if (k === '$ref' && typeof x === 'string') refs.push(x);
          else walk(x);
        }
      }
    };
    walk(doc);
    for (const ref of refs) {
      expect(ref.startsWith('#/'), ref).toBe(true);
      const target = ref
        .slice(2)
        .split('/')
        .reduce<Json>((o, k) => o?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
      expect(target, ref).toBeTruthy();
    }
    for (const [path, item] of Object.entries<Record<string, Json>>(doc.paths)) {
      expect(path.startsWith('/'), path).toBe(true);
      const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, op] of Object.entries<Json>(item)) {
        if (!['get', 'put', 'post', 'delete', 'patch', 'options', 'head'].includes(method)) continue;
        expect(op.responses, `${method} ${path}`).toBeTruthy();
        const declared = (op.parameters ?? []).filter((p: Json) => p.in === 'path').map((p: Json) => p.name);
        for (const p of params) expect(declared, `${method} ${path} declares {${p}}`).toContain(p);
        for (const p of op.parameters ?? []) {
          expect(['query', 'header', 'path', 'cookie']).toContain(p.in);
          expect(p.schema ?? p.content, `${method} ${path} parameter ${p.name}`).toBeTruthy();
        }
      }
    }
  });
});
