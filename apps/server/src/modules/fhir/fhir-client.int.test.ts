/**
 * A standard FHIR client library (fhir-kit-client) reads the server over HTTP on an ephemeral port: the
 * CapabilityStatement, a patient, and the patient's Observations page by page through the Bundle's next links,
 * until there are none — the count it read matches the records in the database.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { Client as FhirClient } from 'fhir-kit-client';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';
import { recordObservations } from './test/fixtures.ts';

// biome-ignore lint/suspicious/noExplicitAny: walking FHIR JSON
type Json = any;

describe.each(testBackends())('a FHIR client library on %s', (backend) => {
  const h = useTestApp(backend);
  let baseUrl: string;

  beforeAll(async () => {
    if (!h.app.server.listening) await h.app.listen({ port: 0, host: '127.0.0.1' });
    const address = h.app.server.address();
    if (!address || typeof address === 'string') throw new Error('not listening on a port');
    baseUrl = `http://127.0.0.1:${address.port}/fhir/R4`;
  });

  it("reads a patient's Observations page by page, as many as the database holds", async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    await recordObservations(h, c, nurse, 7);
    const client = new FhirClient({ baseUrl, customHeaders: { Cookie: nurse.cookie ?? '' } });

    const cs: Json = await client.capabilityStatement();
    expect(cs.fhirVersion).toBe('4.0.1');
    const patient: Json = await client.read({ resourceType: 'Patient', id: c.patientId });
    expect(patient.id).toBe(c.patientId);

    // What the record holds for this patient, counted from the tables: one Observation per vital sign a reading
    // holds (blood pressure once for both pressures), per weight, per assessment with a LOINC total.
    const counted = await sql<{ n: number }>`
      select (select coalesce(sum((v.sbp is not null or v.dbp is not null)::int + (v.hr is not null)::int
                + (v.rr is not null)::int + (v.spo2 is not null)::int + (v.temp_c is not null)::int), 0)
                from session_vitals v join dosing_sessions s on s.id = v.session_id
               where s.patient_id = ${c.patientId})
           + (select count(*) from plan_weight_observations where patient_id = ${c.patientId})
           + (select count(*) from assessments where patient_id = ${c.patientId} and instrument_id in ('phq9', 'gad7'))
           as n`.execute(h.database.db);
    const expected = Number(counted.rows[0]?.n);
    expect(expected).toBe(7 * 5 + 1 + 2);

    const ids: string[] = [];
    let page: Json = await client.search({
      resourceType: 'Observation',
      searchParams: { patient: c.patientId, _count: 10 },
    });
    let pages = 0;
    while (page) {
      expect(page.total).toBe(expected);
      ids.push(...(page.entry ?? []).map((e: Json) => e.resource.id));
      pages += 1;
      page = await client.nextPage({ bundle: page });
    }
    expect(pages).toBe(Math.ceil(expected / 10));
    expect(ids).toHaveLength(expected);
    expect(new Set(ids).size).toBe(expected);

    const bp: Json = await client.search({
      resourceType: 'Observation',
      searchParams: { patient: c.patientId, code: 'http://loinc.org|85354-9' },
    });
    expect(bp.total).toBe(7);
  });

  it('gets an OperationOutcome the client library reports as the error', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const client = new FhirClient({ baseUrl, customHeaders: { Cookie: nurse.cookie ?? '' } });
    const failed: Json = await client
      .read({ resourceType: 'Patient', id: '00000000-0000-4000-8000-000000000000' })
      .then(
        () => null,
        (err: unknown) => err,
      );
    expect(failed.response.status).toBe(404);
    expect(failed.response.data.resourceType).toBe('OperationOutcome');
  });
});
