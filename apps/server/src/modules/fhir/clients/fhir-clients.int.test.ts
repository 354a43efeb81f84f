/**
 * Registering system clients (admin only): a JWK or a JWKS, SMART system scopes, listed with the token endpoint,
 * disabled never deleted; a bad key or scope is 400 naming the field and stores nothing; every change audited.
 */
import { generateKeyPairSync } from 'node:crypto';
import { testBackends } from '@plasticity/db/testing/index';
import { exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import { type TestApp, type TestClinic, useTestApp } from '../../../test/harness.ts';
import { newKey, TOKEN_URL } from '../test/smart.ts';

const count = async (h: TestApp, c: TestClinic) =>
  Number(
    (
      await h.database.db
        .selectFrom('fhir_clients')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('clinic_id', '=', c.clinicId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe.each(testBackends())('FHIR system clients on %s', (backend) => {
  const h = useTestApp(backend);

  it('registers a client with a JWK or a JWKS, lists it, and disables it once', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const rsa = await newKey('RS384');
    const ec = await newKey('ES384');
    const one = await admin.post('/api/v1/fhir-clients', {
      name: 'State registry',
      publicKey: rsa.jwk,
      scopes: ['system/Observation.rs', 'system/Patient.read'],
    });
    expect(one.status, one.text).toBe(201);
    expect(one.body).toMatchObject({
      name: 'State registry',
      scopes: ['system/Observation.rs', 'system/Patient.read'],
      keys: [{ kty: 'RSA', alg: 'RS384', kid: rsa.jwk.kid, crv: null }],
      disabledAt: null,
    });
    const two = await admin.post('/api/v1/fhir-clients', {
      name: 'Payer',
      publicKey: { keys: [rsa.jwk, ec.jwk] },
      scopes: ['system/*.rs'],
    });
    expect(two.status, two.text).toBe(201);
    expect(two.body.keys.map((k: { alg: string }) => k.alg)).toEqual(['RS384', 'ES384']);

    const list = await admin.get('/api/v1/fhir-clients');
    expect(list.status).toBe(200);
    expect(list.body.tokenEndpoint).toBe(TOKEN_URL);
    expect(list.body.items.map((i: { id: string }) => i.id).sort()).toEqual(
      [one.body.id, two.body.id].sort(),
    );
    expect(list.text).not.toContain(String(rsa.jwk.n)); // the list identifies keys, it does not echo them

    const off = await admin.post(`/api/v1/fhir-clients/${one.body.id}/disable`, { reason: 'contract ended' });
    expect(off.status, off.text).toBe(200);
    expect(off.body.disabledAt).not.toBeNull();
    expect(off.body.disabledReason).toBe('contract ended');
    const again = await admin.post(`/api/v1/fhir-clients/${one.body.id}/disable`, { reason: 'again' });
    expect(again.status).toBe(409);

    const audit = await h.database.db
      .selectFrom('audit_log')
      .select(['action', 'resource_id', 'user_id', 'role'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'fhir_client')
      .orderBy('created_seq')
      .execute();
    expect(audit).toEqual([
      { action: 'create', resource_id: one.body.id, user_id: c.users.admin.id, role: 'admin' },
      { action: 'create', resource_id: two.body.id, user_id: c.users.admin.id, role: 'admin' },
      { action: 'update', resource_id: one.body.id, user_id: c.users.admin.id, role: 'admin' },
    ]);
  });

  it('is the admin’s alone, and another clinic’s client is not found', async () => {
    const c = await h.newClinic();
    const key = await newKey();
    for (const role of ['prescriber', 'nurse', 'therapist', 'front_desk'] as const) {
      const u = await c.login(role);
      expect((await u.get('/api/v1/fhir-clients')).status, role).toBe(403);
      const r = await u.post('/api/v1/fhir-clients', {
        name: 'x',
        publicKey: key.jwk,
        scopes: ['system/*.rs'],
      });
      expect(r.status, role).toBe(403);
    }
    const other = await h.newClinic();
    const theirs = await (await other.login('admin')).post('/api/v1/fhir-clients', {
      name: 'Theirs',
      publicKey: key.jwk,
      scopes: ['system/*.rs'],
    });
    const admin = await c.login('admin');
    const r = await admin.post(`/api/v1/fhir-clients/${theirs.body.id}/disable`, { reason: 'not mine' });
    expect(r.status).toBe(404);
    expect((await admin.get('/api/v1/fhir-clients')).body.items).toEqual([]);
    expect(await count(h, c)).toBe(0);
  });

  it('refuses a bad key or scope with 400 naming the field, storing nothing', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const rsa = await newKey('RS384');
    const { privateKey } = await generateKeyPair('RS384', { extractable: true });
    const privateJwk = await exportJWK(privateKey);
    const p256 = await exportJWK((await generateKeyPair('ES256')).publicKey);
    // jose refuses to make a key under 2048 bits; node:crypto makes the weak key the server must refuse.
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' });
    const cases: Array<[object, string[], string]> = [
      [rsa.jwk, ['system/Observation.cruds'], 'body.scopes[0]'],
      [rsa.jwk, ['system/*.rs', 'patient/Observation.rs'], 'body.scopes[1]'],
      [rsa.jwk, ['system/Basic.rs'], 'body.scopes[0]'],
      [privateJwk, ['system/*.rs'], 'body.publicKey.d'],
      [{ ...p256 }, ['system/*.rs'], 'body.publicKey.crv'],
      [small, ['system/*.rs'], 'body.publicKey.n'],
      [{ kty: 'oct', k: 'c2VjcmV0' }, ['system/*.rs'], 'body.publicKey.k'],
      [{ kty: 'OKP', crv: 'Ed25519', x: 'abc' }, ['system/*.rs'], 'body.publicKey.kty'],
      [{ ...rsa.jwk, alg: 'RS256' }, ['system/*.rs'], 'body.publicKey.alg'],
      [{ keys: [] }, ['system/*.rs'], 'body.publicKey.keys'],
      [{ keys: [rsa.jwk, { kty: 'RSA', e: 'AQAB' }] }, ['system/*.rs'], 'body.publicKey.keys[1].n'],
      [{ hello: 'world' }, ['system/*.rs'], 'body.publicKey'],
      [rsa.jwk, [], 'body.scopes'],
    ];
    for (const [publicKey, scopes, field] of cases) {
      const r = await admin.post('/api/v1/fhir-clients', { name: 'Bad', publicKey, scopes });
      expect(r.status, `${field}: ${r.text}`).toBe(400);
      expect(
        r.body.error.details.map((d: { field: string }) => d.field),
        `${field}: ${r.text}`,
      ).toContain(field);
    }
    expect(await count(h, c)).toBe(0);
  });
});
