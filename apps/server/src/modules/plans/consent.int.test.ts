import { createHash } from 'node:crypto';
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe.each(testBackends())('consent API on %s', (backend) => {
  const h = useTestApp(backend);

  it('shows the whole documents and lets the patient sign with name, time, IP, user agent and SHA-256', async () => {
    const c = await h.newClinic();
    const patient = await c.login('patient');
    const list = await patient.get(`/api/v1/patients/${c.patientId}/consents`);
    expect(list.status).toBe(200);
    expect(list.body.documents.map((d: { kind: string }) => d.kind)).toEqual([
      'off_label_ketamine',
      'kap',
      'esketamine_rems',
      'telehealth',
      'financial',
    ]);
    const doc = list.body.documents[0];
    expect(doc.body).toMatch(/TEMPLATE/);
    expect(doc.bodySha256).toBe(sha(doc.body));

    const r = await patient.post(
      `/api/v1/patients/${c.patientId}/consents`,
      {
        documentId: doc.id,
        typedName: `  pat  ${(await nameOf(c.patientId)).last}`,
        agree: true,
        textSha256: doc.bodySha256,
      },
      { 'user-agent': 'TestBrowser/1.0' },
    );
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      kind: 'off_label_ketamine',
      documentVersion: 1,
      textSha256: sha(doc.body),
      userAgent: 'TestBrowser/1.0',
      withdrawnAt: null,
    });
    expect(r.body.sourceAddress).toBeTruthy();
    expect(Date.parse(r.body.signedAt)).toBe(h.clock.now().getTime());
    expect(
      (
        await patient.post(`/api/v1/patients/${c.patientId}/consents`, {
          documentId: doc.id,
          typedName: `Pat ${(await nameOf(c.patientId)).last}`,
          agree: true,
        })
      ).status,
    ).toBe(409);

    const pdf = await patient.get(`/api/v1/patients/${c.patientId}/consents/${r.body.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.text.startsWith('%PDF-')).toBe(true);
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select(['action', 'resource_type'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_id', '=', r.body.id)
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'create', resource_type: 'consent_signature' },
        { action: 'export', resource_type: 'consent_signature' },
      ]),
    );
  });

  async function nameOf(patientId: string) {
    const p = await h.database.db
      .selectFrom('patients')
      .select(['first_name', 'last_name'])
      .where('id', '=', patientId)
      .executeTakeFirstOrThrow();
    return { first: p.first_name, last: p.last_name };
  }

  it('refuses a name that does not match, a stale hash, a superseded version, staff signing, with 4xx and no record', async () => {
    const c = await h.newClinic();
    const patient = await c.login('patient');
    const { last } = await nameOf(c.patientId);
    const docs = (await patient.get(`/api/v1/patients/${c.patientId}/consents`)).body.documents;
    const doc = docs[4];
    const url = `/api/v1/patients/${c.patientId}/consents`;
    const wrongName = await patient.post(url, { documentId: doc.id, typedName: 'Someone Else', agree: true });
    expect(wrongName.status).toBe(400);
    expect(wrongName.body.error.details[0].field).toBe('body.typedName');
    expect(
      (await patient.post(url, { documentId: doc.id, typedName: `Pat ${last}`, agree: false })).status,
    ).toBe(400);
    expect(
      (
        await patient.post(url, {
          documentId: doc.id,
          typedName: `Pat ${last}`,
          agree: true,
          textSha256: 'a'.repeat(64),
        })
      ).status,
    ).toBe(409);
    expect(
      (
        await (
          await c.login('nurse')
        ).post(url, { documentId: doc.id, typedName: `Pat ${last}`, agree: true })
      ).status,
    ).toBe(403);

    const prescriber = await c.login('prescriber');
    const edited = await prescriber.request('PUT', '/api/v1/consent-documents/financial', {
      title: 'Financial policy',
      body: 'New fee schedule text.',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ version: 2, bodySha256: sha('New fee schedule text.') });
    expect(
      (await patient.post(url, { documentId: doc.id, typedName: `Pat ${last}`, agree: true })).status,
    ).toBe(409);
    expect((await prescriber.get(url)).body.signatures).toEqual([]);
    // Name order and case do not matter.
    const ok = await patient.post(url, {
      documentId: edited.body.id,
      typedName: `${last.toUpperCase()}, pat`,
      agree: true,
    });
    expect(ok.status).toBe(201);
    expect(ok.body.documentVersion).toBe(2);
  });

  it('withdraws a consent (kept, marked withdrawn with a reason); it can then be signed again', async () => {
    const c = await h.newClinic();
    const patient = await c.login('patient');
    const { last } = await nameOf(c.patientId);
    const doc = (await patient.get(`/api/v1/patients/${c.patientId}/consents`)).body.documents[3];
    const s = await patient.post(`/api/v1/patients/${c.patientId}/consents`, {
      documentId: doc.id,
      typedName: `Pat ${last}`,
      agree: true,
    });
    const w = `/api/v1/patients/${c.patientId}/consents/${s.body.id}/withdraw`;
    expect((await patient.post(w, {})).status).toBe(400);
    const done = await patient.post(w, { reason: 'I prefer in-person visits' });
    expect(done.status).toBe(200);
    expect(done.body.withdrawnReason).toBe('I prefer in-person visits');
    expect((await patient.post(w, { reason: 'again' })).status).toBe(409);
    const after = await (await c.login('nurse')).get(`/api/v1/patients/${c.patientId}/consents`);
    expect(after.body.signatures).toHaveLength(1);
    expect(after.body.signatures[0].withdrawnAt).not.toBeNull();
    expect(
      (
        await patient.post(`/api/v1/patients/${c.patientId}/consents`, {
          documentId: doc.id,
          typedName: `Pat ${last}`,
          agree: true,
        })
      ).status,
    ).toBe(201);
    const pdf = await patient.get(`/api/v1/patients/${c.patientId}/consents/${s.body.id}/pdf`);
    expect(pdf.status).toBe(200);
  });

  it('hides other clinics\u2019 consents', async () => {
    const a = await h.newClinic();
    const b = await h.newClinic();
    expect((await (await b.login('nurse')).get(`/api/v1/patients/${a.patientId}/consents`)).status).toBe(404);
    const docB = (await (await b.login('nurse')).get('/api/v1/consent-documents')).body.items[0];
    const { last } = await nameOf(a.patientId);
    expect(
      (
        await (
          await a.login('patient')
        ).post(`/api/v1/patients/${a.patientId}/consents`, {
          documentId: docB.id,
          typedName: `Pat ${last}`,
          agree: true,
        })
      ).status,
    ).toBe(404);
  });
});
