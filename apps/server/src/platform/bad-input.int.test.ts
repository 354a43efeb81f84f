/**
 * Bad input never gets a 500: malformed bodies, params and queries against every
 * foundation route — wrong types, huge strings, invalid uuids, NUL bytes, invalid JSON, wrong
 * content type — answer 4xx; a 400 names the field; nothing changes.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { type Client, type TestClinic, useTestApp, validPatient } from '../test/harness.ts';

type Case = [
  label: string,
  method: 'GET' | 'POST' | 'PATCH',
  url: (c: TestClinic) => string,
  body: unknown,
  field: string | null,
  headers?: Record<string, string>,
];

const BIG = 'x'.repeat(20_000);
const NUL = 'Ro\u0000bin';
const p = (c: TestClinic) => `/api/v1/patients/${c.patientId}`;
const u = (c: TestClinic) => `/api/v1/users/${c.users.nurse.id}`;

const CASES: Case[] = [
  // patients
  [
    'create: firstName a number',
    'POST',
    () => '/api/v1/patients',
    validPatient({ firstName: 5 }),
    'body.firstName',
  ],
  [
    'create: firstName huge',
    'POST',
    () => '/api/v1/patients',
    validPatient({ firstName: BIG }),
    'body.firstName',
  ],
  [
    'create: firstName with NUL',
    'POST',
    () => '/api/v1/patients',
    validPatient({ firstName: NUL }),
    'body.firstName',
  ],
  [
    'create: lastName with NUL',
    'POST',
    () => '/api/v1/patients',
    validPatient({ lastName: `X\u0000` }),
    'body.lastName',
  ],
  [
    'create: address with NUL',
    'POST',
    () => '/api/v1/patients',
    validPatient({ address: { line1: 'a\u0000', city: 'R', state: 'NC', postalCode: '27609' } }),
    'body.address.line1',
  ],
  [
    'create: dateOfBirth in the future',
    'POST',
    () => '/api/v1/patients',
    validPatient({ dateOfBirth: '2999-01-01' }),
    'body.dateOfBirth',
  ],
  [
    'create: dateOfBirth a number',
    'POST',
    () => '/api/v1/patients',
    validPatient({ dateOfBirth: 19900131 }),
    'body.dateOfBirth',
  ],
  [
    'create: address a string',
    'POST',
    () => '/api/v1/patients',
    validPatient({ address: 'Main St' }),
    'body.address',
  ],
  [
    'create: emergencyContact missing phone',
    'POST',
    () => '/api/v1/patients',
    validPatient({ emergencyContact: { name: 'A' } }),
    'body.emergencyContact.phone',
  ],
  ['create: body an array', 'POST', () => '/api/v1/patients', [validPatient()], 'body'],
  [
    'create: body a string',
    'POST',
    () => '/api/v1/patients',
    '"hello"',
    'body',
    { 'content-type': 'application/json' },
  ],
  [
    'create: invalid JSON',
    'POST',
    () => '/api/v1/patients',
    '{"firstName": "Robin",',
    'body',
    { 'content-type': 'application/json' },
  ],
  [
    'create: empty JSON body',
    'POST',
    () => '/api/v1/patients',
    '',
    'body',
    { 'content-type': 'application/json' },
  ],
  [
    'create: text/plain',
    'POST',
    () => '/api/v1/patients',
    'firstName=Robin',
    null,
    { 'content-type': 'text/plain' },
  ],
  [
    'create: form-encoded',
    'POST',
    () => '/api/v1/patients',
    'firstName=Robin',
    null,
    { 'content-type': 'application/x-www-form-urlencoded' },
  ],
  [
    'create: __proto__ key',
    'POST',
    () => '/api/v1/patients',
    '{"firstName":"A","lastName":"B","dateOfBirth":"1990-01-01","sex":"male","__proto__":{"admin":true}}',
    'body',
    { 'content-type': 'application/json' },
  ],
  ['read: id not a uuid', 'GET', () => '/api/v1/patients/not-a-uuid', undefined, 'params.id'],
  [
    'read: id SQL-ish',
    'GET',
    () => `/api/v1/patients/${encodeURIComponent("1' or '1'='1")}`,
    undefined,
    'params.id',
  ],
  ['update: id not a uuid', 'PATCH', () => '/api/v1/patients/123', { lastName: 'X' }, 'params.id'],
  ['update: empty body', 'PATCH', p, {}, 'body'],
  ['update: sex invalid', 'PATCH', p, { sex: 'F' }, 'body.sex'],
  ['update: firstName null', 'PATCH', p, { firstName: null }, 'body.firstName'],
  ['update: lastName with NUL', 'PATCH', p, { lastName: NUL }, 'body.lastName'],
  ['update: unknown field', 'PATCH', p, { mrn: 'X' }, 'body'],
  [
    'search: query with NUL',
    'GET',
    () => `/api/v1/patients?query=${encodeURIComponent(NUL)}`,
    undefined,
    'querystring.query',
  ],
  [
    'search: huge query',
    'GET',
    () => `/api/v1/patients?query=${'y'.repeat(5000)}`,
    undefined,
    'querystring.query',
  ],
  // auth
  ['login: email missing', 'POST', () => '/api/v1/auth/login', { password: 'x' }, 'body.email'],
  ['login: email a number', 'POST', () => '/api/v1/auth/login', { email: 5, password: 'x' }, 'body.email'],
  [
    'login: password huge',
    'POST',
    () => '/api/v1/auth/login',
    { email: 'a@b.example', password: BIG },
    'body.password',
  ],
  [
    'login: totp malformed',
    'POST',
    () => '/api/v1/auth/login',
    { email: 'a@b.example', password: 'x', totp: '12' },
    'body.totp',
  ],
  [
    'login: email with NUL',
    'POST',
    () => '/api/v1/auth/login',
    { email: 'a\u0000@b.example', password: 'x' },
    'body.email',
  ],
  [
    'accept-invite: token a number',
    'POST',
    () => '/api/v1/auth/accept-invite',
    { token: 5, password: 'long-enough-password' },
    'body.token',
  ],
  [
    'accept-invite: token with NUL',
    'POST',
    () => '/api/v1/auth/accept-invite',
    { token: `${'a'.repeat(30)}\u0000`, password: 'long-enough-password' },
    'body.token',
  ],
  ['mfa confirm: code a number', 'POST', () => '/api/v1/me/mfa/confirm', { code: 123456 }, 'body.code'],
  // users
  [
    'invite: bad email and role',
    'POST',
    () => '/api/v1/users/invite',
    { email: 'nope', displayName: 'A', role: 'king' },
    'body.email',
  ],
  [
    'invite: displayName huge',
    'POST',
    () => '/api/v1/users/invite',
    { email: 'ok@example.org', displayName: BIG, role: 'nurse' },
    'body.displayName',
  ],
  [
    'invite: displayName with NUL',
    'POST',
    () => '/api/v1/users/invite',
    { email: 'ok2@example.org', displayName: NUL, role: 'nurse' },
    'body.displayName',
  ],
  ['deactivate: id not a uuid', 'POST', () => '/api/v1/users/abc/deactivate', {}, 'params.id'],
  ['role: role a number', 'PATCH', (c) => `${u(c)}/role`, { role: 5 }, 'body.role'],
  ['portal invite: bad email', 'POST', (c) => `${p(c)}/portal-invite`, { email: 'nope' }, 'body.email'],
  ['link-info: token a number', 'POST', () => '/api/v1/auth/link-info', { token: 5 }, 'body.token'],
  // clinic settings
  [
    'settings: DEA check digit',
    'PATCH',
    () => '/api/v1/clinic/settings',
    { deaNumber: 'FF1234564' },
    'body.deaNumber',
  ],
  ['settings: NPI a number', 'PATCH', () => '/api/v1/clinic/settings', { npi: 1555012347 }, 'body.npi'],
  [
    'settings: address without its fields',
    'PATCH',
    () => '/api/v1/clinic/settings',
    { address: { line1: 'x' } },
    'body.address.line2',
  ],
  [
    'settings: idle timeout negative',
    'PATCH',
    () => '/api/v1/clinic/settings',
    { idleTimeoutMin: -1 },
    'body.idleTimeoutMin',
  ],
  [
    'settings: idle timeout a string',
    'PATCH',
    () => '/api/v1/clinic/settings',
    { idleTimeoutMin: '15' },
    'body.idleTimeoutMin',
  ],
  [
    'settings: lifetime huge',
    'PATCH',
    () => '/api/v1/clinic/settings',
    { absoluteLifetimeHours: 1e12 },
    'body.absoluteLifetimeHours',
  ],
  [
    'settings: unknown role',
    'PATCH',
    () => '/api/v1/clinic/settings',
    { mfaRequiredRoles: ['king'] },
    'body.mfaRequiredRoles[0]',
  ],
  ['settings: name with NUL', 'PATCH', () => '/api/v1/clinic/settings', { name: NUL }, 'body.name'],
  [
    'settings: bad time zone',
    'PATCH',
    () => '/api/v1/clinic/settings',
    { timeZone: 'Nowhere/Else' },
    'body.timeZone',
  ],
  // audit report
  ['audit: from not a time', 'GET', () => '/api/v1/audit?from=yesterday', undefined, 'querystring.from'],
  ['audit: userId not a uuid', 'GET', () => '/api/v1/audit?userId=abc', undefined, 'querystring.userId'],
  [
    'audit: patientId not a uuid',
    'GET',
    () => '/api/v1/audit?patientId=1',
    undefined,
    'querystring.patientId',
  ],
  ['audit: unknown sort', 'GET', () => '/api/v1/audit?sort=password_hash', undefined, 'querystring.sort'],
  ['audit: unknown order', 'GET', () => '/api/v1/audit?order=sideways', undefined, 'querystring.order'],
  ['audit: limit not a number', 'GET', () => '/api/v1/audit?limit=ten', undefined, 'querystring.limit'],
  ['audit: offset negative', 'GET', () => '/api/v1/audit?offset=-1', undefined, 'querystring.offset'],
  ['audit: unknown format', 'GET', () => '/api/v1/audit?format=xml', undefined, 'querystring.format'],
  ['audit: unknown action', 'GET', () => '/api/v1/audit?action=drop', undefined, 'querystring.action'],
];

async function state(h: ReturnType<typeof useTestApp>, c: TestClinic) {
  const db = h.database.db;
  return {
    patients: await db
      .selectFrom('patients')
      .selectAll()
      .where('clinic_id', '=', c.clinicId)
      .orderBy('id')
      .execute(),
    members: await db
      .selectFrom('memberships')
      .select(['user_id', 'role', 'active'])
      .where('clinic_id', '=', c.clinicId)
      .orderBy('user_id')
      .execute(),
    clinic: await db
      .selectFrom('clinics')
      .select(['name', 'settings', 'time_zone'])
      .where('id', '=', c.clinicId)
      .executeTakeFirstOrThrow(),
    outbox: await db.selectFrom('outbox').select('id').where('clinic_id', '=', c.clinicId).execute(),
  };
}

describe.each(testBackends())('bad input on %s', (backend) => {
  const h = useTestApp(backend);

  it.each(CASES)(
    '%s → 4xx naming the field, nothing changed',
    async (_label, method, url, body, field, headers) => {
      const c = await h.newClinic();
      const admin: Client = await c.login('admin');
      const before = await state(h, c);
      const r = await admin.request(method, url(c), body, headers);
      expect(r.status, r.text.slice(0, 300)).toBeGreaterThanOrEqual(400);
      expect(r.status, r.text.slice(0, 300)).toBeLessThan(500);
      expect(r.body.error.code).toBeTruthy();
      if (field) {
        expect(r.status).toBe(400);
        expect(r.body.error.code).toBe('validation_failed');
        expect(
          r.body.error.details.map((d: { field: string }) => d.field),
          r.text.slice(0, 300),
        ).toContain(field);
      } else expect([400, 415]).toContain(r.status); // wrong content type: 415, or 400 when Fastify parses it as text
      expect(await state(h, c)).toEqual(before);
    },
  );

  it('refuses an oversized body with 413 before parsing it', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const r = await admin.post('/api/v1/patients', validPatient({ firstName: 'x'.repeat(1_100_000) }));
    expect(r.status).toBe(413);
    expect(r.body.error.code).toBe('payload_too_large');
  });

  it('answers unknown API paths with the JSON 404 shape', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const r = await admin.get('/api/v1/nope?x=secret-name');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('not_found');
    expect(r.text).not.toContain('secret-name');
  });
});
