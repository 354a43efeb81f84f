/**
 * Reading the FHIR interface with a bearer token: the token's scopes decide which types a system client reads
 * (403 OperationOutcome otherwise), an unknown, expired or revoked token is 401 with `WWW-Authenticate: Bearer
 * error="invalid_token"`, staff sessions work as before, and every read is audited with the client as the actor.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';
import { recordObservations } from '../test/fixtures.ts';
import { bearer, getWith, newKey, registerClient } from '../test/smart.ts';

describe.each(testBackends())('FHIR reads with a bearer token on %s', (backend) => {
  const h = useTestApp(backend);

  it('reads Patient and Observation with a token, audited with the client as the actor', async () => {
    const c = await h.newClinic();
    await recordObservations(h, c, await c.login('nurse'), 2);
    const key = await newKey();
    const id = await registerClient(await c.login('admin'), key.jwk, [
      'system/Patient.rs',
      'system/Observation.read',
    ]);
    const token = await bearer(h, key, id, 'system/Patient.rs system/Observation.read');

    const patient = await getWith(h, token, `/fhir/R4/Patient/${c.patientId}`);
    expect(patient.status, patient.text).toBe(200);
    expect(patient.body).toMatchObject({ resourceType: 'Patient', id: c.patientId });
    expect(patient.headers['content-type']).toMatch(/application\/fhir\+json/);
    const obs = await getWith(h, token, `/fhir/R4/Observation?patient=${c.patientId}&code=8867-4`);
    expect(obs.status, obs.text).toBe(200);
    expect(obs.body.total).toBe(2);
    const withPatient = await getWith(
      h,
      token,
      `/fhir/R4/Observation?patient=${c.patientId}&code=8867-4&_include=Observation:patient`,
    );
    expect(
      withPatient.body.entry.filter((e: { search: { mode: string } }) => e.search.mode === 'include'),
    ).toHaveLength(1);

    const audit = await h.database.db
      .selectFrom('audit_log')
      .select(['action', 'user_id', 'user_email', 'role', 'patient_id', 'details'])
      .where('clinic_id', '=', c.clinicId)
      .where('action', 'in', ['read', 'query'])
      .where('role', '=', 'system_client')
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(3);
    for (const a of audit) {
      expect(a).toMatchObject({ user_id: null, user_email: null, patient_id: c.patientId });
      expect(a.details).toMatchObject({ interface: 'fhir', client: id });
    }
    expect(audit.map((a) => a.action)).toContain('read');
    expect(audit.map((a) => a.action)).toContain('query');
  });

  it('answers 403 for a type outside the token’s scopes', async () => {
    const c = await h.newClinic();
    await recordObservations(h, c, await c.login('nurse'), 1);
    const key = await newKey();
    const id = await registerClient(await c.login('admin'), key.jwk, ['system/*.rs']);
    const token = await bearer(h, key, id, 'system/Observation.rs');
    for (const url of [
      `/fhir/R4/Patient/${c.patientId}`,
      '/fhir/R4/Patient',
      '/fhir/R4/Encounter',
      `/fhir/R4/Observation?patient=${c.patientId}&_include=Observation:patient`,
    ]) {
      const r = await getWith(h, token, url);
      expect(r.status, url).toBe(403);
      expect(r.body.resourceType, url).toBe('OperationOutcome');
      expect(r.body.issue[0].code, url).toBe('forbidden');
    }
    const denied = await getWith(h, token, `/fhir/R4/Patient/${c.patientId}`);
    expect(denied.headers['www-authenticate']).toBe('Bearer error="insufficient_scope"');
    expect((await getWith(h, token, `/fhir/R4/Observation?patient=${c.patientId}`)).status).toBe(200);
  });

  it('refuses an unknown, expired or revoked token with 401 invalid_token; a session still reads', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const key = await newKey();
    const id = await registerClient(admin, key.jwk, ['system/Patient.rs']);
    const url = `/fhir/R4/Patient/${c.patientId}`;
    const refused = async (token: string) => {
      const r = await getWith(h, token, url);
      expect(r.status).toBe(401);
      expect(r.body.resourceType).toBe('OperationOutcome');
      expect(r.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    };
    await refused('no-such-token');
    await refused('');

    const token = await bearer(h, key, id, 'system/Patient.rs');
    expect((await getWith(h, token, url)).status).toBe(200);
    h.clock.advance(299_000);
    expect((await getWith(h, token, url)).status).toBe(200);
    h.clock.advance(1_000);
    await refused(token);

    const fresh = await bearer(h, key, id, 'system/Patient.rs');
    expect((await getWith(h, fresh, url)).status).toBe(200);
    expect((await admin.post(`/api/v1/fhir-clients/${id}/disable`, { reason: 'key leaked' })).status).toBe(
      200,
    );
    await refused(fresh);

    // Without any credential: 401 with a bare Bearer challenge; the staff session is unchanged.
    const anon = await h.app.inject({ method: 'GET', url });
    expect(anon.statusCode).toBe(401);
    expect(anon.headers['www-authenticate']).toBe('Bearer');
    expect((await (await c.login('nurse')).get(url)).status).toBe(200);
  });

  it('reaches only its own clinic, and no /api route accepts a token', async () => {
    const c = await h.newClinic();
    const other = await h.newClinic();
    const key = await newKey();
    const id = await registerClient(await c.login('admin'), key.jwk, ['system/*.rs']);
    const token = await bearer(h, key, id, 'system/*.rs');
    expect((await getWith(h, token, `/fhir/R4/Patient/${other.patientId}`)).status).toBe(404);
    const all = await getWith(h, token, '/fhir/R4/Patient?_count=200');
    expect(all.body.entry.map((e: { resource: { id: string } }) => e.resource.id)).toEqual([c.patientId]);
    expect((await getWith(h, token, `/api/v1/patients/${c.patientId}`)).status).toBe(401);
    expect((await getWith(h, token, '/api/v1/fhir-clients')).status).toBe(401);
  });
});
