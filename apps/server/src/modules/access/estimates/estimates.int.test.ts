/**
 * Good-faith estimates through the API (45 CFR 149.610): coverage recorded by the front desk, an estimate drafted for
 * a booked course and issued, the due list before and after, requests with their 3-business-day deadline, bad
 * input refused naming the field with nothing written, entered in error, roles and clinic scoping.
 */
import { addBusinessDays } from '@plasticity/clinical/estimates';
import { instantToLocal } from '@plasticity/clinical/scheduling';
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { type TestApp, type TestClinic, useTestApp, validPatient } from '../../../test/harness.ts';
import { estimateBody } from './test/fixtures.ts';

const today = (h: TestApp) => instantToLocal(h.clock.now(), 'America/New_York').date;

async function selfPayWithVisit(c: TestClinic) {
  const desk = await c.login('front_desk');
  const cov = await desk.post(`/api/v1/patients/${c.patientId}/coverage`, { status: 'self_pay' });
  expect(cov.status, cov.text).toBe(201);
  const nurse = await c.login('nurse');
  const appt = await nurse.post('/api/v1/appointments', {
    patientId: c.patientId,
    type: 'follow_up',
    start: '2030-01-08T15:00:00.000Z',
  });
  expect(appt.status, appt.text).toBe(201);
  return { desk, appointmentId: appt.body.id as string };
}

const countEstimates = async (h: TestApp, clinicId: string) =>
  (
    await h.database.db
      .selectFrom('good_faith_estimates')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('clinic_id', '=', clinicId)
      .executeTakeFirstOrThrow()
  ).n;

describe.each(testBackends())('good-faith estimates on %s', (backend) => {
  const h = useTestApp(backend);

  it('records coverage: self-pay is owed estimates; roles and bad input', async () => {
    const c = await h.newClinic();
    const desk = await c.login('front_desk');
    const none = await desk.get(`/api/v1/patients/${c.patientId}/estimates`);
    expect(none.body).toEqual({ coverage: null, items: [] });
    const set = await desk.post(`/api/v1/patients/${c.patientId}/coverage`, { status: 'uninsured' });
    expect(set.status, set.text).toBe(201);
    expect(set.body).toMatchObject({ status: 'uninsured', estimateRequired: true });
    h.clock.advance(1000);
    const ins = await desk.post(`/api/v1/patients/${c.patientId}/coverage`, { status: 'insured' });
    expect(ins.body).toMatchObject({ status: 'insured', estimateRequired: false });
    const bad = await desk.post(`/api/v1/patients/${c.patientId}/coverage`, { status: 'medicare' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error.details)).toContain('status');
    const therapist = await c.login('therapist');
    expect(
      (await therapist.post(`/api/v1/patients/${c.patientId}/coverage`, { status: 'self_pay' })).status,
    ).toBe(403);
    expect((await therapist.get(`/api/v1/patients/${c.patientId}/estimates`)).body.coverage.status).toBe(
      'insured',
    );
  });

  it('lists a booked visit as due, then the draft, then nothing once issued', async () => {
    const c = await h.newClinic();
    const { desk, appointmentId } = await selfPayWithVisit(c);
    const due = await desk.get('/api/v1/estimates/due');
    expect(due.status, due.text).toBe(200);
    expect(due.body.items).toEqual([
      {
        kind: 'scheduled',
        patientId: c.patientId,
        patientName: expect.stringContaining('Pat'),
        coverage: 'self_pay',
        appointmentId,
        estimateId: null,
        serviceOn: '2030-01-08',
        triggerOn: today(h),
        dueBy: addBusinessDays(today(h), 3),
        overdue: false,
      },
    ]);
    const draft = await desk.post(
      `/api/v1/patients/${c.patientId}/estimates`,
      estimateBody({ appointmentId }),
    );
    expect(draft.status, draft.text).toBe(201);
    expect(draft.body).toMatchObject({
      status: 'draft',
      scheduledOn: '2030-01-08',
      triggerOn: today(h),
      dueBy: addBusinessDays(today(h), 3),
      totalCents: 6 * 45_000 + 25_000,
      billedCents: 0,
      exceedsByDisputeThreshold: false,
    });
    expect(draft.body.lines[0]).toMatchObject({ serviceCode: '96365', quantity: 6, amountCents: 270_000 });
    const withDraft = await desk.get('/api/v1/estimates/due');
    expect(withDraft.body.items).toMatchObject([
      { kind: 'scheduled', estimateId: draft.body.id, appointmentId: null },
    ]);
    const issued = await desk.post(`/api/v1/estimates/${draft.body.id}/issue`, {});
    expect(issued.status, issued.text).toBe(200);
    expect(issued.body.status).toBe('issued');
    expect((await desk.post(`/api/v1/estimates/${draft.body.id}/issue`, {})).status).toBe(409);
    expect((await desk.get('/api/v1/estimates/due')).body.items).toEqual([]);

    // Entered in error: kept, no longer covers the visit, which is due again.
    const wrong = await desk.post(`/api/v1/estimates/${draft.body.id}/entered-in-error`, {
      reason: 'Wrong patient',
    });
    expect(wrong.status, wrong.text).toBe(200);
    expect(wrong.body).toMatchObject({ status: 'entered_in_error', enteredInErrorReason: 'Wrong patient' });
    expect((await desk.get('/api/v1/estimates/due')).body.items).toMatchObject([{ appointmentId }]);
    const list = await desk.get(`/api/v1/patients/${c.patientId}/estimates`);
    expect(list.body.items.map((e: { status: string }) => e.status)).toEqual(['entered_in_error']);
  });

  it('does not list insured patients, nor visits booked fewer than 3 business days ahead', async () => {
    const c = await h.newClinic();
    const desk = await c.login('front_desk');
    const other = await desk.post('/api/v1/patients', validPatient());
    expect(other.status, other.text).toBe(201);
    await desk.post(`/api/v1/patients/${other.body.id}/coverage`, { status: 'insured' });
    await desk.post(`/api/v1/patients/${c.patientId}/coverage`, { status: 'self_pay' });
    const nurse = await c.login('nurse');
    await nurse.post('/api/v1/appointments', {
      patientId: other.body.id,
      type: 'follow_up',
      start: '2030-01-08T15:00:00.000Z',
    });
    const soon = new Date(h.clock.now().getTime() + 26 * 3_600_000).toISOString();
    const tomorrow = await nurse.post('/api/v1/appointments', {
      patientId: c.patientId,
      type: 'follow_up',
      start: soon,
    });
    expect(tomorrow.status, tomorrow.text).toBe(201);
    expect((await desk.get('/api/v1/estimates/due')).body.items).toEqual([]);
  });

  it('a request is due within 3 business days and listed until issued', async () => {
    const c = await h.newClinic();
    const desk = await c.login('front_desk');
    await desk.post(`/api/v1/patients/${c.patientId}/coverage`, { status: 'self_pay' });
    const asked = await desk.post(
      `/api/v1/patients/${c.patientId}/estimates`,
      estimateBody({ trigger: 'requested', periodFrom: today(h), periodTo: addBusinessDays(today(h), 40) }),
    );
    expect(asked.status, asked.text).toBe(201);
    expect(asked.body).toMatchObject({
      trigger: 'requested',
      dueBy: addBusinessDays(today(h), 3),
      scheduledOn: null,
    });
    expect((await desk.get('/api/v1/estimates/due')).body.items).toMatchObject([
      { kind: 'requested', estimateId: asked.body.id, dueBy: addBusinessDays(today(h), 3) },
    ]);
    const issued = await desk.post(
      `/api/v1/patients/${c.patientId}/estimates`,
      estimateBody({ trigger: 'requested', periodFrom: today(h), periodTo: today(h), issue: true }),
    );
    expect(issued.body.status).toBe('issued');
    expect((await desk.get('/api/v1/estimates/due')).body.items).toHaveLength(1);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const c = await h.newClinic();
    const { desk, appointmentId } = await selfPayWithVisit(c);
    const other = await desk.post('/api/v1/patients', validPatient());
    const cases: [Record<string, unknown>, string][] = [
      [{ periodTo: '2031-01-01' }, 'body.periodTo'],
      [{ periodTo: '2029-12-31' }, 'body.periodTo'],
      [{ periodFrom: '2030-02-01', appointmentId }, 'body.appointmentId'],
      [{ scheduledOn: undefined }, 'body.scheduledOn'],
      [{ scheduledOn: '2030-13-01' }, 'scheduledOn'],
      [{ lines: [] }, 'lines'],
      [
        {
          scheduledOn: '2030-01-08',
          lines: [{ serviceCode: '96365', description: 'x', unitChargeCents: -1 }],
        },
        'unitChargeCents',
      ],
      [
        {
          scheduledOn: '2030-01-08',
          lines: [
            {
              serviceCode: '96365',
              description: 'x',
              unitChargeCents: 1,
              providerUserId: c.users.front_desk.id,
            },
          ],
        },
        'body.lines.0.providerUserId',
      ],
      [
        {
          scheduledOn: '2030-01-08',
          lines: [{ serviceCode: '96365', description: 'x', unitChargeCents: 1, providerNpi: '12345' }],
        },
        'providerNpi',
      ],
    ];
    for (const [over, field] of cases) {
      const r = await desk.post(`/api/v1/patients/${c.patientId}/estimates`, estimateBody(over));
      expect(r.status, `${field}: ${r.text}`).toBe(400);
      expect(JSON.stringify(r.body.error.details), field).toContain(field.split('.').pop());
    }
    const theirs = await (await c.login('nurse')).post('/api/v1/appointments', {
      patientId: other.body.id,
      type: 'follow_up',
      start: '2030-01-09T15:00:00.000Z',
    });
    const foreignAppt = await desk.post(
      `/api/v1/patients/${c.patientId}/estimates`,
      estimateBody({ appointmentId: theirs.body.id }),
    );
    expect(foreignAppt.status).toBe(400);
    expect(foreignAppt.body.error.details[0].field).toBe('body.appointmentId');
    expect(await countEstimates(h, c.clinicId)).toBe(0);
  });

  it('keeps each clinic to itself and each role to its part', async () => {
    const c = await h.newClinic();
    const { desk, appointmentId } = await selfPayWithVisit(c);
    const made = await desk.post(
      `/api/v1/patients/${c.patientId}/estimates`,
      estimateBody({ appointmentId }),
    );
    const o = await h.newClinic();
    const outsider = await o.login('front_desk');
    expect((await outsider.get(`/api/v1/estimates/${made.body.id}.pdf`)).status).toBe(404);
    expect((await outsider.post(`/api/v1/estimates/${made.body.id}/issue`, {})).status).toBe(404);
    expect((await outsider.get(`/api/v1/patients/${c.patientId}/estimates`)).status).toBe(404);
    expect((await outsider.get('/api/v1/estimates/due')).body.items).toEqual([]);
    const nurse = await c.login('nurse');
    expect((await nurse.post(`/api/v1/patients/${c.patientId}/estimates`, estimateBody())).status).toBe(403);
    expect((await nurse.get('/api/v1/estimates/due')).status).toBe(403);
    expect((await nurse.get(`/api/v1/estimates/${made.body.id}.pdf`)).status).toBe(200);
    const patient = await c.login('patient');
    expect((await patient.get(`/api/v1/patients/${c.patientId}/estimates`)).status).toBe(403);
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select(['action', 'resource_type'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', 'in', ['good_faith_estimate', 'patient_coverage', 'good_faith_estimates_due'])
      .execute();
    expect(audit.map((a) => `${a.action} ${a.resource_type}`).sort()).toEqual([
      'create good_faith_estimate',
      'export good_faith_estimate',
      'update patient_coverage',
    ]);
  });
});
