/**
 * Integration-test harness: the real HTTP app (Fastify inject, full hook chain) on a real
 * database — embedded from the migrated snapshot, or the PostgreSQL server on this run's schema —
 * with a fresh clinic per test instead of truncation (as Medplum does with a fresh project).
 *
 * @example
 * describe.each(testBackends())('patients on %s', (backend) => {
 *   const h = useTestApp(backend);
 *   it('creates', async () => {
 *     const c = await h.newClinic();
 *     const nurse = await c.login('nurse');
 *     const r = await nurse.post('/api/v1/patients', {...});
 *   });
 * });
 */
import type { Role } from '@plasticity/contracts';
import type { Database } from '@plasticity/db';
import { toJson } from '@plasticity/db';
import { openTestDatabase, type TestBackend } from '@plasticity/db/testing/index';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { type BuiltApp, buildApp } from '../app.ts';
import { type Config, loadConfig } from '../config.ts';
import { hashPassword } from '../modules/auth/passwords.ts';
import { ManualClock } from '../platform/clock.ts';

export const TEST_PASSWORD = 'correct-horse-battery-staple-42';
let passwordHash: Promise<string> | undefined;
const hashed = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

// biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely, as JSON
export interface Response<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
  text: string;
}

/** A logged-in (or anonymous) caller that keeps its cookie and CSRF token like a browser. */
export class Client {
  cookie: string | undefined;
  csrf: string | undefined;
  /** The caller's source address (the app sees it as req.ip); inject's default is 127.0.0.1. */
  remoteAddress: string | undefined;
  /**
   * The Origin a browser sends with a state-changing request: the app's own (inject's Host is
   * localhost:80) unless a test sets another, or undefined to send none.
   */
  origin: string | undefined = 'http://localhost';
  constructor(readonly app: FastifyInstance) {}

  // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely, as JSON
  async request<T = any>(
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Response<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET' && !('x-csrf-token' in h)) h['x-csrf-token'] = this.csrf;
    if (this.origin && method !== 'GET' && method !== 'HEAD' && !('origin' in h)) h.origin = this.origin;
    const res = await this.app.inject({
      method,
      url,
      headers: h,
      ...(this.remoteAddress ? { remoteAddress: this.remoteAddress } : {}),
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    const setCookie = res.headers['set-cookie'];
    for (const c of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair] = c.split(';');
      if (pair?.startsWith('plasticity_session=')) this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    let parsed: unknown = res.body;
    try {
      parsed = JSON.parse(res.body);
    } catch {
      /* not JSON */
    }
    return { status: res.statusCode, body: parsed as T, headers: res.headers, text: res.body };
  }
  // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely, as JSON
  get<T = any>(url: string, headers?: Record<string, string>) {
    return this.request<T>('GET', url, undefined, headers);
  }
  // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely, as JSON
  post<T = any>(url: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', url, body ?? {}, headers);
  }
  // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely, as JSON
  patch<T = any>(url: string, body: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', url, body, headers);
  }
  /** Accepts an invitation or reset link (as the link's owner would, without a session). */
  acceptLink(link: string, password: string) {
    const token = link.split('/accept/')[1] ?? '';
    return this.post('/api/v1/auth/accept-invite', { token, password });
  }
  async login(email: string, password = TEST_PASSWORD, totp?: string) {
    const r = await this.post('/api/v1/auth/login', { email, password, ...(totp ? { totp } : {}) });
    if (r.status === 200) this.csrf = r.body.csrfToken;
    return r;
  }
}

export interface TestClinic {
  clinicId: string;
  /** user id and email per role; the patient user is linked to `patientId`. */
  users: Record<Role, { id: string; email: string }>;
  patientId: string;
  login(role: Role): Promise<Client>;
  anonymous(): Client;
}

export interface TestApp {
  app: FastifyInstance;
  built: BuiltApp;
  database: Database;
  clock: ManualClock;
  newClinic(opts?: { settings?: Record<string, unknown>; name?: string }): Promise<TestClinic>;
}

let clinicCounter = 0;

/**
 * Opens the database and app once per test file; call at describe level. `config` overrides the defaults;
 * `applicationName` tags the app's PostgreSQL connections (to find them in pg_stat_activity).
 */
export function useTestApp(
  backend: TestBackend,
  opts: { config?: Partial<Config>; applicationName?: string } = {},
): TestApp {
  const h = {} as TestApp;
  beforeAll(async () => {
    h.database = await openTestDatabase(
      backend,
      opts.applicationName ? { applicationName: opts.applicationName } : {},
    );
    Object.assign(h, await testAppOn(h.database, opts.config));
  });
  afterAll(async () => {
    await h.built?.stop();
    await h.app?.close();
    await h.database?.close();
  });
  return h;
}

/** The app over a database the caller opened (and closes, after `built.stop()` and `app.close()`). */
export async function testAppOn(database: Database, config: Partial<Config> = {}): Promise<TestApp> {
  const h = { database, clock: new ManualClock(Date.now()) } as TestApp;
  const full = { ...loadConfig({}), demo: false, auditSealIntervalMs: 100, ...config };
  h.built = await buildApp({ database, config: full, clock: h.clock, serveWeb: false });
  h.app = h.built.app;
  await h.app.ready();
  h.newClinic = (opts) => createClinic(h, opts);
  return h;
}

async function createClinic(
  h: TestApp,
  opts: { settings?: Record<string, unknown>; name?: string } = {},
): Promise<TestClinic> {
  const db = h.database.db;
  const n = ++clinicCounter;
  const tag = `${process.pid}-${Date.now().toString(36)}-${n}`;
  const hash = await hashed();
  return db.transaction().execute(async (trx) => {
    const clinic = await trx
      .insertInto('clinics')
      .values({
        name: opts.name ?? `Test Clinic ${n}`,
        address: toJson({}),
        settings: toJson({ mfaRequiredRoles: [], ...opts.settings }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const patient = await trx
      .insertInto('patients')
      .values({
        clinic_id: clinic.id,
        mrn: 'MRN-000001',
        first_name: 'Pat',
        last_name: `Portal${n}`,
        date_of_birth: '1985-05-05',
        sex: 'female',
        email: `patient-${tag}@example.org`,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const users = {} as TestClinic['users'];
    for (const role of ['admin', 'prescriber', 'nurse', 'therapist', 'front_desk', 'patient'] as const) {
      const email = `${role}-${tag}@example.org`;
      const u = await trx
        .insertInto('users')
        .values({ email, display_name: `${role} ${n}`, password_hash: hash, recovery_codes: toJson([]) })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('memberships')
        .values({
          clinic_id: clinic.id,
          user_id: u.id,
          role,
          patient_id: role === 'patient' ? patient.id : null,
        })
        .execute();
      users[role] = { id: u.id, email };
    }
    return {
      clinicId: clinic.id,
      users,
      patientId: patient.id,
      anonymous: () => new Client(h.app),
      async login(role: Role) {
        const c = new Client(h.app);
        const r = await c.login(users[role].email);
        if (r.status !== 200) throw new Error(`login as ${role} failed: ${r.status} ${r.text}`);
        return c;
      },
    };
  });
}

export const validPatient = (over: Record<string, unknown> = {}) => ({
  firstName: 'Robin',
  lastName: 'Testcase',
  dateOfBirth: '1990-01-31',
  sex: 'female',
  phone: '919-555-0150',
  email: 'robin.testcase@example.org',
  ...over,
});

/**
 * A second server process on the same database as `h` (PostgreSQL only: each embedded test database is
 * private), sharing its clock — for what must reach every process (board fan-out, session invalidation).
 * Closed after the file's tests.
 */
export function useSecondApp(h: TestApp, backend: TestBackend): () => Promise<BuiltApp> {
  let opened: { built: BuiltApp; database: Database } | undefined;
  afterAll(async () => {
    await opened?.built.stop();
    await opened?.built.app.close();
    await opened?.database.close();
  });
  return async () => {
    if (opened) return opened.built;
    const database = await openTestDatabase(backend);
    const built = await buildApp({
      database,
      config: { ...loadConfig({}), demo: false, auditSealIntervalMs: 100 },
      clock: h.clock,
      serveWeb: false,
    });
    opened = { built, database };
    return built;
  };
}

/**
 * The error code a refusal carries: the app's `{ error: { code } }`, or, under /fhir where errors are
 * OperationOutcomes, the code whose message the outcome's issue quotes (a CSRF or Origin refusal is `csrf_failed`).
 */
export function refusalCode(res: Response): string | undefined {
  if (res.body?.resourceType !== 'OperationOutcome') return res.body?.error?.code;
  const said = String(res.body.issue?.[0]?.diagnostics ?? '');
  return /did not come from this site|x-csrf-token/.test(said) ? 'csrf_failed' : res.body.issue?.[0]?.code;
}
