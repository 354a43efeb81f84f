import { createHash } from 'node:crypto';
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';
import { NAMES, pdfText } from '../../test/pdf-text.ts';

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

describe.each(testBackends())('signed consent PDF keeps the exact text on %s', (backend) => {
  const h = useTestApp(backend);

  it('prints the text signed and the typed name in Polish, Vietnamese, Arabic and Chinese as stored', async () => {
    const c = await h.newClinic();
    const patient = await c.login('patient');
    expect((await patient.get(`/api/v1/patients/${c.patientId}/consents`)).status).toBe(200);
    const docs = await h.database.db
      .selectFrom('plan_consent_documents')
      .select(['id', 'body'])
      .where('clinic_id', '=', c.clinicId)
      .where('superseded_at', 'is', null)
      .orderBy('kind')
      .execute();
    expect(docs.length).toBeGreaterThanOrEqual(NAMES.length);
    for (const [i, name] of NAMES.entries()) {
      const doc = docs[i] as { id: string; body: string };
      const [first, last] =
        name === '王小明'
          ? ['小明', '王']
          : [name.split(' ')[0] as string, name.split(' ').slice(1).join(' ')];
      const body = `${doc.body}\n\nPatient: ${name}\n${name}`;
      await h.database.db
        .updateTable('plan_consent_documents')
        .set({ body, body_sha256: sha(body) })
        .where('id', '=', doc.id)
        .execute();
      await h.database.db
        .updateTable('patients')
        .set({ first_name: first, last_name: last })
        .where('id', '=', c.patientId)
        .execute();
      const typedName = name;
      const signed = await patient.post(`/api/v1/patients/${c.patientId}/consents`, {
        documentId: doc.id,
        typedName,
        agree: true,
        textSha256: sha(body),
      });
      expect(signed.status, JSON.stringify(signed.body)).toBe(201);
      const pdf = await h.app.inject({
        method: 'GET',
        url: `/api/v1/patients/${c.patientId}/consents/${signed.body.id}/pdf`,
        headers: { cookie: patient.cookie as string },
      });
      expect(pdf.statusCode).toBe(200);
      const lines = pdfText(pdf.rawPayload)
        .split('\n')
        .map((l) => l.trim());
      expect(lines).toContain(name);
      expect(lines).toContain(`Patient: ${name}`);
      expect(lines).toContain(`Signed by typed name: ${typedName}`);
    }
  });
});
