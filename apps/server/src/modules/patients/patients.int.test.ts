import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp, validPatient } from '../../test/harness.ts';

describe.each(testBackends())('patients API on %s', (backend) => {
  const h = useTestApp(backend);

  it('creates, lists, searches, reads and updates a patient', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const created = await nurse.post('/api/v1/patients', validPatient());
    expect(created.status).toBe(201);
    expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.body.mrn).toBe('MRN-000002');
    expect(created.headers['cache-control']).toBe('no-store');

    const all = await nurse.get('/api/v1/patients');
    expect(all.body.items.map((p: { id: string }) => p.id).sort()).toEqual(
      [c.patientId, created.body.id].sort(),
    );

    for (const q of [
      'robin',
      'TESTCASE',
      'Robin Testcase',
      'Testcase, Robin',
      '1990-01-31',
      '9195550150',
      'MRN-000002',
    ]) {
      const found = await nurse.get(`/api/v1/patients?query=${encodeURIComponent(q)}`);
      expect(
        found.body.items.map((p: { id: string }) => p.id),
        q,
      ).toEqual([created.body.id]);
    }
    expect((await nurse.get('/api/v1/patients?query=%25')).body.items).toEqual([]);

    const read = await nurse.get(`/api/v1/patients/${created.body.id}`);
    expect(read.body.firstName).toBe('Robin');
    const upd = await nurse.patch(`/api/v1/patients/${created.body.id}`, {
      phone: null,
      lastName: 'Changed',
    });
    expect(upd.status).toBe(200);
    expect(upd.body).toMatchObject({ lastName: 'Changed', phone: null, firstName: 'Robin' });
  });

  it.each([
    [{ firstName: '' }, 'body.firstName'],
    [{ dateOfBirth: '1990-02-30' }, 'body.dateOfBirth'],
    [{ dateOfBirth: '31/01/1990' }, 'body.dateOfBirth'],
    [{ sex: 'f' }, 'body.sex'],
    [{ email: 'not-an-email' }, 'body.email'],
    [{ lastName: undefined }, 'body.lastName'],
    [{ extra: 1 }, 'body'],
  ])('refuses %j with 400 naming %s and stores nothing', async (over, field) => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const r = await admin.post('/api/v1/patients', validPatient(over));
    expect(r.status).toBe(400);
    expect(r.body.error.code).toBe('validation_failed');
    expect(r.body.error.details.map((d: { field: string }) => d.field).join(' ')).toContain(field);
    expect((await admin.get('/api/v1/patients')).body.items).toHaveLength(1);
  });

  it('refuses malformed JSON and oversized bodies without a 500', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const bad = await admin.request('POST', '/api/v1/patients', '{"firstName":', {
      'content-type': 'application/json',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    const big = await admin.post('/api/v1/patients', validPatient({ firstName: 'x'.repeat(2_000_000) }));
    expect(big.status).toBe(413);
  });

  it('hides other clinics\u2019 patients behind 404 and lets a patient see only their own record', async () => {
    const a = await h.newClinic();
    const b = await h.newClinic();
    const nurseB = await b.login('nurse');
    expect((await nurseB.get(`/api/v1/patients/${a.patientId}`)).status).toBe(404);
    expect((await nurseB.patch(`/api/v1/patients/${a.patientId}`, { lastName: 'X' })).status).toBe(404);
    expect((await nurseB.get('/api/v1/patients')).body.items.map((p: { id: string }) => p.id)).toEqual([
      b.patientId,
    ]);

    const patientA = await a.login('patient');
    expect((await patientA.get(`/api/v1/patients/${a.patientId}`)).status).toBe(200);
    const other = await (await a.login('nurse')).post('/api/v1/patients', validPatient());
    expect((await patientA.get(`/api/v1/patients/${other.body.id}`)).status).toBe(404);
    expect((await patientA.get('/api/v1/patients')).status).toBe(403);
    expect((await patientA.patch(`/api/v1/patients/${a.patientId}`, { lastName: 'Self' })).status).toBe(403);
  });

  it('lets the therapist read but not create or update; audits reads', async () => {
    const c = await h.newClinic();
    const therapist = await c.login('therapist');
    expect((await therapist.get(`/api/v1/patients/${c.patientId}`)).status).toBe(200);
    expect((await therapist.post('/api/v1/patients', validPatient())).status).toBe(403);
    const rows = await h.database.db
      .selectFrom('audit_log')
      .select(['action', 'patient_id', 'role', 'category'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'patient')
      .execute();
    expect(rows).toContainEqual({
      action: 'read',
      patient_id: c.patientId,
      role: 'therapist',
      category: 'demographics',
    });
  });
});
