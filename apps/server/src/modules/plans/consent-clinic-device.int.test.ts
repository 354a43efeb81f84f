/**
 * Consent signed in the clinic on a clinic device handed to the patient: allowed only when
 * the clinic turns it on, recorded as `clinic_device` with who handed it over (as self-reports on a
 * clinic device are), same checks as portal signing (name on record, current version, text hash),
 * printed so on the PDF, audited; portal signatures stay `portal`.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';

describe.each(testBackends())('consent on a clinic device on %s', (backend) => {
  const h = useTestApp(backend);

  const lastName = async (patientId: string) =>
    (
      await h.database.db
        .selectFrom('patients')
        .select('last_name')
        .where('id', '=', patientId)
        .executeTakeFirstOrThrow()
    ).last_name;

  it('records the signature as signed on a clinic device, with who handed it over', async () => {
    const c = await h.newClinic({ settings: { clinicDeviceConsent: true } });
    const nurse = await c.login('nurse');
    const docs = (await nurse.get(`/api/v1/patients/${c.patientId}/consents`)).body.documents;
    const doc = docs.find((d: { kind: string }) => d.kind === 'kap');
    const typedName = `Pat ${await lastName(c.patientId)}`;
    // The patient's name is checked as in the portal.
    const wrong = await nurse.post(`/api/v1/patients/${c.patientId}/consents/clinic-device`, {
      documentId: doc.id,
      typedName: 'Nurse Somebody',
      agree: true,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0].field).toBe('body.typedName');

    const r = await nurse.post(`/api/v1/patients/${c.patientId}/consents/clinic-device`, {
      documentId: doc.id,
      typedName,
      agree: true,
      textSha256: doc.bodySha256,
    });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      kind: 'kap',
      typedName,
      signedVia: 'clinic_device',
      handedBy: { id: c.users.nurse.id, name: expect.any(String) },
    });
    const row = await h.database.db
      .selectFrom('plan_consent_signatures')
      .select(['signed_via', 'handed_by', 'signed_by'])
      .where('id', '=', r.body.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ signed_via: 'clinic_device', handed_by: c.users.nurse.id, signed_by: null });
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select(['user_id', 'patient_id', 'details'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_id', '=', r.body.id)
      .where('action', '=', 'create')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      user_id: c.users.nurse.id,
      patient_id: c.patientId,
      details: { signedVia: 'clinic_device', handedBy: c.users.nurse.id },
    });
    // The chart lists it as such, and the consent counts: signing again is a conflict.
    const list = await nurse.get(`/api/v1/patients/${c.patientId}/consents`);
    expect(list.body.signatures[0]).toMatchObject({
      signedVia: 'clinic_device',
      handedBy: { id: c.users.nurse.id },
    });
    const again = await nurse.post(`/api/v1/patients/${c.patientId}/consents/clinic-device`, {
      documentId: doc.id,
      typedName,
      agree: true,
    });
    expect(again.status).toBe(409);
    const pdf = await nurse.get(`/api/v1/patients/${c.patientId}/consents/${r.body.id}/pdf`);
    expect(pdf.status).toBe(200);

    // A portal signature by the patient stays a portal signature.
    const patient = await c.login('patient');
    const other = docs.find((d: { kind: string }) => d.kind === 'telehealth');
    const p = await patient.post(`/api/v1/patients/${c.patientId}/consents`, {
      documentId: other.id,
      typedName,
      agree: true,
    });
    expect(p.status).toBe(201);
    expect(p.body).toMatchObject({ signedVia: 'portal', handedBy: null });
  });

  it('is refused when the clinic has not turned it on, and for roles that do not hand devices over', async () => {
    const off = await h.newClinic();
    const nurse = await off.login('nurse');
    const doc = (await nurse.get(`/api/v1/patients/${off.patientId}/consents`)).body.documents[0];
    const body = { documentId: doc.id, typedName: `Pat ${await lastName(off.patientId)}`, agree: true };
    expect((await nurse.post(`/api/v1/patients/${off.patientId}/consents/clinic-device`, body)).status).toBe(
      409,
    );
    const on = await h.newClinic({ settings: { clinicDeviceConsent: true } });
    const patient = await on.login('patient');
    const admin = await on.login('admin');
    const d = (await admin.get(`/api/v1/patients/${on.patientId}/consents`)).body.documents[0];
    const b = { documentId: d.id, typedName: `Pat ${await lastName(on.patientId)}`, agree: true };
    expect((await patient.post(`/api/v1/patients/${on.patientId}/consents/clinic-device`, b)).status).toBe(
      403,
    );
    expect((await admin.post(`/api/v1/patients/${on.patientId}/consents/clinic-device`, b)).status).toBe(403);
    // Another clinic's patient is not found.
    const nurseOn = await on.login('nurse');
    expect((await nurseOn.post(`/api/v1/patients/${off.patientId}/consents/clinic-device`, b)).status).toBe(
      404,
    );
    expect(
      await h.database.db
        .selectFrom('plan_consent_signatures')
        .select('id')
        .where('patient_id', 'in', [off.patientId, on.patientId])
        .execute(),
    ).toEqual([]);
  });
});
