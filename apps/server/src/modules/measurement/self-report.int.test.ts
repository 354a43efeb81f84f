import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../test/harness.ts';
import { deliverMail, tokenIn } from '../../test/mail.ts';
import { runScheduler } from './scheduler.ts';

describe.each(testBackends())('self-report links on %s', (backend) => {
  const h = useTestApp(backend);

  it('serves the forms without record data, takes answers once, shows crisis resources', async () => {
    const c = await h.newClinic({ name: 'Linkville Clinic' });
    const nurse = await c.login('nurse');
    const made = await nurse.post(`/api/v1/patients/${c.patientId}/self-report-links`, {
      instruments: ['phq9', 'gad7'],
    });
    expect(made.status).toBe(201);
    const [mail] = await deliverMail(h, c.clinicId);
    expect(mail?.text).toMatch(/\/r\/[A-Za-z0-9_-]{43}\n/);
    const token = tokenIn(mail?.text ?? '', 'r');
    const anon = c.anonymous();
    const form = await anon.get(`/api/v1/self-report/${token}`);
    expect(form.status).toBe(200);
    expect(form.body.clinicName).toBe('Linkville Clinic');
    expect(form.body.instruments.map((i: { id: string }) => i.id)).toEqual(['phq9', 'gad7']);
    expect(form.text).not.toContain('Portal');
    expect(form.text).not.toContain(c.patientId);

    const bad = await anon.post(`/api/v1/self-report/${token}`, {
      responses: [{ instrument: 'phq9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 9] }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('body.responses[0].answers[8]');
    const notInLink = await anon.post(`/api/v1/self-report/${token}`, {
      responses: [{ instrument: 'pcl5', answers: Array(20).fill(0) }],
    });
    expect(notInLink.status).toBe(400);

    const ok = await anon.post(`/api/v1/self-report/${token}`, {
      responses: [
        { instrument: 'phq9', answers: [0, 0, 0, 0, 0, 0, 0, 0, 1] },
        { instrument: 'gad7', answers: [1, 1, 1, 1, 1, 1, 1] },
      ],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.crisis).toBe(true);
    expect(JSON.stringify(ok.body.resources)).toContain('988');
    expect(JSON.stringify(ok.body.resources)).toContain('911');
    expect(ok.body.message).toMatch(/may not be read immediately/);

    expect((await anon.get(`/api/v1/self-report/${token}`)).body.error.code).toBe('link_used');
    const again = await anon.post(`/api/v1/self-report/${token}`, {
      responses: [{ instrument: 'gad7', answers: Array(7).fill(0) }],
    });
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe('link_used');
    expect((await anon.get('/api/v1/self-report/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(
      404,
    );

    const alerts = await (await c.login('prescriber')).get('/api/v1/alerts?status=open');
    expect(alerts.body.items).toHaveLength(1);
    const list = await nurse.get(`/api/v1/patients/${c.patientId}/assessments`);
    expect(list.body.items.map((i: { source: string }) => i.source)).toEqual(['link', 'link']);
    expect(list.body.items.map((i: { completedVia: string }) => i.completedVia)).toEqual([
      'patient_link',
      'patient_link',
    ]);
  });

  it('expires after 72 hours and refuses clinician-rated forms', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    expect(
      (await nurse.post(`/api/v1/patients/${c.patientId}/self-report-links`, { instruments: ['madrs'] }))
        .status,
    ).toBe(400);
    await nurse.post(`/api/v1/patients/${c.patientId}/self-report-links`, { instruments: ['phq9'] });
    const [mail] = await deliverMail(h, c.clinicId);
    h.clock.advance(72 * 3_600_000 + 1000);
    const r = await c.anonymous().get(`/api/v1/self-report/${tokenIn(mail?.text ?? '', 'r')}`);
    expect(r.status).toBe(410);
    expect(r.body.error.code).toBe('link_expired');
  });

  it('schedules requests once per period and queues a reminder with only the first name and link', async () => {
    const c = await h.newClinic({ name: 'Schedule Clinic' });
    const nurse = await c.login('nurse');
    const put = await nurse.request('PUT', `/api/v1/patients/${c.patientId}/measurement-schedule`, {
      items: [{ instrument: 'phq9', cadence: 'weekly' }],
    });
    expect(put.status).toBe(200);
    expect((await nurse.get(`/api/v1/patients/${c.patientId}/measurement-schedule`)).body.items).toEqual([
      { instrument: 'phq9', cadence: 'weekly' },
    ]);
    expect(
      (
        await nurse.request('PUT', `/api/v1/patients/${c.patientId}/measurement-schedule`, {
          items: [{ instrument: 'madrs', cadence: 'weekly' }],
        })
      ).status,
    ).toBe(400);
    await Promise.all([runScheduler(h.built.ctx), runScheduler(h.built.ctx)]);
    await runScheduler(h.built.ctx);
    const reqs = await h.database.db
      .selectFrom('measurement_requests')
      .selectAll()
      .where('clinic_id', '=', c.clinicId)
      .execute();
    expect(reqs).toHaveLength(1);
    const outbox = await (await c.login('front_desk')).get('/api/v1/outbox');
    expect(outbox.status).toBe(200);
    expect(outbox.body.items).toHaveLength(1);
    expect(outbox.body.items[0]).toMatchObject({ kind: 'measurement_reminder', status: 'queued' });
    expect(outbox.body.items[0].body).toBeUndefined();
    const [msg] = await deliverMail(h, c.clinicId);
    expect(msg?.text).toContain('Hello Pat,');
    expect(msg?.text).not.toContain('Portal');
    expect(msg?.text).toMatch(/\/r\/[A-Za-z0-9_-]{43}/);
    expect((await nurse.get('/api/v1/outbox')).status).toBe(403);

    const patient = await c.login('patient');
    const pending = await patient.get(`/api/v1/patients/${c.patientId}/check-ins`);
    expect(pending.body.items.map((i: { instrument: string }) => i.instrument)).toEqual(['phq9']);
    expect(
      (
        await patient.post(`/api/v1/patients/${c.patientId}/assessments`, {
          instrument: 'phq9',
          answers: Array(9).fill(0),
        })
      ).status,
    ).toBe(201);
    expect((await patient.get(`/api/v1/patients/${c.patientId}/check-ins`)).body.items).toEqual([]);
  });
});
