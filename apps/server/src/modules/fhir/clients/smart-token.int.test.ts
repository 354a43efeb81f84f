/**
 * The SMART Backend Services token endpoint: a signed assertion gets a five-minute bearer token for the scopes
 * asked for that the client may hold; every broken assertion (wrong key, wrong aud, expired, too long-lived,
 * replayed jti, another client's iss) is 401 invalid_client, a scope the client may not hold 400 invalid_scope,
 * another grant type 400 unsupported_grant_type, a disabled client 401. Tokens are stored as hashes only, and
 * every issue and refusal is audited with the client as the actor.
 */
import { createHash, randomUUID } from 'node:crypto';
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';
import { askToken, assertion, JWT_BEARER, newKey, registerClient, tokenRequest } from '../test/smart.ts';

describe.each(testBackends())('SMART token endpoint on %s', (backend) => {
  const h = useTestApp(backend);

  it('issues a bearer token for the granted scopes, storing only its hash, audited as the client', async () => {
    const c = await h.newClinic();
    const key = await newKey('RS384');
    const id = await registerClient(await c.login('admin'), key.jwk, [
      'system/Observation.rs',
      'system/Patient.rs',
    ]);
    const r = await askToken(h, key, id, 'system/Observation.rs system/Encounter.rs');
    expect(r.status, r.text).toBe(200);
    expect(r.body).toEqual({
      access_token: expect.any(String),
      token_type: 'bearer',
      expires_in: 300,
      scope: 'system/Observation.rs',
    });
    expect(r.headers['cache-control']).toBe('no-store');
    expect(r.body.access_token.length).toBeGreaterThanOrEqual(40);
    const stored = await h.database.db
      .selectFrom('fhir_access_tokens')
      .selectAll()
      .where('client_id', '=', id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.token_hash).toBe(createHash('sha256').update(r.body.access_token).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(r.body.access_token);
    expect(stored[0]?.expires_at.getTime()).toBe(h.clock.now().getTime() + 300_000);

    // A wildcard request gets what the client may hold.
    const all = await askToken(h, key, id, 'system/*.rs');
    expect(all.body.scope.split(' ').sort()).toEqual(['system/Observation.rs', 'system/Patient.rs']);

    const audit = await h.database.db
      .selectFrom('audit_log')
      .select(['action', 'resource_id', 'user_id', 'role', 'outcome', 'details'])
      .where('clinic_id', '=', c.clinicId)
      .where('action', '=', 'login')
      .where('role', '=', 'system_client')
      .orderBy('created_seq')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({
      resource_id: id,
      user_id: null,
      role: 'system_client',
      outcome: 'success',
    });
    expect(audit[0]?.details).toMatchObject({ client: id, scopes: ['system/Observation.rs'] });
    expect(JSON.stringify(audit)).not.toContain(r.body.access_token);
  });

  it('accepts ES384 with the key chosen from a JWKS by kid', async () => {
    const c = await h.newClinic();
    const rsa = await newKey('RS384');
    const ec = await newKey('ES384');
    const id = await registerClient(await c.login('admin'), { keys: [rsa.jwk, ec.jwk] }, ['system/*.rs']);
    expect((await askToken(h, ec, id, 'system/Patient.rs')).status).toBe(200);
    expect((await askToken(h, rsa, id, 'system/Patient.rs')).status).toBe(200);
  });

  it('refuses a broken assertion as invalid_client (401), and each refusal is audited', async () => {
    const c = await h.newClinic();
    const key = await newKey('RS384');
    const id = await registerClient(await c.login('admin'), key.jwk, ['system/*.rs']);
    const impostor = await newKey('RS384');
    const wrongKey = { ...impostor, jwk: { ...impostor.jwk, kid: key.jwk.kid } };
    const otherId = await registerClient(await c.login('admin'), impostor.jwk, ['system/*.rs']);
    const cases: Array<[string, () => Promise<string>, RegExp]> = [
      ['wrong key', () => assertion(h, wrongKey, id), /signature/],
      ['wrong aud', () => assertion(h, key, id, { aud: 'https://elsewhere.example/token' }), /aud/],
      ['aud the FHIR base', () => assertion(h, key, id, { aud: 'http://localhost/fhir/R4' }), /aud/],
      ['expired', () => assertion(h, key, id, { expIn: -1 }), /expired/],
      ['exp over five minutes ahead', () => assertion(h, key, id, { expIn: 301 }), /five minutes/],
      ['sub not the client', () => assertion(h, key, id, { sub: otherId }), /sub/],
      ['iss of another client', () => assertion(h, key, otherId), /signature|kid/],
      ['iss unknown', () => assertion(h, key, id, { iss: randomUUID(), sub: id }), /iss/],
      ['not a JWT', async () => 'not.a.jwt', /JWT/],
    ];
    for (const [label, make, why] of cases) {
      const r = await tokenRequest(h, {
        grant_type: 'client_credentials',
        client_assertion_type: JWT_BEARER,
        client_assertion: await make(),
        scope: 'system/Patient.rs',
      });
      expect(r.status, `${label}: ${r.text}`).toBe(401);
      expect(r.body.error, label).toBe('invalid_client');
      expect(r.body.error_description, label).toMatch(why);
    }
    // Exactly five minutes ahead is the limit, and is accepted.
    expect((await askToken(h, key, id, 'system/Patient.rs', { expIn: 300 })).status).toBe(200);
    const failures = await h.database.db
      .selectFrom('audit_log')
      .select(['role', 'details'])
      .where('clinic_id', '=', c.clinicId)
      .where('action', '=', 'login')
      .where('outcome', '=', 'failure')
      .where('resource_type', '=', 'fhir_client')
      .execute();
    // Every refusal of a registered client (not the unknown iss, nor the token that is no JWT).
    expect(failures).toHaveLength(cases.length - 2);
    expect(failures.every((f) => f.role === 'system_client')).toBe(true);
  });

  it('refuses a replayed jti, and keeps it only until the assertion expires', async () => {
    const c = await h.newClinic();
    const key = await newKey();
    const id = await registerClient(await c.login('admin'), key.jwk, ['system/*.rs']);
    const jti = randomUUID();
    expect((await askToken(h, key, id, 'system/Patient.rs', { jti, expIn: 60 })).status).toBe(200);
    const replay = await askToken(h, key, id, 'system/Patient.rs', { jti, expIn: 60 });
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({
      error: 'invalid_client',
      error_description: expect.stringMatching(/jti/),
    });
    const seen = () =>
      h.database.db.selectFrom('fhir_client_assertions').select('jti').where('client_id', '=', id).execute();
    expect(await seen()).toEqual([{ jti }]);
    h.clock.advance(61_000);
    expect((await askToken(h, key, id, 'system/Patient.rs')).status).toBe(200);
    expect((await seen()).map((s) => s.jti)).not.toContain(jti);
  });

  it('answers invalid_scope, unsupported_grant_type, invalid_request and a disabled client', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const key = await newKey();
    const id = await registerClient(admin, key.jwk, ['system/Observation.rs']);
    const scope = await askToken(h, key, id, 'system/Patient.rs');
    expect(scope.status).toBe(400);
    expect(scope.body.error).toBe('invalid_scope');
    const write = await askToken(h, key, id, 'system/Observation.cruds');
    expect(write.body.error).toBe('invalid_scope');

    const form = async (over: Record<string, string | undefined>) => {
      const base: Record<string, string | undefined> = {
        grant_type: 'client_credentials',
        client_assertion_type: JWT_BEARER,
        client_assertion: await assertion(h, key, id),
        scope: 'system/Observation.rs',
        ...over,
      };
      const defined = Object.entries(base).filter((e): e is [string, string] => e[1] !== undefined);
      return tokenRequest(h, Object.fromEntries(defined));
    };
    const cases: Array<[Record<string, string | undefined>, number, string]> = [
      [{ grant_type: 'authorization_code' }, 400, 'unsupported_grant_type'],
      [
        { client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:saml2-bearer' },
        401,
        'invalid_client',
      ],
      [{ client_assertion: undefined }, 401, 'invalid_client'],
      [{ scope: undefined }, 400, 'invalid_request'],
      [{ grant_type: undefined }, 400, 'invalid_request'],
    ];
    for (const [over, status, error] of cases) {
      const r = await form(over);
      expect(r.status, JSON.stringify(over)).toBe(status);
      expect(r.body.error, JSON.stringify(over)).toBe(error);
    }
    const twice = await h.app.inject({
      method: 'POST',
      url: '/fhir/R4/auth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'grant_type=client_credentials&grant_type=client_credentials',
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error).toBe('invalid_request');

    expect((await admin.post(`/api/v1/fhir-clients/${id}/disable`, { reason: 'retired' })).status).toBe(200);
    const disabled = await askToken(h, key, id, 'system/Observation.rs');
    expect(disabled.status).toBe(401);
    expect(disabled.body).toMatchObject({
      error: 'invalid_client',
      error_description: expect.stringMatching(/disabled/),
    });
  });

  it('advertises the endpoint in the SMART configuration and the CapabilityStatement', async () => {
    const conf = await h.app.inject({ method: 'GET', url: '/fhir/R4/.well-known/smart-configuration' });
    expect(conf.statusCode).toBe(200);
    expect(conf.json()).toMatchObject({
      token_endpoint: 'http://localhost/fhir/R4/auth/token',
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      token_endpoint_auth_signing_alg_values_supported: ['RS384', 'ES384'],
      grant_types_supported: ['client_credentials'],
      capabilities: ['client-confidential-asymmetric'],
    });
    expect(conf.json().scopes_supported).toEqual(
      expect.arrayContaining(['system/*.rs', 'system/Observation.rs']),
    );
    const meta = await h.app.inject({ method: 'GET', url: '/fhir/R4/metadata' });
    const security = meta.json().rest[0].security;
    expect(security.service[0].coding[0].code).toBe('SMART-on-FHIR');
    expect(security.extension[0].extension).toEqual([
      { url: 'token', valueUri: 'http://localhost/fhir/R4/auth/token' },
    ]);
  });
});
