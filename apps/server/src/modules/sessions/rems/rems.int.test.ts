import { testBackends } from '@plasticity/db/testing/index';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';
import { at, dose, IV, newSession, readyForDosing } from '../test/fixtures.ts';

describe.each(testBackends())('SPRAVATO REMS monitoring form on %s', (backend) => {
  const h = useTestApp(backend);

  it('pre-fills from the session, exports a draft then a final PDF, and lists forms not yet submitted with their 7-day deadline', async () => {
    const c = await h.newClinic();
    let nurse = await c.login('nurse');
    const prescriber = await c.login('prescriber');
    const s = await newSession(h, c, nurse);
    expect((await nurse.get(`/api/v1/sessions/${s.id}/rems-form.pdf`)).status).toBe(409);
    await readyForDosing(h, c, nurse, s.id);
    await dose(h, prescriber, nurse, s.id, 84);
    const draft = await nurse.request('GET', `/api/v1/sessions/${s.id}/rems-form.pdf`);
    expect(draft.status).toBe(200);
    expect(draft.headers['content-type']).toBe('application/pdf');
    expect(draft.text.startsWith('%PDF')).toBe(true);
    const form = await nurse.get(`/api/v1/sessions/${s.id}/rems-form`);
    expect(form.body).toMatchObject({
      status: 'draft',
      dose: { mg: 84, category: '84', lots: ['LOT-1'] },
      firstTreatment: true,
      enrolmentConfirmed: true,
    });
    expect(form.body.patient.name).toContain('Pat');
    expect(form.body.bp.preDose).toMatchObject({ sbp: 125, dbp: 80 });
    const upd = await nurse.request('PUT', `/api/v1/sessions/${s.id}/rems-form`, {
      concomitant: { benzodiazepines: true, opioids: false },
      sedation: false,
    });
    expect(upd.status).toBe(200);
    expect(upd.body.concomitant).toEqual({ benzodiazepines: true, opioids: false });
    const early = await nurse.request('PUT', `/api/v1/sessions/${s.id}/rems-form`, { submitted: true });
    expect(early.status).toBe(409);
    const pending = await nurse.get('/api/v1/rems-forms/pending');
    expect(pending.body.items).toHaveLength(1);
    expect(Date.parse(pending.body.items[0].dueBy) - Date.parse(pending.body.items[0].treatmentDate)).toBe(
      7 * 86_400_000,
    );

    await nurse.post(`/api/v1/sessions/${s.id}/transition`, { to: 'recovery' });
    h.clock.advance(121 * 60_000);
    nurse = await c.login('nurse');
    await nurse.post(`/api/v1/sessions/${s.id}/vitals`, {
      idempotencyKey: 'end',
      readings: [{ at: at(h), sbp: 128, dbp: 80, hr: 72, spo2: 98, rr: 14 }],
    });
    await nurse.post(`/api/v1/sessions/${s.id}/observations`, { kind: 'moaas', at: at(h), score: 5 });
    await nurse.request('PUT', `/api/v1/sessions/${s.id}/discharge-assessment`, {
      gait: 'steady',
      nausea: 'controlled',
      escortPresent: true,
      sedationResolved: true,
      dissociationResolved: true,
      respiratoryDepression: false,
      readyWithoutTwoHourRuleMin: 60,
    });
    expect((await nurse.post(`/api/v1/sessions/${s.id}/transition`, { to: 'discharged' })).status).toBe(200);
    const final = await nurse.get(`/api/v1/sessions/${s.id}/rems-form`);
    expect(final.body).toMatchObject({
      status: 'final',
      totalMonitoringMin: 121,
      readyToLeaveMin: 60,
      vitalsAcceptableAtCompletion: true,
    });
    const pdf = await h.app.inject({
      method: 'GET',
      url: `/api/v1/sessions/${s.id}/rems-form.pdf`,
      headers: { cookie: nurse.cookie as string },
    });
    const doc = await PDFDocument.load(pdf.rawPayload);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toBe('SPRAVATO REMS Patient Monitoring Form');
    const sub = await nurse.request('PUT', `/api/v1/sessions/${s.id}/rems-form`, { submitted: true });
    expect(sub.body.submittedAt).not.toBeNull();
    expect((await nurse.get('/api/v1/rems-forms/pending')).body.items).toEqual([]);
    const audit = await h.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'rems_form')
      .execute();
    expect(audit.map((a) => a.action)).toContain('export');
  });

  it('does not apply to racemic ketamine sessions', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const s = await newSession(h, c, nurse, IV);
    expect((await nurse.get(`/api/v1/sessions/${s.id}/rems-form.pdf`)).status).toBe(409);
  });
});
