/**
 * The audit report names the patients its entries are about, for those who may read them:
 * the admin sees "Last, First" in the report and in the CSV; a name is looked up only in the caller's
 * clinic, so an entry carrying another clinic's patient id shows no name.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';

describe.each(testBackends())('audit report patient names on %s', (backend) => {
  const h = useTestApp(backend);

  it('shows the patient’s name to the admin, in the report and the CSV', async () => {
    const c = await h.newClinic();
    const p = await h.database.db
      .selectFrom('patients')
      .select(['first_name', 'last_name'])
      .where('id', '=', c.patientId)
      .executeTakeFirstOrThrow();
    const nurse = await c.login('nurse');
    await nurse.get(`/api/v1/patients/${c.patientId}`);
    const admin = await c.login('admin');
    const r = await admin.get(`/api/v1/audit?patientId=${c.patientId}`);
    expect(r.status).toBe(200);
    expect(r.body.items.length).toBeGreaterThan(0);
    for (const e of r.body.items) expect(e.patientName).toBe(`${p.last_name}, ${p.first_name}`);
    const csv = await admin.get(`/api/v1/audit?patientId=${c.patientId}&format=csv`);
    expect(csv.status).toBe(200);
    const [header, first] = csv.text.split('\r\n');
    expect(header?.split(',')).toContain('patient_name');
    expect(first).toContain(`"${p.last_name}, ${p.first_name}"`);
    // Entries about nobody carry no name.
    const logins = await admin.get('/api/v1/audit?action=login');
    for (const e of logins.body.items) expect(e.patientName).toBeNull();
  });

  it('never shows a name across clinics', async () => {
    const a = await h.newClinic();
    const b = await h.newClinic();
    // An entry in clinic A that carries clinic B's patient id (as a probe of another clinic's id would).
    await h.database.db
      .insertInto('audit_log')
      .values({
        clinic_id: a.clinicId,
        user_id: a.users.nurse.id,
        role: 'nurse',
        patient_id: b.patientId,
        action: 'read',
        resource_type: 'patient',
        outcome: 'failure',
      })
      .execute();
    const admin = await a.login('admin');
    const r = await admin.get(`/api/v1/audit?patientId=${b.patientId}`);
    expect(r.status).toBe(200);
    expect(r.body.items).toHaveLength(1);
    expect(r.body.items[0].patientName).toBeNull();
    const csv = await admin.get(`/api/v1/audit?patientId=${b.patientId}&format=csv`);
    const bName = await h.database.db
      .selectFrom('patients')
      .select('last_name')
      .where('id', '=', b.patientId)
      .executeTakeFirstOrThrow();
    expect(csv.text).not.toContain(bName.last_name);
    // Other roles cannot open the report at all.
    for (const role of ['prescriber', 'nurse', 'therapist', 'front_desk', 'patient'] as const)
      expect((await (await a.login(role)).get('/api/v1/audit')).status).toBe(403);
  });
});
