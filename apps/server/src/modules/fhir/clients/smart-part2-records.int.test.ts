/**
 * 42 CFR Part 2 on the types mapped from the dosing record, the plan, the alerts, the calendar and the audit
 * log: a system client reading every type receives none of a patient with a substance use disorder plan —
 * no dose, adverse event, care plan, flag, appointment or audit entry naming them — and each read is 404, while
 * a staff session reads them and the instruments (about no patient) stay served.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';
import { recordDosing } from '../test/fixtures.ts';
import { bearer, getWith, newKey, registerClient } from '../test/smart.ts';

// biome-ignore lint/suspicious/noExplicitAny: walking FHIR JSON
type Json = any;

const TYPES = ['MedicationAdministration', 'AdverseEvent', 'CarePlan', 'Flag', 'Appointment', 'AuditEvent'];

describe.each(testBackends())(
  '42 CFR Part 2 on the dosing, plan, alert, calendar and audit types, on %s',
  (backend) => {
    const h = useTestApp(backend);

    it('withholds every such record of a patient with a substance use disorder plan from a system client', async () => {
      const c = await h.newClinic();
      const f = await recordDosing(h, c, ['trd', 'alcohol_use_disorder']);
      const key = await newKey();
      const admin = await c.login('admin');
      const id = await registerClient(admin, key.jwk, ['system/*.rs']);
      const token = await bearer(h, key, id, 'system/*.rs');
      const asClient = (url: string) => getWith(h, token, url);

      for (const type of TYPES) {
        const staff = await admin.get(`/fhir/R4/${type}?patient=${c.patientId}&_count=200`);
        expect(staff.status, type).toBe(200);
        expect(staff.body.total, type).toBeGreaterThan(0);
        const client = await asClient(`/fhir/R4/${type}?_count=200`);
        expect(client.status, type).toBe(200);
        const about = (client.body.entry ?? []).filter((e: Json) => JSON.stringify(e).includes(c.patientId));
        expect(about, type).toEqual([]);
      }
      const reads = [
        `/fhir/R4/MedicationAdministration/${f.administrationId}`,
        `/fhir/R4/AdverseEvent/${f.adverseEventId}`,
        `/fhir/R4/CarePlan/${f.planId}`,
        `/fhir/R4/Flag/${f.alertId}`,
        `/fhir/R4/Appointment/${f.appointmentId}`,
      ];
      for (const url of reads) {
        expect((await asClient(url)).status, url).toBe(404);
        expect((await admin.get(url)).status, url).toBe(200);
      }
      // Records about no patient are unaffected: the instruments, and audit entries naming no patient.
      expect((await asClient('/fhir/R4/Questionnaire?_count=0')).body.total).toBeGreaterThan(0);
      expect((await asClient('/fhir/R4/AuditEvent?_count=0')).body.total).toBeGreaterThan(0);
    });
  },
);
