/**
 * Groups (one per protocol line, members: the patients with a current plan on it) through the HTTP app: read and
 * search as valid R4 Group, staff only; and the Group-level Bulk Data export (`GET /fhir/R4/Group/{id}/$export`),
 * whose files hold the members' compartment and nothing of anyone else, numbering what the database holds.
 */

import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testBackends } from '@plasticity/db/testing/index';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestApp, validPatient } from '../../test/harness.ts';
import { ESK } from '../sessions/test/fixtures.ts';
import { runBulkExportTick } from './bulk/index.ts';
import { addPlan, recordObservations } from './test/fixtures.ts';
import { bearer, getWith, newKey, registerClient } from './test/smart.ts';
import { fhirIssues } from './test/validate.ts';

// biome-ignore lint/suspicious/noExplicitAny: walking FHIR JSON
type Json = any;

const ASYNC = { prefer: 'respond-async', accept: 'application/fhir+json' };
const pathOf = (url: unknown) => new URL(String(url)).pathname;

describe.each(testBackends())('FHIR Groups and Group-level export on %s', (backend) => {
  const dir = mkdtempSync(join(tmpdir(), 'plasticity-group-export-'));
  const h = useTestApp(backend, { config: { bulkExport: { dir, ttlMinutes: 60 } } });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("serves each protocol line as a Group of its current plans' patients; exports only the members' records", async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    await recordObservations(h, c, nurse, 2); // the clinic's patient: a session (the library is written), vitals, scores
    const outsider = await nurse.post('/api/v1/patients', validPatient({ lastName: 'Outsider' }));
    expect(outsider.status).toBe(201);
    await nurse.post(`/api/v1/patients/${outsider.body.id}/weights`, {
      weightKg: 80,
      measuredAt: h.clock.now().toISOString(),
    });
    await addPlan(h, c, c.patientId, { indications: ['trd'], status: 'approved' });
    await addPlan(h, c, outsider.body.id, { indications: ['trd'] }); // a draft plan does not make a member

    const groups = await nurse.get('/fhir/R4/Group?_count=100');
    expect(groups.status, groups.text).toBe(200);
    const lines = await h.database.db
      .selectFrom('plan_protocols')
      .select('protocol_key')
      .distinct()
      .where('clinic_id', '=', c.clinicId)
      .execute();
    expect(groups.body.total).toBe(lines.length);
    const esk = groups.body.entry.map((e: Json) => e.resource).find((g: Json) => g.code.text === ESK);
    expect(esk.member.map((m: Json) => m.entity.reference)).toEqual([`Patient/${c.patientId}`]);
    expect(esk.quantity).toBe(1);
    const read = await nurse.get(`/fhir/R4/Group/${esk.id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(esk);
    expect(fhirIssues(read.body)).toEqual([]);
    for (const g of groups.body.entry) expect(fhirIssues(g.resource)).toEqual([]);
    expect((await (await c.login('front_desk')).get('/fhir/R4/Group')).status).toBe(403);

    const admin = await c.login('admin');
    const kick = await admin.get(`/fhir/R4/Group/${esk.id}/$export`, ASYNC);
    expect(kick.status, kick.text).toBe(202);
    const poll = pathOf(kick.headers['content-location']);
    await runBulkExportTick(h.built.ctx, 3);
    const done = await admin.get(poll);
    expect(done.status, done.text).toBe(200);
    const files: Record<string, Json[]> = {};
    for (const o of done.body.output) {
      const r = await admin.get(pathOf(o.url));
      expect(r.status).toBe(200);
      files[o.type] = r.text
        .split('\n')
        .filter((l) => l !== '')
        .map((l) => JSON.parse(l));
      expect(files[o.type]?.length).toBe(o.count);
    }
    expect(Object.keys(files)).toEqual([
      'Patient',
      'Observation',
      'QuestionnaireResponse',
      'Encounter',
      'CarePlan',
      'AuditEvent', // R4's Patient compartment holds the audit entries about the patient
    ]);
    expect(files.Patient?.map((p) => p.id)).toEqual([c.patientId]);
    const { AuditEvent: auditEvents = [], ...clinical } = files;
    const subjects = new Set(
      Object.values(clinical)
        .flat()
        .map((r) => (r.resourceType === 'Patient' ? r.id : r.subject.reference.replace('Patient/', ''))),
    );
    expect([...subjects]).toEqual([c.patientId]);
    const audited = new Set(
      auditEvents.flatMap((e) =>
        (e.entity as Json[]).map((x) => x.what?.reference).filter((r) => r?.startsWith('Patient/')),
      ),
    );
    expect([...audited]).toEqual([`Patient/${c.patientId}`]);
    // The member's Observations: one per vital sign of 2 readings (the first without diastolic still has BP), the
    // weight, the PHQ-9 and GAD-7 totals; the outsider's weight is not among them.
    const own = await sql<{ n: number }>`
      select (select count(*) from plan_weight_observations where clinic_id = ${c.clinicId} and patient_id = ${c.patientId})
           + (select count(*) * 5 from session_vitals v join dosing_sessions s on s.id = v.session_id
               where s.clinic_id = ${c.clinicId} and s.patient_id = ${c.patientId})
           + (select count(*) from assessments where clinic_id = ${c.clinicId} and patient_id = ${c.patientId}) as n`.execute(
      h.database.db,
    );
    expect(files.Observation?.length).toBe(Number(own.rows[0]?.n));
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'fhir_bulk_export')
      .where('action', '=', 'export')
      .execute();
    expect(audit.map((a) => (a.details as Json).group)).toContain(esk.id);
  });

  it('answers 404 for an unknown or another clinic’s Group; Groups take no system client’s token', async () => {
    const a = await h.newClinic();
    const b = await h.newClinic();
    expect((await (await b.login('prescriber')).get('/api/v1/protocols')).status).toBe(200); // the library
    const other = (await (await b.login('nurse')).get('/fhir/R4/Group')).body.entry[0].resource.id;
    const admin = await a.login('admin');
    for (const id of [other, '00000000-0000-4000-8000-000000000000', 'not-a-group']) {
      const r = await admin.get(`/fhir/R4/Group/${id}/$export`, ASYNC);
      expect(r.status, id).toBe(404);
      expect(r.body.resourceType).toBe('OperationOutcome');
    }
    expect(
      await h.database.db
        .selectFrom('fhir_export_jobs')
        .select('id')
        .where('clinic_id', '=', a.clinicId)
        .execute(),
    ).toEqual([]);

    const key = await newKey();
    const client = await registerClient(await b.login('admin'), key.jwk, ['system/*.rs']);
    const token = await bearer(h, key, client, 'system/*.rs');
    // The Group routes take no bearer token at all (staff sessions only), while the token reads other types.
    expect((await getWith(h, token, '/fhir/R4/Patient')).status).toBe(200);
    expect((await getWith(h, token, '/fhir/R4/Group')).status).toBe(401);
    expect((await getWith(h, token, `/fhir/R4/Group/${other}`)).status).toBe(401);
  });
});
