/**
 * 42 CFR Part 2 disclosure consents through the HTTP app: a system client named in a patient's consent in force
 * receives that patient's records — read, search and Bulk Data export — labelled (42CFRPart2, NORDSCLCD) with the
 * § 2.32 notice and the consent's explanation, each release entered in the accounting of disclosures; a client
 * not named receives none; revocation, expiry and the consent's scope stop releases; Consent resources (treatment
 * and Part 2) validate; bad input is 400 naming the field and stores nothing.
 */

import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PART2_NOTICE } from '@plasticity/clinical/part2';
import { testBackends } from '@plasticity/db/testing/index';
import { afterAll, describe, expect, it } from 'vitest';
import { clinicDate } from '../../../platform/time-format.ts';
import type { Client, TestApp, TestClinic } from '../../../test/harness.ts';
import { useTestApp } from '../../../test/harness.ts';
import { signConsents } from '../../plans/test-fixtures.ts';
import { runBulkExportTick } from '../bulk/index.ts';
import { PART2_NOTICE_EXTENSION } from '../part2.ts';
import { addPlan, recordObservations } from '../test/fixtures.ts';
import { bearer, getWith, newKey, registerClient } from '../test/smart.ts';
import { fhirIssues } from '../test/validate.ts';

// biome-ignore lint/suspicious/noExplicitAny: walking FHIR JSON
type Json = any;

const DAY = 86_400_000;
/** The test clinic's time zone (the column's default): its dates, not UTC's, decide what is in the future. */
const TZ = 'America/New_York';
const dayOf = (h: TestApp, offsetDays: number) =>
  clinicDate(new Date(h.clock.now().getTime() + offsetDays * DAY), TZ);

/** A registered client with `system/*.rs` and a token for it. */
async function client(h: TestApp, admin: Client) {
  const key = await newKey();
  const id = await registerClient(admin, key.jwk, ['system/*.rs']);
  const token = await bearer(h, key, id, 'system/*.rs');
  // Tokens live five minutes: a test that moves the clock on asks for a new one.
  const renewed = async () => bearer(h, key, id, 'system/*.rs');
  return { id, get: (url: string) => getWith(h, token, url), token, renewed };
}

const consentBody = (h: TestApp, recipientClientId: string, more: Record<string, unknown> = {}) => ({
  recipientClientId,
  purpose: 'Coordination of care with my primary care practice',
  resourceTypes: null,
  information: 'All records of my treatment, including vital signs and questionnaire scores',
  expiresOn: dayOf(h, 30),
  expiryEvent: null,
  signedByName: 'Pat Example',
  signedOn: dayOf(h, 0),
  ...more,
});

const isLabelled = (r: Json) => {
  const codes = (r.meta?.security ?? []).map((s: Json) => s.code);
  const notice = (r.meta?.extension ?? []).find((e: Json) => e.url === PART2_NOTICE_EXTENSION);
  return (
    codes.includes('42CFRPart2') &&
    codes.includes('NORDSCLCD') &&
    notice?.extension.find((e: Json) => e.url === 'notice')?.valueString === PART2_NOTICE &&
    /Coordination of care/.test(
      notice?.extension.find((e: Json) => e.url === 'consentExplanation')?.valueString,
    )
  );
};

async function part2Patient(h: TestApp, c: TestClinic) {
  const nurse = await c.login('nurse');
  const fixture = await recordObservations(h, c, nurse, 2);
  await addPlan(h, c, c.patientId, { indications: ['trd', 'opioid_use_disorder'] });
  return { nurse, fixture };
}

describe.each(testBackends())('42 CFR Part 2 disclosure consents on %s', (backend) => {
  const dir = mkdtempSync(join(tmpdir(), 'plasticity-part2-'));
  const h = useTestApp(backend, { config: { bulkExport: { dir, ttlMinutes: 60 } } });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('releases a Part 2 patient’s records only to the client named in a consent in force, with the notice, and accounts for each release', async () => {
    const c = await h.newClinic();
    const { nurse } = await part2Patient(h, c);
    await signConsents(h, c, ['kap']);
    const admin = await c.login('admin');
    const named = await client(h, admin);
    const other = await client(h, admin);
    const prescriber = await c.login('prescriber');

    // Before any consent: nothing for either client.
    expect((await named.get(`/fhir/R4/Patient/${c.patientId}`)).status).toBe(404);

    const recorded = await prescriber.post(
      `/api/v1/patients/${c.patientId}/part2-consents`,
      consentBody(h, named.id),
    );
    expect(recorded.status, recorded.text).toBe(201);
    expect(recorded.body.active).toBe(true);
    expect(recorded.body.recipientName).toBe('Registry feed');

    const read = await named.get(`/fhir/R4/Patient/${c.patientId}`);
    expect(read.status).toBe(200);
    expect(isLabelled(read.body)).toBe(true);
    expect(fhirIssues(read.body)).toEqual([]);
    const obs = await named.get(`/fhir/R4/Observation?patient=${c.patientId}&_count=200`);
    expect(obs.body.total).toBeGreaterThan(0);
    for (const e of obs.body.entry) {
      expect(isLabelled(e.resource)).toBe(true);
      expect(fhirIssues(e.resource)).toEqual([]);
    }

    // The client not named receives nothing of the patient.
    expect((await other.get(`/fhir/R4/Patient/${c.patientId}`)).status).toBe(404);
    expect((await other.get(`/fhir/R4/Observation?patient=${c.patientId}`)).body.total).toBe(0);
    expect((await other.get('/fhir/R4/Consent?_count=200')).body.total).toBe(0);

    // Consent resources (the consent covers every type): both kinds, for the client as for staff, all valid.
    const consents = await named.get(`/fhir/R4/Consent?patient=${c.patientId}`);
    expect(consents.body.total).toBe(2);
    const part2Consent = consents.body.entry
      .map((e: Json) => e.resource)
      .find((r: Json) => r.id === `part2-${recorded.body.id}`);
    expect(part2Consent.provision.actor[0].reference.identifier.value).toBe(`urn:uuid:${named.id}`);
    expect(part2Consent.policyRule.coding[0].code).toBe('42CFRPart2');
    const staffConsents = (await nurse.get(`/fhir/R4/Consent?patient=${c.patientId}`)).body.entry.map(
      (e: Json) => e.resource,
    );
    expect(staffConsents.map((r: Json) => r.scope.coding[0].code).sort()).toEqual([
      'patient-privacy',
      'treatment',
    ]);
    for (const r of staffConsents) {
      expect(fhirIssues(r), r.id).toEqual([]);
      expect((await nurse.get(`/fhir/R4/Consent/${r.id}`)).body.id).toBe(r.id);
    }

    // The accounting: one row per release, for the admin and prescriber only.
    const accounting = await prescriber.get(`/api/v1/patients/${c.patientId}/part2-disclosures`);
    expect(accounting.status).toBe(200);
    const rows = accounting.body.items.map((i: Json) => [i.interaction, i.resourceType, i.resourceCount]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['read', 'Patient', 1],
        ['search', 'Observation', obs.body.total],
        ['search', 'Consent', 2],
      ]),
    );
    expect(accounting.body.items).toHaveLength(3);
    expect(accounting.body.items.every((i: Json) => i.recipientClientId === named.id)).toBe(true);
    expect((await nurse.get(`/api/v1/patients/${c.patientId}/part2-disclosures`)).status).toBe(403);

    // Revoked: releases stop at once; the accounting stays.
    const revoked = await prescriber.post(
      `/api/v1/patients/${c.patientId}/part2-consents/${recorded.body.id}/revoke`,
      { kind: 'revoked', reason: 'The patient revoked it in writing' },
    );
    expect(revoked.status, revoked.text).toBe(200);
    expect(revoked.body.active).toBe(false);
    expect((await named.get(`/fhir/R4/Patient/${c.patientId}`)).status).toBe(404);
    expect((await named.get(`/fhir/R4/Observation?patient=${c.patientId}`)).body.total).toBe(0);
    const after = await prescriber.get(`/api/v1/patients/${c.patientId}/part2-disclosures`);
    expect(after.body.items).toHaveLength(3);
    const pdf = await prescriber.get(
      `/api/v1/patients/${c.patientId}/part2-consents/${recorded.body.id}/pdf`,
    );
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
  });

  it('keeps to the consent’s scope of types and stops at its expiry date', async () => {
    const c = await h.newClinic();
    await part2Patient(h, c);
    const admin = await c.login('admin');
    const named = await client(h, admin);
    const prescriber = await c.login('prescriber');
    const onlyObservations = await prescriber.post(
      `/api/v1/patients/${c.patientId}/part2-consents`,
      consentBody(h, named.id, { resourceTypes: ['Observation'], expiresOn: dayOf(h, 0) }),
    );
    expect(onlyObservations.status, onlyObservations.text).toBe(201);
    // In force through its expiry date, that day included; the Patient resource is outside its scope.
    expect((await named.get(`/fhir/R4/Observation?patient=${c.patientId}`)).body.total).toBeGreaterThan(0);
    expect((await named.get(`/fhir/R4/Patient/${c.patientId}`)).status).toBe(404);
    const included = await named.get(
      `/fhir/R4/Observation?patient=${c.patientId}&_include=Observation:patient`,
    );
    expect(included.body.entry.filter((e: Json) => e.search.mode === 'include')).toEqual([]);
    // The next day it has expired.
    h.clock.advance(DAY);
    const token = await named.renewed();
    expect((await getWith(h, token, `/fhir/R4/Observation?patient=${c.patientId}`)).body.total).toBe(0);
    // The staff session has ended too by then: a new login.
    const listed = await (await c.login('prescriber')).get(`/api/v1/patients/${c.patientId}/part2-consents`);
    expect(listed.body.items.map((i: Json) => i.active)).toEqual([false]);
  });

  it('exports a Part 2 patient’s records only to the named client, with the notice in the manifest, and accounts for each file', async () => {
    const c = await h.newClinic();
    await part2Patient(h, c);
    const admin = await c.login('admin');
    const named = await client(h, admin);
    const other = await client(h, admin);
    const prescriber = await c.login('prescriber');
    const recorded = await prescriber.post(
      `/api/v1/patients/${c.patientId}/part2-consents`,
      consentBody(h, named.id),
    );
    expect(recorded.status).toBe(201);

    const exported = async (who: { token: string }) => {
      const kick = await h.app.inject({
        method: 'GET',
        url: '/fhir/R4/$export?_type=Patient,Observation',
        headers: { authorization: `Bearer ${who.token}`, prefer: 'respond-async' },
      });
      expect(kick.statusCode, kick.body).toBe(202);
      await runBulkExportTick(h.built.ctx);
      const poll = new URL(String(kick.headers['content-location'])).pathname;
      return (await getWith(h, who.token, poll)).body;
    };
    const manifest = await exported(named);
    expect(manifest.extension.part2DisclosureNotice.notice).toBe(PART2_NOTICE);
    expect(manifest.extension.part2DisclosureNotice.consents[0].consent).toBe(
      `Consent/part2-${recorded.body.id}`,
    );
    for (const o of manifest.output) {
      const file = await getWith(h, named.token, new URL(o.url).pathname);
      expect(file.status).toBe(200);
      const lines = file.text
        .split('\n')
        .filter(Boolean)
        .map((l: string) => JSON.parse(l));
      expect(lines.length).toBe(o.count);
      expect(lines.every(isLabelled)).toBe(true);
    }
    const accounting = await admin.get(`/api/v1/patients/${c.patientId}/part2-disclosures`);
    expect(accounting.body.items.map((i: Json) => [i.interaction, i.resourceType]).sort()).toEqual([
      ['export', 'Observation'],
      ['export', 'Patient'],
    ]);

    const otherManifest = await exported(other);
    expect(otherManifest.extension).toBeUndefined();
    expect(otherManifest.output).toEqual([]);

    // A file written under a consent revoked since is not released.
    const again = await exported(named);
    await prescriber.post(`/api/v1/patients/${c.patientId}/part2-consents/${recorded.body.id}/revoke`, {
      kind: 'entered_in_error',
      reason: 'Recorded for the wrong client',
    });
    expect((await getWith(h, named.token, new URL(again.output[0].url).pathname)).status).toBe(404);
    expect((await admin.get(`/api/v1/patients/${c.patientId}/part2-disclosures`)).body.items).toHaveLength(2);
  });

  it('lists the enabled system clients by name to the staff who record consents, and to no one else', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const kept = await registerClient(admin, (await newKey()).jwk, ['system/*.rs']);
    const gone = await registerClient(admin, (await newKey()).jwk, ['system/*.rs']);
    expect((await admin.post(`/api/v1/fhir-clients/${gone}/disable`, { reason: 'Retired' })).status).toBe(
      200,
    );
    const nurse = await c.login('nurse');
    const r = await nurse.get('/api/v1/part2-recipients');
    expect(r.status).toBe(200);
    expect(r.body.items).toEqual([{ id: kept, name: 'Registry feed' }]);
    expect((await nurse.get('/api/v1/fhir-clients')).status).toBe(403);
    expect((await (await c.login('front_desk')).get('/api/v1/part2-recipients')).status).toBe(403);
  });

  it('answers bad input with 400 naming the field and stores nothing', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const named = await client(h, admin);
    const prescriber = await c.login('prescriber');
    const url = `/api/v1/patients/${c.patientId}/part2-consents`;
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ expiresOn: null }, 'body.expiresOn'],
      [{ expiresOn: dayOf(h, -1) }, 'body.expiresOn'],
      [{ signedOn: dayOf(h, 2), expiresOn: dayOf(h, 3) }, 'body.signedOn'],
      [{ recipientClientId: c.patientId }, 'body.recipientClientId'],
      [{ resourceTypes: ['Practitioner'] }, 'body.resourceTypes[0]'],
      [{ purpose: ' ' }, 'body.purpose'],
    ];
    for (const [more, field] of cases) {
      const r = await prescriber.post(url, consentBody(h, named.id, more));
      expect(r.status, field).toBe(400);
      expect(JSON.stringify(r.body), field).toContain(field);
    }
    expect((await (await c.login('front_desk')).post(url, consentBody(h, named.id))).status).toBe(403);
    const stored = await h.database.db
      .selectFrom('part2_disclosure_consents')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('clinic_id', '=', c.clinicId)
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(0);
  });
});
