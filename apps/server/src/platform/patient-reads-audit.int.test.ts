/**
 * Every read of patient data leaves an audit entry (HIPAA §164.312(b); ONC 170.315(d)(2)). The routes
 * are enumerated from the route table, like the policy test: every authenticated GET under /api is
 * taken to return patient data unless it is listed in NO_PATIENT_DATA with the reason, so a new route
 * is checked without anyone remembering to add it. Each is called by a role its policy allows (and by
 * the patient where the route lets patients read their own record) and must leave an entry by that
 * caller, naming the patient when its path names the patient or one of their dosing sessions. A route
 * whose path needs an id this test cannot make fails until a fixture is added here.
 *
 * A patient id of another clinic, in a path or a query filter, leaves nothing about that id anywhere
 * in the audit log.
 */
import type { Role } from '@plasticity/contracts';
import { testBackends } from '@plasticity/db/testing/index';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { newKey, registerClient } from '../modules/fhir/test/smart.ts';
import { dose, ESK, newSession, readyForDosing } from '../modules/sessions/test/fixtures.ts';
import { type Client, type TestApp, type TestClinic, useTestApp } from '../test/harness.ts';
import { collectRoutes, type RegisteredRoute } from './collect-routes.ts';
import { clinicDate } from './time-format.ts';

/** GET routes that return no patient data, and why. Everything else must audit. */
const NO_PATIENT_DATA: Record<string, string> = {
  'GET /api/v1/me': 'the caller’s own account',
  'GET /api/v1/instruments': 'the instrument library',
  'GET /api/v1/clinic/settings': 'clinic configuration',
  'GET /api/v1/measurement/settings': 'clinic configuration',
  'GET /api/v1/eligibility-rules': 'the clinic’s rule set',
  'GET /api/v1/protocols': 'the protocol library',
  'GET /api/v1/protocol-templates': 'the product’s protocol templates',
  'GET /api/v1/consent-documents': 'the clinic’s consent texts',
  'GET /api/v1/controlled/config': 'locations, suppliers and products',
  'GET /api/v1/appointment-types': 'the clinic’s appointment-type settings',
  'GET /api/v1/chairs': 'the clinic’s chairs and rooms',
  'GET /api/v1/clinicians': 'staff working hours and leave',
  'GET /api/v1/psychotherapy-notes/handover': 'how many notes the caller holds, and staff names',
  'GET /api/v1/education': 'the clinic’s education pages (a patient’s own read state is audited)',
  'GET /api/v1/education/:slug': 'an education page (a patient’s own read state is audited)',
  'GET /api/v1/journal-prompts': 'the clinic’s journal-prompt library',
  'GET /api/v1/access/sliding-scale/tiers': 'the clinic’s sliding-scale tiers',
  'GET /api/v1/access/sliding-scale/guideline-years': 'the HHS poverty guidelines (public figures)',
  'GET /api/v1/prices': 'the clinic’s price list',
  'GET /api/v1/billing/clinicians': 'staff names, roles and NPIs',
  'GET /api/v1/fhir-clients': 'the clinic’s FHIR system clients and their public keys',
  'GET /api/v1/part2-recipients': 'the names of the FHIR system clients a disclosure consent may name',
};

/** Query strings a route needs to answer 200. */
const QUERY: Record<string, string> = {
  'GET /api/v1/controlled/reports/administrations': 'from=2020-01-01&to=2030-12-31',
  'GET /api/v1/appointments': 'from=2030-01-01T00:00:00Z&to=2030-02-01T00:00:00Z',
  'GET /api/v1/notes/search': 'q=visit',
  'GET /api/v1/patients/:id/superbill.pdf': 'from=2020-01-01&to=2030-12-31',
};

/** Streams answer once their headers are out; they are opened and closed rather than read. */
const STREAMS = new Set(['GET /api/v1/board/events']);

const PREFERRED: Role[] = ['prescriber', 'nurse', 'admin', 'therapist', 'front_desk'];

interface Fixture {
  c: TestClinic;
  /** One logged-in client per role. */
  as(role: Role): Promise<Client>;
  patientId: string;
  sessionId: string;
  signatureId: string;
  part2ConsentId: string;
  appointmentId: string;
  noteId: string;
  estimateId: string;
  paymentId: string;
}

/** The path with its parameters filled in, and the patient it names (if any). */
function fill(r: RegisteredRoute, f: Fixture): { url: string; patientId: string | null } {
  let patientId: string | null = null;
  const url = r.url.replace(/:([A-Za-z]+)/g, (_, name: string, offset: number) => {
    const before = r.url.slice(0, offset);
    if (name === 'id' && /\/patients\/$/.test(before)) {
      patientId = f.patientId;
      return f.patientId;
    }
    if (name === 'id' && /\/sessions\/$/.test(before)) {
      patientId = f.patientId; // the session's patient
      return f.sessionId;
    }
    if (name === 'id' && /\/appointments\/$/.test(before)) {
      patientId = f.patientId; // the appointment's patient
      return f.appointmentId;
    }
    if (name === 'id' && /\/notes\/$/.test(before)) {
      patientId = f.patientId; // the note's patient
      return f.noteId;
    }
    if (name === 'id' && /\/estimates\/$/.test(before)) {
      patientId = f.patientId; // the estimate's patient
      return f.estimateId;
    }
    if (name === 'id' && /\/payments\/$/.test(before)) {
      patientId = f.patientId; // the payment's patient
      return f.paymentId;
    }
    if (name === 'signatureId') return f.signatureId;
    if (name === 'consentId' && /\/part2-consents\/$/.test(before)) return f.part2ConsentId;
    throw new Error(`${r.method} ${r.url}: add a fixture for :${name} to this test`);
  });
  const q = QUERY[`${r.method} ${r.url}`];
  return { url: q ? `${url}?${q}` : url, patientId };
}

const roleFor = (r: RegisteredRoute): Role => {
  const p = r.policy;
  if (p?.kind !== 'authenticated') throw new Error(`${r.url} is not authenticated`);
  if (p.roles === 'any') return 'prescriber';
  const role = PREFERRED.find((x) => (p.roles as readonly Role[]).includes(x));
  // Portal routes that only the patient may call read the caller's own record.
  if (!role && p.roles.includes('patient')) return 'patient';
  if (!role) throw new Error(`${r.method} ${r.url}: no staff role may call it`);
  return role;
};

async function call(h: TestApp, client: Client, r: RegisteredRoute, url: string) {
  if (!STREAMS.has(`${r.method} ${r.url}`)) return (await client.get(url)).status;
  const res = await h.app.inject({
    method: 'GET',
    url,
    headers: { cookie: client.cookie ?? '' },
    payloadAsStream: true,
  });
  res.stream().destroy();
  return res.statusCode;
}

const entriesBy = (h: TestApp, clinicId: string, userId: string) =>
  h.database.db
    .selectFrom('audit_log')
    .select(['id', 'patient_id'])
    .where('clinic_id', '=', clinicId)
    .where('user_id', '=', userId)
    .execute();

describe.each(testBackends())('audit of patient-data reads on %s', (backend) => {
  const h = useTestApp(backend);
  const routes: RegisteredRoute[] = [];
  let f: Fixture;

  beforeAll(async () => {
    routes.push(...(await collectRoutes(h.built.ctx)));
    const c = await h.newClinic();
    // The demo mailbox answers only in the demo clinic.
    await h.database.db.updateTable('clinics').set({ demo: true }).where('id', '=', c.clinicId).execute();
    const nurse = await c.login('nurse');
    // A dosed esketamine session, so its REMS form can be read.
    const session = await newSession(h, c, nurse, ESK);
    await readyForDosing(h, c, nurse, session.id);
    await dose(h, await c.login('prescriber'), nurse, session.id);
    const patient = await c.login('patient');
    const docs = (await patient.get(`/api/v1/patients/${c.patientId}/consents`)).body.documents;
    const name = await h.database.db
      .selectFrom('patients')
      .select(['first_name', 'last_name'])
      .where('id', '=', c.patientId)
      .executeTakeFirstOrThrow();
    const signed = await patient.post(`/api/v1/patients/${c.patientId}/consents`, {
      documentId: docs[0].id,
      typedName: `${name.first_name} ${name.last_name}`,
      agree: true,
    });
    if (signed.status !== 201) throw new Error(`consent: ${signed.status} ${signed.text}`);
    // A 42 CFR Part 2 disclosure consent naming a registered system client.
    const recipient = await registerClient(await c.login('admin'), (await newKey()).jwk, [
      'system/Patient.rs',
    ]);
    const today = clinicDate(h.clock.now(), 'America/New_York'); // the test clinic's date, not UTC's
    const part2 = await (await c.login('prescriber')).post(`/api/v1/patients/${c.patientId}/part2-consents`, {
      recipientClientId: recipient,
      purpose: 'Coordination of care',
      resourceTypes: null,
      information: 'All records of my treatment',
      expiresOn: null,
      expiryEvent: 'When my treatment ends',
      signedByName: 'Pat Example',
      signedOn: today,
    });
    if (part2.status !== 201) throw new Error(`part 2 consent: ${part2.status} ${part2.text}`);
    const appointment = await nurse.post('/api/v1/appointments', {
      patientId: c.patientId,
      type: 'follow_up',
      start: '2030-01-08T15:00:00.000Z',
    });
    if (appointment.status !== 201) throw new Error(`appointment: ${appointment.status} ${appointment.text}`);
    const note = await nurse.post(`/api/v1/patients/${c.patientId}/notes`, {
      kind: 'progress',
      body: 'Visit went well',
    });
    if (note.status !== 201) throw new Error(`note: ${note.status} ${note.text}`);
    const estimate = await (await c.login('front_desk')).post(`/api/v1/patients/${c.patientId}/estimates`, {
      primaryService: 'Induction course',
      trigger: 'requested',
      periodFrom: '2030-01-01',
      periodTo: '2030-06-30',
      requestedOn: '2026-01-05',
      lines: [{ serviceCode: '96365', description: 'IV infusion', unitChargeCents: 45_000 }],
    });
    if (estimate.status !== 201) throw new Error(`estimate: ${estimate.status} ${estimate.text}`);
    const payment = await (await c.login('front_desk')).post(`/api/v1/patients/${c.patientId}/payments`, {
      amountCents: 5000,
      method: 'cash',
    });
    if (payment.status !== 201) throw new Error(`payment: ${payment.status} ${payment.text}`);
    const clients = new Map<Role, Promise<Client>>();
    const as = (role: Role) => {
      const existing = clients.get(role);
      if (existing) return existing;
      const made = c.login(role);
      clients.set(role, made);
      return made;
    };
    f = {
      c,
      as,
      patientId: c.patientId,
      sessionId: session.id,
      signatureId: signed.body.id,
      part2ConsentId: part2.body.id,
      appointmentId: appointment.body.id,
      noteId: note.body.id,
      estimateId: estimate.body.id,
      paymentId: payment.body.id,
    };
  });

  const reads = () =>
    routes.filter(
      (r) =>
        r.method === 'GET' &&
        r.url.startsWith('/api/') &&
        r.policy?.kind === 'authenticated' &&
        !(`${r.method} ${r.url}` in NO_PATIENT_DATA),
    );

  it('lists only routes that exist as returning no patient data', () => {
    const all = new Set(routes.map((r) => `${r.method} ${r.url}`));
    expect(Object.keys(NO_PATIENT_DATA).filter((k) => !all.has(k))).toEqual([]);
    expect(reads().length).toBeGreaterThan(25);
  });

  it('leaves an audit entry for every read of patient data, naming the patient its path names', async () => {
    const missing: string[] = [];
    for (const r of reads()) {
      const { url, patientId } = fill(r, f);
      const callers: Role[] = [roleFor(r)];
      if (r.policy?.kind === 'authenticated' && r.policy.selfParam) callers.push('patient');
      for (const role of callers) {
        const client = await f.as(role);
        const userId = f.c.users[role].id;
        const before = new Set((await entriesBy(h, f.c.clinicId, userId)).map((e) => e.id));
        const status = await call(h, client, r, url);
        if (status !== 200) {
          missing.push(`${role} ${r.method} ${url}: answered ${status}`);
          continue;
        }
        const added = (await entriesBy(h, f.c.clinicId, userId)).filter((e) => !before.has(e.id));
        if (added.length === 0) missing.push(`${role} ${r.method} ${r.url}: no audit entry`);
        else if (patientId && !added.some((e) => e.patient_id === patientId))
          missing.push(`${role} ${r.method} ${r.url}: no entry names the patient`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('records nothing about another clinic’s patient named in a path or a query filter', async () => {
    const other = await h.newClinic();
    const foreign = other.patientId;
    const tried: string[] = [];
    for (const r of reads()) {
      const client = await f.as(roleFor(r));
      if (/\/patients\/:id/.test(r.url)) {
        const { url } = fill(r, { ...f, patientId: foreign });
        expect(await call(h, client, r, url), `${r.method} ${url}`).toBe(404);
        tried.push(r.url);
      }
      if (r.query.includes('patientId')) {
        const { url } = fill(r, f);
        const status = await call(h, client, r, `${url}${url.includes('?') ? '&' : '?'}patientId=${foreign}`);
        expect([200, 404], `${r.method} ${r.url}?patientId`).toContain(status);
        tried.push(`${r.url}?patientId`);
      }
    }
    expect(tried.filter((t) => t.endsWith('?patientId')).length).toBeGreaterThan(2);
    const mentions = await sql<{ n: number }>`
      select count(*)::int as n from audit_log
       where patient_id = ${foreign}::uuid or resource_id = ${foreign} or details::text like ${`%${foreign}%`}`.execute(
      h.database.db,
    );
    expect(mentions.rows[0]?.n).toBe(0);
  });
});
