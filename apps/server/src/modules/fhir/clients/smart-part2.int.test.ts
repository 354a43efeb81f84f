/**
 * 42 CFR Part 2: with no disclosure consent recorded, a system client receives no record of a patient treated
 * for a substance use disorder (a treatment plan, not entered in error, with an alcohol or opioid use disorder
 * indication): the patient is absent from every search of every type and each read is 404, while other
 * patients are served and a staff session sees everything as before.
 */

import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { type Client, useTestApp, validPatient } from '../../../test/harness.ts';
import { addPlan, recordObservations } from '../test/fixtures.ts';
import { bearer, getWith, newKey, registerClient } from '../test/smart.ts';

// biome-ignore lint/suspicious/noExplicitAny: walking FHIR JSON
type Json = any;

/** The ids of every resource a search returns, following no links (the test's data fits one page). */
async function searched(get: (url: string) => Promise<{ status: number; body: Json }>, url: string) {
  const r = await get(url);
  expect(r.status, url).toBe(200);
  return r.body.entry.map((e: Json) => e.resource);
}

const subjectOf = (r: Json): string | undefined =>
  r.resourceType === 'Patient' ? r.id : r.subject?.reference?.replace('Patient/', '');

describe.each(testBackends())('42 CFR Part 2 for system clients on %s', (backend) => {
  const h = useTestApp(backend);

  it('withholds every record of a patient with a substance use disorder plan from a system client', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const fixture = await recordObservations(h, c, nurse, 1); // the clinic's patient: a session, vitals, scores
    const other = await nurse.post('/api/v1/patients', validPatient({ lastName: 'Released' }));
    expect(other.status).toBe(201);
    await nurse.post(`/api/v1/patients/${other.body.id}/weights`, {
      weightKg: 80,
      measuredAt: h.clock.now().toISOString(),
    });
    await addPlan(h, c, c.patientId, ['trd', 'opioid_use_disorder']);
    await addPlan(h, c, other.body.id, ['trd']);
    await addPlan(h, c, other.body.id, ['alcohol_use_disorder'], true); // entered in error: does not count

    const key = await newKey();
    const id = await registerClient(await c.login('admin'), key.jwk, ['system/*.rs']);
    const token = await bearer(h, key, id, 'system/*.rs');
    const asClient = (url: string) => getWith(h, token, url);
    const asNurse = (url: string) => nurse.get(url);

    const types = ['Patient', 'Observation', 'QuestionnaireResponse', 'Encounter'];
    for (const type of types) {
      const seen = (await searched(asClient, `/fhir/R4/${type}?_count=200`)).map(subjectOf);
      expect(seen, type).not.toContain(c.patientId);
      const staff = (await searched(asNurse, `/fhir/R4/${type}?_count=200`)).map(subjectOf);
      expect(staff, type).toContain(c.patientId);
    }
    expect((await searched(asClient, '/fhir/R4/Patient?_count=200')).map(subjectOf)).toEqual([other.body.id]);
    expect((await searched(asClient, `/fhir/R4/Observation?patient=${other.body.id}`)).length).toBe(1);
    const asked = await asClient(`/fhir/R4/Observation?patient=${c.patientId}`);
    expect(asked.body.total).toBe(0);

    const staffObs = await searched(asNurse, `/fhir/R4/Observation?patient=${c.patientId}&_count=200`);
    const reads = [
      `/fhir/R4/Patient/${c.patientId}`,
      `/fhir/R4/Encounter/${fixture.sessionId}`,
      `/fhir/R4/Observation/${staffObs[0].id}`,
    ];
    for (const url of reads) {
      const denied = await asClient(url);
      expect(denied.status, url).toBe(404);
      expect(denied.body.resourceType).toBe('OperationOutcome');
      expect((await asNurse(url)).status, url).toBe(200);
    }
    expect((await asClient(`/fhir/R4/Patient/${other.body.id}`)).status).toBe(200);
    // Records about no patient are unaffected.
    expect((await asClient('/fhir/R4/Location')).status).toBe(200);
  });

  it('withholds them from a client scoped to one type as well', async () => {
    const c = await h.newClinic();
    const nurse: Client = await c.login('nurse');
    await recordObservations(h, c, nurse, 1);
    await addPlan(h, c, c.patientId, ['alcohol_use_disorder']);
    const key = await newKey('ES384');
    const id = await registerClient(await c.login('admin'), { keys: [key.jwk] }, ['system/Observation.rs']);
    const token = await bearer(h, key, id, 'system/Observation.rs');
    const r = await getWith(h, token, '/fhir/R4/Observation?_count=200');
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(0);
    expect((await nurse.get('/fhir/R4/Observation?_count=200')).body.total).toBeGreaterThan(0);
  });
});
