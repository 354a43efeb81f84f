/**
 * FHIR search through the HTTP app: date prefixes, codes with and without a system, `_count` paging, `_include`,
 * OperationOutcomes for bad parameters (400, naming them) and unknown or foreign ids (404), clinic isolation,
 * role denial, and the audit entries every read and search leaves.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { type Client, type TestApp, type TestClinic, useTestApp } from '../../test/harness.ts';
import { newSession } from '../sessions/test/fixtures.ts';
import { recordObservations } from './test/fixtures.ts';

// biome-ignore lint/suspicious/noExplicitAny: walking FHIR JSON
type Json = any;

/** Three heart-rate readings a minute apart, on whole minutes; their instants. */
async function heartRates(h: TestApp, c: TestClinic, nurse: Client): Promise<string[]> {
  const s = await newSession(h, c, nurse);
  const base = Math.floor(h.clock.now().getTime() / 60_000) * 60_000 - 10 * 60_000;
  const times = [0, 1, 2].map((i) => new Date(base + i * 60_000).toISOString());
  const r = await nurse.post(`/api/v1/sessions/${s.id}/vitals`, {
    idempotencyKey: `hr-${s.id}`,
    readings: times.map((at, i) => ({ at, hr: 60 + i })),
  });
  if (r.status !== 201) throw new Error(`vitals: ${r.status} ${r.text}`);
  return times;
}

const values = (b: Json) => b.entry.map((e: Json) => e.resource.valueQuantity?.value);
const noMs = (t: string) => t.replace('.000Z', 'Z');

describe.each(testBackends())('FHIR search on %s', (backend) => {
  const h = useTestApp(backend);

  it('filters dates by prefix (eq, ne, lt, le, gt, ge, sa, eb)', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const [, t1] = (await heartRates(h, c, nurse)).map(noMs);
    const q = async (date: string) => {
      const r = await nurse.get(`/fhir/R4/Observation?patient=${c.patientId}&code=8867-4&date=${date}`);
      expect(r.status, r.text).toBe(200);
      return values(r.body).sort();
    };
    expect(await q(`${t1}`)).toEqual([61]);
    expect(await q(`eq${t1}`)).toEqual([61]);
    expect(await q(`ne${t1}`)).toEqual([60, 62]);
    expect(await q(`lt${t1}`)).toEqual([60]);
    expect(await q(`eb${t1}`)).toEqual([60]);
    expect(await q(`le${t1}`)).toEqual([60, 61]);
    expect(await q(`gt${t1}`)).toEqual([62]);
    expect(await q(`sa${t1}`)).toEqual([62]);
    expect(await q(`ge${t1}`)).toEqual([61, 62]);
    // Repeated parameters AND together: a window.
    const r = await nurse.get(`/fhir/R4/Observation?patient=${c.patientId}&date=gt${t1}&date=lt2999-01-01`);
    expect(values(r.body)).toEqual([62]);
  });

  it('matches a code with or without its system, and alternatives separated by commas', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    await recordObservations(h, c, nurse, 1);
    const total = async (code: string) => {
      const r = await nurse.get(
        `/fhir/R4/Observation?patient=${c.patientId}&code=${encodeURIComponent(code)}`,
      );
      expect(r.status, r.text).toBe(200);
      return r.body.total;
    };
    expect(await total('8867-4')).toBe(1);
    expect(await total('http://loinc.org|8867-4')).toBe(1);
    expect(await total('http://snomed.info/sct|8867-4')).toBe(0);
    expect(await total('|8867-4')).toBe(0);
    expect(await total('59408-5')).toBe(1); // SpO2 carries both codes
    expect(await total('8867-4,9279-1')).toBe(2);
    expect(await total('http://loinc.org|')).toBe(8); // every LOINC-coded observation
    expect(await total('44261-6')).toBe(1);
    const survey = await nurse.get(`/fhir/R4/Observation?patient=${c.patientId}&category=survey`);
    expect(survey.body.total).toBe(2);
    const final = await nurse.get(`/fhir/R4/Observation?patient=${c.patientId}&status=entered-in-error`);
    expect(final.body.total).toBe(0);
  });

  it('pages with _count through next and previous links until done', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    await recordObservations(h, c, nurse, 2); // 13 observations
    const seen: string[] = [];
    let url: string | undefined = `/fhir/R4/Observation?patient=${c.patientId}&_count=5`;
    let pages = 0;
    let last: Json;
    while (url) {
      const r: { status: number; text: string; body: Json } = await nurse.get(url);
      expect(r.status, r.text).toBe(200);
      expect(r.body.total).toBe(13);
      seen.push(...r.body.entry.map((e: Json) => e.resource.id));
      last = r.body;
      const next: string | undefined = r.body.link.find((l: Json) => l.relation === 'next')?.url;
      url = next ? new URL(next).pathname + new URL(next).search : undefined;
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(13);
    const previous = last.link.find((l: Json) => l.relation === 'previous').url;
    expect(new URL(previous).searchParams.get('_offset')).toBe('5');
    const none = await nurse.get(`/fhir/R4/Observation?patient=${c.patientId}&_count=0`);
    expect([none.body.total, none.body.entry]).toEqual([13, []]);
  });

  it('includes the patient with _include=Observation:patient', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    await recordObservations(h, c, nurse, 1);
    const r = await nurse.get(`/fhir/R4/Observation?patient=${c.patientId}&_include=Observation:patient`);
    const included = r.body.entry.filter((e: Json) => e.search.mode === 'include');
    expect(included.map((e: Json) => e.resource.resourceType)).toEqual(['Patient']);
    expect(included[0].resource.id).toBe(c.patientId);
    expect(r.body.total).toBe(r.body.entry.length - 1); // total counts matches only
  });

  it.each([
    ['foo=1', 'querystring.foo'],
    ['code:text=heart', 'querystring.code:text'],
    ['date=2026-13-01', 'querystring.date'],
    ['date=yesterday', 'querystring.date'],
    ['_count=-1', 'querystring._count'],
    ['_count=ten', 'querystring._count'],
    ['status=done', 'querystring.status'],
    ['_include=Observation:performer', 'querystring._include'],
    ['_format=xml', 'querystring._format'],
    ['code=', 'querystring.code'],
  ])('answers ?%s with a 400 OperationOutcome naming %s', async (query, field) => {
    const c = await h.newClinic();
    const r = await (await c.login('nurse')).get(`/fhir/R4/Observation?${query}`);
    expect(r.status).toBe(400);
    expect(r.headers['content-type']).toContain('application/fhir+json');
    expect(r.body.resourceType).toBe('OperationOutcome');
    expect(r.body.issue[0]).toMatchObject({ severity: 'error', code: 'invalid', expression: [field] });
    expect(r.body.issue[0].diagnostics).toContain(field);
  });

  it('answers 404 OperationOutcomes for unknown ids and another clinic’s, and keeps searches in the clinic', async () => {
    const c = await h.newClinic();
    const other = await h.newClinic();
    await recordObservations(h, other, await other.login('nurse'), 1);
    const foreignObs = (await (await other.login('nurse')).get('/fhir/R4/Observation?code=8867-4')).body
      .entry[0].resource.id;
    const nurse = await c.login('nurse');
    for (const url of [
      `/fhir/R4/Patient/${other.patientId}`,
      `/fhir/R4/Patient/00000000-0000-4000-8000-000000000000`,
      '/fhir/R4/Patient/not-an-id',
      `/fhir/R4/Observation/${foreignObs}`,
      '/fhir/R4/Observation/vs-nothing-hr',
      '/fhir/R4/Encounter/1',
      '/fhir/R4/Appointment/1',
    ]) {
      const r = await nurse.get(url);
      expect(r.status, url).toBe(404);
      expect(r.body.resourceType, url).toBe('OperationOutcome');
      expect(r.body.issue[0].code, url).toBe('not-found');
    }
    const search = await nurse.get(`/fhir/R4/Observation?patient=${other.patientId}`);
    expect([search.status, search.body.total]).toEqual([200, 0]);
    expect((await nurse.get('/fhir/R4/Patient')).body.entry.map((e: Json) => e.resource.id)).toEqual([
      c.patientId,
    ]);
    expect((await nurse.get('/fhir/R4/Observation')).body.total).toBe(0);
    const mentions = await h.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('clinic_id', '=', c.clinicId)
      .where((eb) => eb.or([eb('patient_id', '=', other.patientId), eb('resource_id', '=', other.patientId)]))
      .execute();
    expect(mentions).toEqual([]);
  });

  it('lets each role read only what it reads in the app, and answers 401 to an anonymous caller', async () => {
    const c = await h.newClinic();
    const frontDesk = await c.login('front_desk');
    expect((await frontDesk.get(`/fhir/R4/Patient/${c.patientId}`)).status).toBe(200);
    const denied = await frontDesk.get(`/fhir/R4/Observation?patient=${c.patientId}`);
    expect([denied.status, denied.body.resourceType, denied.body.issue[0].code]).toEqual([
      403,
      'OperationOutcome',
      'forbidden',
    ]);
    expect((await (await c.login('patient')).get(`/fhir/R4/Patient/${c.patientId}`)).status).toBe(403);
    for (const role of ['admin', 'prescriber', 'nurse', 'therapist'] as const)
      expect(
        (await (await c.login(role)).get(`/fhir/R4/Observation?patient=${c.patientId}`)).status,
        role,
      ).toBe(200);
    const anonymous = await c.anonymous().get(`/fhir/R4/Patient/${c.patientId}`);
    expect([anonymous.status, anonymous.body.resourceType, anonymous.body.issue[0].code]).toEqual([
      401,
      'OperationOutcome',
      'login',
    ]);
    expect((await c.anonymous().get('/fhir/R4/metadata')).status).toBe(200);
  });

  it('audits every read and search, naming the patient and what was disclosed', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    await recordObservations(h, c, nurse, 1);
    const entries = () =>
      h.database.db
        .selectFrom('audit_log')
        .select(['action', 'resource_type', 'patient_id', 'category', 'details'])
        .where('clinic_id', '=', c.clinicId)
        .where('user_id', '=', c.users.nurse.id)
        .where(({ eb, ref }) => eb(ref('details', '->>').key('interface'), '=', 'fhir'))
        .execute();
    expect(await entries()).toEqual([]);
    await nurse.get(`/fhir/R4/Patient/${c.patientId}`);
    expect(await entries()).toEqual([
      expect.objectContaining({ action: 'read', resource_type: 'patient', patient_id: c.patientId }),
    ]);
    await nurse.get(`/fhir/R4/Observation?patient=${c.patientId}&_include=Observation:patient`);
    const after = await entries();
    const search = after.filter((e) => e.action === 'query');
    expect(search.map((e) => `${e.resource_type} ${e.category} ${e.patient_id}`).sort()).toEqual(
      [
        `assessment assessment ${c.patientId}`,
        `patient demographics ${c.patientId}`,
        `session_vitals vital_signs ${c.patientId}`,
        `weight_observation vital_signs ${c.patientId}`,
      ].sort(),
    );
    expect(search.find((e) => e.resource_type === 'session_vitals')?.details).toMatchObject({ count: 5 });
    // A search that finds nothing is still accounted for, naming the patient asked about.
    await nurse.get(`/fhir/R4/Observation?patient=${c.patientId}&code=1-8`);
    expect((await entries()).length).toBe(after.length + 1);
  });
});
