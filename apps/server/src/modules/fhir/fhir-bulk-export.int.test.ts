/**
 * FHIR Bulk Data export (FHIR Bulk Data Access IG 2.0.0) through the HTTP app: kick-off → polling (202 with
 * X-Progress and Retry-After, then the manifest with Expires) → each NDJSON file, whose lines parse, carry their
 * type, validate with a FHIR validator and number what the database holds; `_type` and `_since` narrow; the
 * kick-off's 400s and 403; cancellation by DELETE; another clinic's job; expiry by the cleanup tick; and nothing
 * of a psychotherapy note or a private journal entry in any file. The worker's tick is run by the test.
 */

import { existsSync, mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testBackends } from '@plasticity/db/testing/index';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, type TestClinic, useTestApp, validPatient } from '../../test/harness.ts';
import { runBulkExportTick } from './bulk/index.ts';
import { recordObservations } from './test/fixtures.ts';
import { fhirIssues } from './test/validate.ts';

// biome-ignore lint/suspicious/noExplicitAny: walking FHIR JSON
type Json = any;

const ASYNC = { prefer: 'respond-async', accept: 'application/fhir+json' };
const HOUR = 3_600_000;

const pathOf = (url: unknown) => new URL(String(url)).pathname;

/** Kicks off an export and answers its polling path. */
async function kickOff(client: Client, url: string): Promise<string> {
  const r = await client.get(url, ASYNC);
  expect(r.status, r.text).toBe(202);
  expect(r.text).toBe('');
  const poll = pathOf(r.headers['content-location']);
  expect(poll).toMatch(/^\/fhir\/R4\/\$export-poll\/[0-9a-f-]{36}$/);
  return poll;
}

/** Each file of a manifest, downloaded: its type, count and parsed lines. */
async function download(client: Client, manifest: Json) {
  const files = [];
  for (const o of manifest.output) {
    const r = await client.get(pathOf(o.url));
    expect(r.status, r.text).toBe(200);
    expect(r.headers['content-type']).toContain('application/fhir+ndjson');
    const lines: Json[] = r.text
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l));
    files.push({ type: o.type as string, count: o.count as number, lines, text: r.text });
  }
  return files;
}

describe.each(testBackends())('FHIR Bulk Data export on %s', (backend) => {
  const dir = mkdtempSync(join(tmpdir(), 'plasticity-export-'));
  const h: TestApp = useTestApp(backend, { config: { bulkExport: { dir, ttlMinutes: 60 } } });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const tick = () => runBulkExportTick(h.built.ctx);
  /** A finished export of the clinic's patients: its polling path and its one file's path. */
  const patientsExported = async (admin: Client) => {
    const poll = await kickOff(admin, '/fhir/R4/$export?_type=Patient');
    await tick();
    const manifest = (await admin.get(poll)).body;
    return { poll, file: pathOf(manifest.output[0].url) };
  };
  const jobsOf = async (c: TestClinic) =>
    h.database.db.selectFrom('fhir_export_jobs').selectAll().where('clinic_id', '=', c.clinicId).execute();

  it('declares the export operations in the CapabilityStatement', async () => {
    const cs = (await h.app.inject({ method: 'GET', url: '/fhir/R4/metadata' })).json();
    const bulk = 'http://hl7.org/fhir/uv/bulkdata';
    expect(cs.instantiates).toEqual([`${bulk}/CapabilityStatement/bulk-data`]);
    expect(cs.rest[0].operation).toEqual([
      { name: 'export', definition: `${bulk}/OperationDefinition/export` },
    ]);
    const patient = cs.rest[0].resource.find((r: Json) => r.type === 'Patient');
    expect(patient.operation).toEqual([
      { name: 'export', definition: `${bulk}/OperationDefinition/patient-export` },
    ]);
    expect(fhirIssues(cs)).toEqual([]);
  });

  it('round trip: kick-off, 202 with progress, the manifest with Expires, files matching the database', async () => {
    const c = await h.newClinic();
    await recordObservations(h, c, await c.login('nurse'), 3);
    const admin = await c.login('admin');
    expect((await admin.post('/api/v1/patients', validPatient())).status).toBe(201);

    const poll = await kickOff(admin, '/fhir/R4/$export');
    const waiting = await admin.get(poll);
    expect(waiting.status, waiting.text).toBe(202);
    expect(waiting.headers['x-progress']).toBe('queued');
    expect(waiting.headers['retry-after']).toBe('2');
    expect(waiting.text).toBe('');

    // Three rows a page: 18 observations end on a page boundary, 2 patients within one.
    await runBulkExportTick(h.built.ctx, 3);
    const done = await admin.get(poll);
    expect(done.status, done.text).toBe(200);
    expect(done.headers['content-type']).toContain('application/json');
    const expires = new Date(String(done.headers.expires)).getTime();
    expect(expires).toBe(Math.floor((h.clock.now().getTime() + HOUR) / 1000) * 1000);
    const manifest = done.body;
    expect(manifest.requiresAccessToken).toBe(true);
    expect(manifest.error).toEqual([]);
    expect(pathOf(manifest.request)).toBe('/fhir/R4/$export');
    expect(Number.isNaN(Date.parse(manifest.transactionTime))).toBe(false);
    // A type with resources has a file; one without (no chairs here) none, and a search finds none either.
    const types = manifest.output.map((o: Json) => o.type);
    expect(types).toEqual([
      'Patient',
      'Observation',
      'QuestionnaireResponse',
      'Encounter',
      'Practitioner',
      'Questionnaire',
      'AuditEvent',
    ]);
    expect((await admin.get('/fhir/R4/Location?_count=0')).body.total).toBe(0);

    const files = await download(admin, manifest);
    const db = h.database.db;
    const patients = await db
      .selectFrom('patients')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('clinic_id', '=', c.clinicId)
      .executeTakeFirstOrThrow();
    // One Observation per vital sign a reading holds, one per weight, one per instrument total (PHQ-9, GAD-7).
    const observations = await sql<{ n: number }>`
      select (select coalesce(sum((sbp is not null or dbp is not null)::int + (hr is not null)::int
                + (rr is not null)::int + (spo2 is not null)::int + (temp_c is not null)::int), 0)
                from session_vitals where clinic_id = ${c.clinicId})
           + (select count(*) from plan_weight_observations where clinic_id = ${c.clinicId})
           + (select count(*) from assessments where clinic_id = ${c.clinicId} and instrument_id in ('phq9', 'gad7'))
           as n`.execute(db);
    const expected: Record<string, number> = {
      Patient: Number(patients.n),
      Observation: Number(observations.rows[0]?.n),
    };
    expect(expected).toEqual({ Patient: 2, Observation: 18 });
    for (const f of files) {
      expect(f.lines.length, f.type).toBe(f.count);
      if (f.type in expected) expect(f.lines.length, f.type).toBe(expected[f.type]);
      // What a search of the same type counts.
      const search = await admin.get(`/fhir/R4/${f.type}?_count=0`);
      // The audit log grows with every request since the export (the poll, each download, these searches).
      if (f.type === 'AuditEvent') expect(search.body.total).toBeGreaterThan(f.count);
      else expect(search.body.total, f.type).toBe(f.count);
      for (const line of f.lines) expect(line.resourceType).toBe(f.type);
      expect(new Set(f.lines.map((l: Json) => l.id)).size).toBe(f.lines.length);
      for (const line of f.lines.slice(0, 6)) expect(fhirIssues(line), `${f.type} ${line.id}`).toEqual([]);
    }

    const audit = await db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'fhir_bulk_export')
      .execute();
    const ops = audit.map((a) => `${a.action} ${(a.details as Json).operation}`).sort();
    expect(ops).toEqual(
      ['export $export', 'read $export-poll', ...files.map(() => 'export $export-file')].sort(),
    );
  });

  it('narrows by _type, at Patient level, and by _since', async () => {
    const c = await h.newClinic();
    await recordObservations(h, c, await c.login('nurse'), 1);
    let admin = await c.login('admin');
    const onlyObs = await kickOff(admin, '/fhir/R4/Patient/$export?_type=Observation&_outputFormat=ndjson');
    const patientLevel = await kickOff(admin, '/fhir/R4/Patient/$export');

    h.clock.advance(HOUR);
    const before = h.clock.now().getTime();
    h.clock.advance(HOUR);
    admin = await c.login('admin'); // the session timed out meanwhile
    const later = await admin.post('/api/v1/patients', validPatient({ firstName: 'Later' }));
    expect(later.status, later.text).toBe(201);
    const since = await kickOff(
      admin,
      `/fhir/R4/$export?_type=Patient&_since=${encodeURIComponent(new Date(before).toISOString())}`,
    );
    await tick();

    const manifest = async (poll: string) => {
      const r = await admin.get(poll);
      expect(r.status, r.text).toBe(200);
      return r.body;
    };
    const obs = await manifest(onlyObs);
    expect(obs.output.map((o: Json) => o.type)).toEqual(['Observation']);
    expect(obs.output[0].count).toBe(8);
    const compartment = await manifest(patientLevel);
    expect(compartment.output.map((o: Json) => o.type)).toEqual([
      'Patient',
      'Observation',
      'QuestionnaireResponse',
      'Encounter',
      'AuditEvent', // the audit entries about the clinic's patients (R4's Patient compartment holds AuditEvent)
    ]);
    const [patients] = await download(admin, await manifest(since));
    expect(patients?.lines.map((p: Json) => p.id)).toEqual([later.body.id]);
  });

  it('refuses a kick-off without Prefer: respond-async, with a bad parameter, or from another role', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const outcome = async (url: string, headers: Record<string, string>, status: number) => {
      const r = await admin.get(url, headers);
      expect(r.status, r.text).toBe(status);
      expect(r.body.resourceType).toBe('OperationOutcome');
      return r.body.issue[0];
    };
    expect((await outcome('/fhir/R4/$export', {}, 400)).expression).toEqual(['headers.prefer']);
    const badType = await outcome('/fhir/R4/$export?_type=Patient,MedicationRequest', ASYNC, 400);
    expect(badType.expression).toEqual(['querystring._type']);
    expect(badType.diagnostics).toContain('MedicationRequest');
    expect((await outcome('/fhir/R4/Patient/$export?_type=Practitioner', ASYNC, 400)).expression).toEqual([
      'querystring._type',
    ]);
    expect((await outcome('/fhir/R4/$export?_since=yesterday', ASYNC, 400)).expression).toEqual([
      'querystring._since',
    ]);
    expect((await outcome('/fhir/R4/$export?_outputFormat=text/csv', ASYNC, 400)).expression).toEqual([
      'querystring._outputFormat',
    ]);
    expect((await outcome('/fhir/R4/$export?_typeFilter=x', ASYNC, 400)).expression).toEqual([
      'querystring._typeFilter',
    ]);
    for (const role of ['prescriber', 'nurse', 'therapist', 'front_desk'] as const) {
      const r = await (await c.login(role)).get('/fhir/R4/$export', ASYNC);
      expect(r.status, role).toBe(403);
      expect(r.body.resourceType).toBe('OperationOutcome');
    }
    expect((await c.anonymous().get('/fhir/R4/$export', ASYNC)).status).toBe(401);
    expect(await jobsOf(c)).toEqual([]);
  });

  it('cancels by DELETE: 202, the files go, later polls and downloads 404', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const queued = await kickOff(admin, '/fhir/R4/$export?_type=Patient');
    const del = await admin.request('DELETE', queued);
    expect(del.status, del.text).toBe(202);
    expect((await admin.get(queued)).status).toBe(404);

    const poll = await kickOff(admin, '/fhir/R4/$export?_type=Patient');
    await tick();
    const jobId = poll.split('/').at(-1) as string;
    expect(existsSync(join(dir, queued.split('/').at(-1) as string))).toBe(false);
    expect(existsSync(join(dir, jobId, 'Patient.ndjson'))).toBe(true);
    const manifest = (await admin.get(poll)).body;
    expect((await admin.request('DELETE', poll)).status).toBe(202);
    expect(existsSync(join(dir, jobId))).toBe(false);
    const gone = await admin.get(poll);
    expect(gone.status).toBe(404);
    expect(gone.body.resourceType).toBe('OperationOutcome');
    expect((await admin.get(pathOf(manifest.output[0].url))).status).toBe(404);
    expect((await admin.request('DELETE', poll)).status).toBe(404);
    const statuses = (await jobsOf(c)).map((j) => j.status);
    expect(statuses).toEqual(['cancelled', 'cancelled']);
    const deletes = await h.database.db
      .selectFrom('audit_log')
      .select('resource_id')
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'fhir_bulk_export')
      .where('action', '=', 'delete')
      .execute();
    expect(deletes.length).toBe(2);
  });

  it("answers 404 for another clinic's job, its files and its cancellation", async () => {
    const a = await h.newClinic();
    const b = await h.newClinic();
    const adminA = await a.login('admin');
    const adminB = await b.login('admin');
    const { poll, file } = await patientsExported(adminA);
    expect((await adminB.get(poll)).status).toBe(404);
    expect((await adminB.get(file)).status).toBe(404);
    expect((await adminB.request('DELETE', poll)).status).toBe(404);
    expect((await adminB.get('/fhir/R4/$export-poll/not-a-job')).status).toBe(404);
    expect((await adminA.get(`${poll.replace('export-poll', 'export-file')}/Patient.ndjson.x`)).status).toBe(
      404,
    );
    expect((await adminA.get(`${poll.replace('export-poll', 'export-file')}/..%2F..%2Fetc`)).status).toBe(
      404,
    );
    // Still there for its requester.
    expect((await adminA.get(file)).status).toBe(200);
  });

  it('answers a failed export with 500 and an OperationOutcome', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const poll = await kickOff(admin, '/fhir/R4/$export?_type=Patient');
    await h.database.db
      .updateTable('fhir_export_jobs')
      .set({ status: 'failed', error: 'Error' })
      .where('clinic_id', '=', c.clinicId)
      .execute();
    const r = await admin.get(poll);
    expect(r.status).toBe(500);
    expect(r.body.resourceType).toBe('OperationOutcome');
    expect(r.body.issue[0].code).toBe('exception');
  });

  it('deletes the files after their time: 404 once expired, gone from disk after the cleanup tick', async () => {
    const c = await h.newClinic();
    let admin = await c.login('admin');
    const { poll, file } = await patientsExported(admin);
    expect((await admin.get(file)).status).toBe(200);
    h.clock.advance(HOUR + 1000);
    admin = await c.login('admin'); // the session timed out meanwhile
    expect((await admin.get(file)).status).toBe(404);
    expect((await admin.get(poll)).status).toBe(404);
    const jobId = poll.split('/').at(-1) as string;
    expect(existsSync(join(dir, jobId))).toBe(true);
    await tick();
    expect(existsSync(join(dir, jobId))).toBe(false);
    expect((await jobsOf(c)).map((j) => j.status)).toEqual(['expired']);
    expect((await admin.get(file)).status).toBe(404);
  });

  it('never exports a psychotherapy note or a private journal entry', async () => {
    const c = await h.newClinic();
    await recordObservations(h, c, await c.login('nurse'), 1);
    const note = await (await c.login('therapist')).post(`/api/v1/patients/${c.patientId}/notes`, {
      kind: 'psychotherapy',
      body: 'Zanzibar-psychotherapy-words',
    });
    expect(note.status, note.text).toBe(201);
    const entry = await (await c.login('patient')).post('/api/v1/portal/journal', {
      text: 'Quetzal-private-journal-words',
      shared: false,
    });
    expect(entry.status, entry.text).toBe(201);
    const admin = await c.login('admin');
    const poll = await kickOff(admin, '/fhir/R4/$export');
    await tick();
    const files = await download(admin, (await admin.get(poll)).body);
    expect(files.length).toBeGreaterThan(3);
    for (const f of files) {
      expect(f.text).not.toContain('Zanzibar');
      expect(f.text).not.toContain('Quetzal');
    }
  });
});
