/**
 * The types mapped from the dosing record, the plan, the alerts, the calendar, the instruments and the audit
 * log — MedicationAdministration, AdverseEvent, CarePlan, Flag, Appointment, Questionnaire, AuditEvent — each
 * validates with the FHIR validator library (test/validate.ts), carries the codes its mapping promises, is read
 * back by id as searched, and answers its search parameters.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { type Client, useTestApp } from '../../test/harness.ts';
import { recordDosing } from './test/fixtures.ts';
import { fhirIssues } from './test/validate.ts';

// biome-ignore lint/suspicious/noExplicitAny: walking FHIR JSON
type Json = any;

/** The resources a search answers, each valid and read back unchanged by id. */
async function searchValid(client: Client, url: string): Promise<Json[]> {
  const r = await client.get(url);
  expect(r.status, `${url} ${r.text}`).toBe(200);
  expect(fhirIssues(r.body), url).toEqual([]);
  const resources: Json[] = (r.body.entry ?? []).map((e: Json) => e.resource);
  for (const res of resources) {
    expect(fhirIssues(res), `${res.resourceType}/${res.id}`).toEqual([]);
    const read = await client.get(`/fhir/R4/${res.resourceType}/${res.id}`);
    expect(read.status, `${res.resourceType}/${res.id}`).toBe(200);
    expect(read.body).toEqual(res);
  }
  return resources;
}

describe.each(testBackends())(
  'FHIR dosing, plan, alert, calendar, instrument and audit resources on %s',
  (backend) => {
    const h = useTestApp(backend);

    it('serves the dose and its adverse event as valid R4 with their codes', async () => {
      const c = await h.newClinic();
      const f = await recordDosing(h, c);
      const nurse = await c.login('nurse');
      const p = `patient=${c.patientId}`;

      const [ma] = await searchValid(nurse, `/fhir/R4/MedicationAdministration?${p}`);
      expect(ma).toMatchObject({
        id: f.administrationId,
        status: 'completed',
        subject: { reference: `Patient/${c.patientId}` },
        context: { reference: `Encounter/${f.sessionId}` },
        medicationReference: { reference: '#med' },
        dosage: {
          route: { coding: [{ system: 'http://snomed.info/sct', code: '46713006' }] },
          dose: { value: 56, system: 'http://unitsofmeasure.org', code: 'mg' },
        },
      });
      expect(ma.contained[0]).toMatchObject({
        resourceType: 'Medication',
        code: { text: 'Esketamine' },
        batch: { lotNumber: 'LOT-1', expirationDate: '2027-01-31' },
      });
      expect(ma.performer[0].actor.reference).toBe(`Practitioner/${c.users.nurse.id}`);

      const [ae] = await searchValid(nurse, `/fhir/R4/AdverseEvent?${p}`);
      expect(ae).toMatchObject({
        id: f.adverseEventId,
        actuality: 'actual',
        event: { text: 'Transient nausea' },
        encounter: { reference: `Encounter/${f.sessionId}` },
        seriousness: { coding: [{ code: 'non-serious' }] },
        severity: { coding: [{ code: 'mild' }] },
        outcome: { coding: [{ code: 'resolved' }] },
        suspectEntity: [{ instance: { reference: `MedicationAdministration/${f.administrationId}` } }],
      });
    });

    it('serves the plan, the suicide-risk alert and the appointment as valid R4', async () => {
      const c = await h.newClinic();
      const f = await recordDosing(h, c);
      const nurse = await c.login('nurse');
      const p = `patient=${c.patientId}`;
      const [plan] = await searchValid(nurse, `/fhir/R4/CarePlan?${p}&status=active`);
      expect(plan).toMatchObject({ id: f.planId, status: 'active', intent: 'plan' });
      expect(plan.activity[0].detail.status).toBe('in-progress');

      const [flag] = await searchValid(nurse, `/fhir/R4/Flag?${p}&status=active`);
      expect(flag).toMatchObject({ id: f.alertId, status: 'active', code: { text: 'Suicide risk' } });
      expect(flag.category[0].coding[0].code).toBe('safety');
      const ack = await nurse.post(`/api/v1/alerts/${f.alertId}/ack`, { note: 'Called the patient' });
      expect(ack.status, ack.text).toBe(200);
      const [inactive] = await searchValid(nurse, `/fhir/R4/Flag?${p}`);
      expect(inactive.status).toBe('inactive');
      expect(inactive.period.end).toBeDefined();
      expect(JSON.stringify(inactive)).not.toContain('Called the patient');

      const [appt] = await searchValid(nurse, `/fhir/R4/Appointment?${p}&date=2030-01-08`);
      expect(appt).toMatchObject({
        id: f.appointmentId,
        status: 'booked',
        start: '2030-01-08T15:00:00.000Z',
      });
      expect(appt.participant.map((x: Json) => x.actor.reference.split('/')[0])).toEqual([
        'Patient',
        'Location',
      ]);
      expect((await nurse.get(`/fhir/R4/Appointment?${p}&date=lt2030-01-08`)).body.total).toBe(0);
    });

    it('searches doses by status and effective time, and serves a dose entered in error with that status', async () => {
      const c = await h.newClinic();
      const f = await recordDosing(h, c);
      const nurse = await c.login('nurse');
      const url = `/fhir/R4/MedicationAdministration?patient=${c.patientId}`;
      expect((await nurse.get(`${url}&effective-time=ge2000-01-01`)).body.total).toBe(1);
      expect((await nurse.get(`${url}&effective-time=lt2000-01-01`)).body.total).toBe(0);
      expect((await nurse.get(`${url}&status=entered-in-error`)).body.total).toBe(0);
      expect((await nurse.get(`${url}&status=done`)).status).toBe(400);
      await h.database.db
        .updateTable('session_administrations')
        .set({ entered_in_error_at: h.clock.now(), entered_in_error_reason: 'wrong patient' })
        .where('id', '=', f.administrationId)
        .execute();
      const [marked] = await searchValid(nurse, `${url}&status=entered-in-error`);
      expect(marked.id).toBe(f.administrationId);
      // A dose entered in error is no longer a suspect of the session's adverse event.
      const [ae] = await searchValid(nurse, `/fhir/R4/AdverseEvent?patient=${c.patientId}`);
      expect(ae.suspectEntity).toBeUndefined();
    });

    it('serves the instruments as valid Questionnaires that the responses name', async () => {
      const c = await h.newClinic();
      const therapist = await c.login('therapist');
      const all = await searchValid(therapist, '/fhir/R4/Questionnaire?_count=200');
      const phq9 = all.find((q) => q.id === 'phq9-1.0.0');
      expect(phq9).toMatchObject({
        url: 'urn:plasticity:questionnaire:phq9',
        version: '1.0.0',
        status: 'active',
        code: [{ system: 'http://loinc.org', code: '44249-1' }],
        derivedFrom: ['http://loinc.org/q/44249-1'],
      });
      expect(phq9.item[8]).toMatchObject({ linkId: '9', code: [{ code: '44260-8' }], type: 'integer' });
      expect(phq9.item[8].answerOption.map((o: Json) => o.valueInteger)).toEqual([0, 1, 2, 3]);
      expect(all.some((q) => q.status === 'retired' && q.id.startsWith('cssrs-screen-'))).toBe(true);
      expect((await therapist.get('/fhir/R4/Questionnaire?status=retired')).body.total).toBeGreaterThan(0);

      const nurse = await c.login('nurse');
      const a = await nurse.post(`/api/v1/patients/${c.patientId}/assessments`, {
        instrument: 'gad7',
        answers: [1, 1, 1, 1, 1, 1, 1],
      });
      expect(a.status, a.text).toBe(201);
      const qr = (await nurse.get(`/fhir/R4/QuestionnaireResponse/${a.body.id}`)).body;
      const [url, version] = qr.questionnaire.split('|');
      const answered = all.find((q) => q.url === url && q.version === version);
      expect(answered?.title).toBe('GAD-7');
      expect(qr.item.map((i: Json) => i.linkId)).toEqual(
        answered.item.map((i: Json) => i.linkId).slice(0, 7),
      );
    });

    it('serves the audit log as valid AuditEvents to the admin only, never its details, each read audited once', async () => {
      const c = await h.newClinic();
      const nurse = await c.login('nurse');
      expect((await nurse.get(`/fhir/R4/Patient/${c.patientId}`)).status).toBe(200);
      expect((await nurse.get('/fhir/R4/AuditEvent')).status).toBe(403);
      const admin = await c.login('admin');
      const count = async () =>
        Number(
          (
            await h.database.db
              .selectFrom('audit_log')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('clinic_id', '=', c.clinicId)
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await count();
      const events = await searchValid(admin, `/fhir/R4/AuditEvent?patient=${c.patientId}&_count=200`);
      // The search and each read of its results: one entry each.
      expect(await count()).toBe(before + 1 + events.length);
      const read = events.find((e) => e.subtype?.[0]?.code === 'read' && e.entity[1]?.name === 'patient');
      expect(read).toMatchObject({
        action: 'R',
        outcome: '0',
        agent: [{ who: { reference: `Practitioner/${c.users.nurse.id}` }, requestor: true }],
        entity: [{ what: { reference: `Patient/${c.patientId}` } }, { name: 'patient' }],
      });
      for (const e of events) expect(JSON.stringify(e)).not.toContain('"details"');
      const logins = await searchValid(admin, '/fhir/R4/AuditEvent?date=ge2000-01-01&_count=5');
      expect(logins.length).toBeGreaterThan(0);
    });
  },
);
