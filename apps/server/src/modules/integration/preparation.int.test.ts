/**
 * Preparation-visit records through the API: a therapist records the patient's intentions and support person, a
 * correction is a new record (the newest is in force, every record kept), a plan or appointment of another patient
 * is refused naming the field and nothing is written; the care team reads it, front desk and patients do not.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp, validPatient } from '../../test/harness.ts';
import { cleanIntake, protocolIds } from '../plans/test-fixtures.ts';

const record = (over: Record<string, unknown> = {}) => ({
  intentions: 'To loosen the grip of old grief and come back to my music.',
  supportPerson: { name: 'Robin Ortega', relationship: 'Partner', phone: '919-555-0144' },
  ...over,
});

describe.each(testBackends())('preparation records on %s', (backend) => {
  const h = useTestApp(backend);

  it('records, corrects by a new record, and lists newest first with the plan', async () => {
    const c = await h.newClinic();
    const prescriber = await c.login('prescriber');
    const ids = await protocolIds(prescriber);
    await prescriber.post(`/api/v1/patients/${c.patientId}/intake`, cleanIntake());
    const plan = await prescriber.post(`/api/v1/patients/${c.patientId}/plans`, {
      protocolId: ids.iv,
      indications: ['trd'],
    });
    expect(plan.status, plan.text).toBe(201);
    const therapist = await c.login('therapist');
    const first = await therapist.post(
      `/api/v1/patients/${c.patientId}/preparation`,
      record({ planId: plan.body.id }),
    );
    expect(first.status, first.text).toBe(201);
    expect(first.body).toMatchObject({
      patientId: c.patientId,
      planId: plan.body.id,
      appointmentId: null,
      supportPerson: { name: 'Robin Ortega', relationship: 'Partner', phone: '919-555-0144' },
      recordedBy: { id: c.users.therapist.id },
    });
    h.clock.advance(60_000);
    const nurse = await c.login('nurse');
    const fix = await nurse.post(
      `/api/v1/patients/${c.patientId}/preparation`,
      record({ supportPerson: { name: 'Robin Ortega', relationship: 'Spouse', phone: '919-555-0145' } }),
    );
    expect(fix.status, fix.text).toBe(201);
    const list = await (await c.login('admin')).get(`/api/v1/patients/${c.patientId}/preparation`);
    expect(list.status).toBe(200);
    expect(list.body.current.id).toBe(fix.body.id);
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([fix.body.id, first.body.id]);
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select(['action', 'patient_id'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'preparation_record')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['create', 'create', 'query']);
    expect(audit.every((a) => a.patient_id === c.patientId)).toBe(true);
  });

  it('refuses another patient’s plan or appointment and bad input by field, writing nothing', async () => {
    const c = await h.newClinic();
    const frontDesk = await c.login('front_desk');
    const other = await frontDesk.post('/api/v1/patients', validPatient({ lastName: 'Otherperson' }));
    expect(other.status, other.text).toBe(201);
    const appt = await frontDesk.post('/api/v1/appointments', {
      patientId: other.body.id,
      type: 'consultation',
      start: '2030-01-08T15:00:00.000Z',
    });
    expect(appt.status, appt.text).toBe(201);
    const therapist = await c.login('therapist');
    const url = `/api/v1/patients/${c.patientId}/preparation`;
    const wrongAppt = await therapist.post(url, record({ appointmentId: appt.body.id }));
    expect(wrongAppt.status).toBe(400);
    expect(wrongAppt.body.error.details[0].field).toBe('body.appointmentId');
    const wrongPlan = await therapist.post(url, record({ planId: appt.body.id }));
    expect(wrongPlan.body.error.details[0].field).toBe('body.planId');
    const noPhone = await therapist.post(
      url,
      record({ supportPerson: { name: 'A', relationship: 'B', phone: '' } }),
    );
    expect(noPhone.status).toBe(400);
    expect(JSON.stringify(noPhone.body.error.details)).toContain('supportPerson.phone');
    const empty = await therapist.post(url, record({ intentions: '   ' }));
    expect(empty.status).toBe(400);
    const list = await therapist.get(url);
    expect(list.body).toEqual({ current: null, items: [] });
  });

  it('is written by therapists, prescribers and nurses; read by the care team; never by front desk or patients', async () => {
    const c = await h.newClinic();
    const url = `/api/v1/patients/${c.patientId}/preparation`;
    for (const role of ['admin', 'front_desk', 'patient'] as const) {
      expect((await (await c.login(role)).post(url, record())).status, role).toBe(403);
    }
    for (const role of ['front_desk', 'patient'] as const) {
      expect((await (await c.login(role)).get(url)).status, role).toBe(403);
    }
    const other = await h.newClinic();
    const foreign = await (await other.login('therapist')).post(url, record());
    expect(foreign.status).toBe(404);
    expect((await (await other.login('therapist')).get(url)).status).toBe(404);
  });
});
