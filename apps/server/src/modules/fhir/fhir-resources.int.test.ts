/**
 * Every resource the FHIR interface serves validates with a FHIR validator library (test/validate.ts: the base
 * R4 definitions and the declared Vital Signs profiles), and carries the codes its mapping promises (codes.ts).
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';
import { recordObservations } from './test/fixtures.ts';
import { fhirIssues } from './test/validate.ts';

// biome-ignore lint/suspicious/noExplicitAny: walking FHIR JSON
type Json = any;

const loinc = (o: Json) => o.code.coding.map((c: Json) => `${c.system}|${c.code}`);

describe.each(testBackends())('FHIR resources on %s', (backend) => {
  const h = useTestApp(backend);

  it('the validator refuses an invalid resource (the check can fail)', () => {
    expect(fhirIssues({ resourceType: 'Observation', code: {} }).length).toBeGreaterThan(0);
    expect(fhirIssues({ resourceType: 'Patient', birthDate: '12/31/1980' }).length).toBeGreaterThan(0);
    // A respiratory-rate code under the declared heartrate profile breaks the profile, not the base definition.
    const hr = {
      resourceType: 'Observation',
      meta: { profile: ['http://hl7.org/fhir/StructureDefinition/heartrate'] },
      status: 'final',
      category: [
        {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' },
          ],
        },
      ],
      code: { coding: [{ system: 'http://loinc.org', code: '9279-1' }] },
      subject: { reference: 'Patient/x' },
      effectiveDateTime: '2026-01-01T00:00:00Z',
      valueQuantity: { value: 70, unit: 'beats/minute', system: 'http://unitsofmeasure.org', code: '/min' },
    };
    expect(fhirIssues(hr).length).toBeGreaterThan(0);
    expect(fhirIssues({ ...hr, subject: undefined }).length).toBeGreaterThan(1);
    expect(fhirIssues({ ...hr, code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] } })).toEqual(
      [],
    );
  });

  it('serves a valid CapabilityStatement listing the served types and search parameters', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/fhir/R4/metadata' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/fhir+json');
    const cs = res.json();
    expect(fhirIssues(cs)).toEqual([]);
    expect(cs.fhirVersion).toBe('4.0.1');
    const types = cs.rest[0].resource.map((r: Json) => r.type);
    expect(types).toEqual([
      'Patient',
      'Observation',
      'QuestionnaireResponse',
      'Encounter',
      'Practitioner',
      'Location',
      'Questionnaire',
      'MedicationAdministration',
      'AdverseEvent',
      'CarePlan',
      'Flag',
      'Appointment',
      'AuditEvent',
      'Group',
      'Consent',
    ]);
    const obs = cs.rest[0].resource[1];
    expect(obs.searchParam.map((p: Json) => p.name).sort()).toEqual(
      ['_id', '_lastUpdated', 'category', 'code', 'date', 'patient', 'status', 'subject'].sort(),
    );
    expect(obs.searchInclude).toContain('Observation:patient');
  });

  it('serves the patient, each vital sign and each instrument total as valid R4 with their codes', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    await recordObservations(h, c, nurse, 2);
    const patient = await nurse.get(`/fhir/R4/Patient/${c.patientId}`);
    expect(patient.status).toBe(200);
    expect(fhirIssues(patient.body)).toEqual([]);
    expect(patient.body).toMatchObject({ resourceType: 'Patient', id: c.patientId });
    expect(patient.body.identifier[0].type.coding[0].code).toBe('MR');

    const bundle = await nurse.get(`/fhir/R4/Observation?patient=${c.patientId}&_count=100`);
    expect(bundle.status).toBe(200);
    expect(fhirIssues(bundle.body)).toEqual([]);
    const observations: Json[] = bundle.body.entry.map((e: Json) => e.resource);
    // 2 readings × 5 signs, a weight, a PHQ-9 and a GAD-7.
    expect(observations).toHaveLength(13);
    for (const o of observations) expect(fhirIssues(o), `${o.id}`).toEqual([]);
    const byCode = (code: string) =>
      observations.filter((o) => loinc(o).includes(`http://loinc.org|${code}`));
    expect(byCode('85354-9')).toHaveLength(2);
    expect(byCode('8867-4')).toHaveLength(2);
    expect(byCode('9279-1')).toHaveLength(2);
    expect(byCode('8310-5')).toHaveLength(2);
    expect(byCode('29463-7')).toHaveLength(1);
    expect(byCode('44261-6')).toHaveLength(1);
    expect(byCode('70274-6')).toHaveLength(1);
    const spo2 = byCode('2708-6');
    expect(spo2).toHaveLength(2);
    expect(loinc(spo2[0])).toEqual(['http://loinc.org|2708-6', 'http://loinc.org|59408-5']);
    expect(spo2[0].valueQuantity).toMatchObject({
      value: 97,
      system: 'http://unitsofmeasure.org',
      code: '%',
    });
    const bps = byCode('85354-9').sort((a, b) => a.effectiveDateTime.localeCompare(b.effectiveDateTime));
    const comp = (o: Json, code: string) => o.component.find((x: Json) => x.code.coding[0].code === code);
    // The first reading held no diastolic pressure: the component says so instead of inventing a value.
    expect(comp(bps[0], '8480-6').valueQuantity).toMatchObject({ value: 120, code: 'mm[Hg]' });
    expect(comp(bps[0], '8462-4').dataAbsentReason.coding[0].code).toBe('unknown');
    expect(comp(bps[1], '8462-4').valueQuantity).toMatchObject({ value: 80, code: 'mm[Hg]' });
    expect(byCode('44261-6')[0].valueQuantity).toMatchObject({ value: 7, code: '{score}' });
    expect(byCode('44261-6')[0].category[0].coding[0].code).toBe('survey');
    for (const o of observations) {
      expect(o.subject.reference).toBe(`Patient/${c.patientId}`);
      const read = await nurse.get(`/fhir/R4/Observation/${o.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(o);
    }
  });

  it('serves the dosing session, its chair and the staff as valid R4 Encounter, Location and Practitioner', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const chair = await admin.post('/api/v1/chairs', { name: 'Chair 1', kind: 'infusion_chair' });
    expect(chair.status, chair.text).toBe(201);
    const room = await admin.post('/api/v1/chairs', { name: 'Spravato Room', kind: 'spravato_room' });
    const nurse = await c.login('nurse');
    const f = await recordObservations(h, c, nurse, 1);

    const encounter = await nurse.get(`/fhir/R4/Encounter/${f.sessionId}`);
    expect(encounter.status, encounter.text).toBe(200);
    expect(fhirIssues(encounter.body)).toEqual([]);
    expect(encounter.body).toMatchObject({
      status: 'planned',
      class: { code: 'AMB' },
      subject: { reference: `Patient/${c.patientId}` },
      location: [{ location: { reference: `Location/${chair.body.id}` } }],
    });
    const hr = await nurse.get(`/fhir/R4/Observation/vs-${f.vitalIds[0]}-hr`);
    expect(hr.body.encounter.reference).toBe(`Encounter/${f.sessionId}`);
    await nurse.post(`/api/v1/sessions/${f.sessionId}/transition`, { to: 'checked_in' });
    const arrived = await nurse.get(`/fhir/R4/Encounter?patient=${c.patientId}&status=arrived`);
    expect(arrived.body.entry.map((e: Json) => e.resource.id)).toEqual([f.sessionId]);
    expect(fhirIssues(arrived.body)).toEqual([]);

    const locations = await nurse.get('/fhir/R4/Location');
    expect(locations.body.total).toBe(2);
    for (const e of locations.body.entry) expect(fhirIssues(e.resource), e.resource.name).toEqual([]);
    const byId = (id: string) => locations.body.entry.find((e: Json) => e.resource.id === id).resource;
    expect(byId(room.body.id).physicalType.coding[0].code).toBe('ro');
    expect(byId(chair.body.id)).toMatchObject({ status: 'active', mode: 'instance', name: 'Chair 1' });

    const staff = await nurse.get('/fhir/R4/Practitioner?_count=100');
    const ids = staff.body.entry.map((e: Json) => e.resource.id).sort();
    const roles = ['admin', 'prescriber', 'nurse', 'therapist', 'front_desk'] as const;
    expect(ids).toEqual(roles.map((r) => c.users[r].id).sort()); // never the patient's account
    for (const e of staff.body.entry) expect(fhirIssues(e.resource)).toEqual([]);
    const read = await nurse.get(`/fhir/R4/Practitioner/${c.users.prescriber.id}`);
    expect(read.body).toMatchObject({ resourceType: 'Practitioner', active: true });
    expect((await nurse.get(`/fhir/R4/Practitioner/${c.users.patient.id}`)).status).toBe(404);
  });

  it('serves each assessment as a valid QuestionnaireResponse that its total is derived from', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    await recordObservations(h, c, nurse, 1);
    const phq9 = (await nurse.get(`/fhir/R4/Observation?patient=${c.patientId}&code=44261-6`)).body.entry[0]
      .resource;
    const [ref] = phq9.derivedFrom;
    expect(ref.reference).toMatch(/^QuestionnaireResponse\//);
    const qr = await nurse.get(`/fhir/R4/${ref.reference}`);
    expect(qr.status, qr.text).toBe(200);
    expect(fhirIssues(qr.body)).toEqual([]);
    expect(qr.body).toMatchObject({
      status: 'completed',
      questionnaire: 'urn:plasticity:questionnaire:phq9|1.0.0',
      subject: { reference: `Patient/${c.patientId}` },
    });
    expect(qr.body.item.map((i: Json) => i.answer?.[0].valueInteger)).toEqual([1, 1, 2, 1, 0, 1, 1, 0, 0]);
    const all = await nurse.get(`/fhir/R4/QuestionnaireResponse?patient=${c.patientId}`);
    expect(all.body.total).toBe(2);
    for (const e of all.body.entry) expect(fhirIssues(e.resource)).toEqual([]);
    expect((await (await c.login('front_desk')).get(`/fhir/R4/${ref.reference}`)).status).toBe(403);
  });

  it('serves a reading marked entered in error with that status, still valid', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const f = await recordObservations(h, c, nurse, 1);
    const marked = await nurse.post(
      `/api/v1/sessions/${f.sessionId}/vitals/${f.vitalIds[0]}/entered-in-error`,
      {
        reason: 'typed into the wrong chart',
      },
    );
    expect(marked.status, marked.text).toBe(200);
    const hr = await nurse.get(`/fhir/R4/Observation/vs-${f.vitalIds[0]}-hr`);
    expect(hr.body.status).toBe('entered-in-error');
    expect(fhirIssues(hr.body)).toEqual([]);
  });

  it('serves a monitor reading no nurse has confirmed as preliminary, and final once confirmed', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const f = await recordObservations(h, c, nurse, 1);
    const id = f.vitalIds[0] as string;
    await h.database.db
      .updateTable('session_vitals')
      .set({ source: 'device', device_id: '0011223344556677' })
      .where('id', '=', id)
      .execute();
    const before = await nurse.get(`/fhir/R4/Observation/vs-${id}-hr`);
    expect(before.body.status).toBe('preliminary');
    expect(fhirIssues(before.body)).toEqual([]);
    const confirmed = await nurse.post(`/api/v1/sessions/${f.sessionId}/vitals/confirm`, { vitalIds: [id] });
    expect(confirmed.status, confirmed.text).toBe(200);
    expect((await nurse.get(`/fhir/R4/Observation/vs-${id}-hr`)).body.status).toBe('final');
  });

  it('answers errors as valid OperationOutcomes', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    for (const url of ['/fhir/R4/Patient/nope', '/fhir/R4/Observation?foo=1', '/fhir/R4/Immunization']) {
      const res = await nurse.get(url);
      expect(res.status, url).toBeGreaterThanOrEqual(400);
      expect(res.body.resourceType, url).toBe('OperationOutcome');
      expect(fhirIssues(res.body), url).toEqual([]);
    }
  });
});
