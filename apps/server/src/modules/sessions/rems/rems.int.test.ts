import { testBackends } from '@plasticity/db/testing/index';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';
import { flat, NAMES, pdfText } from '../../../test/pdf-text.ts';
import { at, dose, IV, newSession, readyForDosing } from '../test/fixtures.ts';

const MIN = 60_000;

/** `2026-03-02 07:44` in a zone, as the clinic reads times. */
const inZone = (iso: string, timeZone: string) => {
  const p = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const g = (t: string) => p.find((x) => x.type === t)?.value;
  return `${g('year')}-${g('month')}-${g('day')} ${g('hour')}:${g('minute')}`;
};

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
      enrolment: {
        patientEnrolmentId: 'PT-778899',
        enrolledOn: '2024-06-03',
        settingCertificationId: 'HCS-0042-TEST',
        settingCertifiedOn: '2024-01-15',
      },
    });
    expect(form.body.patient.name).toContain('Pat');
    expect(form.body.bp.preDose).toMatchObject({ sbp: 125, dbp: 80 });
    const upd = await nurse.request('PUT', `/api/v1/sessions/${s.id}/rems-form`, {
      concomitant: { benzodiazepines: true, opioids: false },
      sedation: false,
    });
    expect(upd.status).toBe(200);
    expect(upd.body.concomitant).toEqual({
      benzodiazepines: true,
      nonBenzodiazepineHypnotics: null,
      psychostimulants: null,
      maois: null,
      opioids: false,
    });
    const more = await nurse.request('PUT', `/api/v1/sessions/${s.id}/rems-form`, {
      concomitant: { maois: false },
    });
    expect(more.body.concomitant).toMatchObject({ benzodiazepines: true, maois: false, opioids: false });
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

  it('takes the BP about 40 minutes after the dose from 30–50 minutes after the first device, in the clinic’s zone', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const zone = 'America/Los_Angeles';
    expect((await admin.request('PATCH', '/api/v1/clinic/settings', { timeZone: zone })).status).toBe(200);
    let nurse = await c.login('nurse');
    const prescriber = await c.login('prescriber');
    const s = await newSession(h, c, nurse);
    await readyForDosing(h, c, nurse, s.id);
    const doseAt = at(h);
    await dose(h, prescriber, nurse, s.id, 56);
    h.clock.advance(61 * MIN);
    nurse = await c.login('nurse');
    // Readings at 20, 35, 44 and 60 minutes: 44 is closest to 40 (35 is 5 min away, 44 is 4).
    const reading = (min: number, sbp: number) => ({
      at: new Date(Date.parse(doseAt) + min * MIN).toISOString(),
      sbp,
      dbp: 80,
      hr: 72,
      spo2: 98,
      rr: 14,
    });
    const up = await nurse.post(`/api/v1/sessions/${s.id}/vitals`, {
      idempotencyKey: 'window',
      readings: [reading(20, 150), reading(35, 135), reading(44, 144), reading(60, 160)],
    });
    expect(up.status).toBe(201);
    const form = await nurse.get(`/api/v1/sessions/${s.id}/rems-form`);
    expect(form.status).toBe(200);
    const at44 = reading(44, 144).at;
    expect(form.body.bp.at40Min).toEqual({
      at: at44,
      atLocal: inZone(at44, zone),
      sbp: 144,
      dbp: 80,
      minutesAfterFirstDevice: 44,
      source: 'manual',
      confirmed: true,
    });
    expect(form.body.flags).toEqual([]);
    expect(form.body.timeZone).toBe(zone);
    expect(form.body.firstDeviceAtLocal).toBe(inZone(doseAt, zone));
    expect(form.body.treatmentDate).toBe(inZone(doseAt, zone).slice(0, 10));
    expect(form.body.generatedAtLocal).toBe(inZone(h.clock.now().toISOString(), zone));

    const pdf = await h.app.inject({
      method: 'GET',
      url: `/api/v1/sessions/${s.id}/rems-form.pdf`,
      headers: { cookie: nurse.cookie as string },
    });
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain(`144/80 mmHg at ${inZone(at44, zone)} (44 min after first device)`);
    expect(text).toContain(`times in ${zone}`);
    expect(text).toContain('PT-778899 (enrolled 2024-06-03)');
    expect(text).not.toContain(at44);
  });

  it('leaves the 40-minute BP blank and flagged when no reading falls 30–50 minutes after the first device', async () => {
    const c = await h.newClinic();
    let nurse = await c.login('nurse');
    const prescriber = await c.login('prescriber');
    const s = await newSession(h, c, nurse);
    await readyForDosing(h, c, nurse, s.id);
    const doseAt = Date.parse(at(h));
    await dose(h, prescriber, nurse, s.id, 56);
    h.clock.advance(61 * MIN);
    nurse = await c.login('nurse');
    await nurse.post(`/api/v1/sessions/${s.id}/vitals`, {
      idempotencyKey: 'outside',
      readings: [5, 29, 51, 60].map((m) => ({
        at: new Date(doseAt + m * MIN).toISOString(),
        sbp: 130,
        dbp: 80,
      })),
    });
    const form = await nurse.get(`/api/v1/sessions/${s.id}/rems-form`);
    expect(form.body.bp.at40Min).toBeNull();
    expect(form.body.flags).toEqual([
      { field: 'bp.at40Min', message: 'no blood pressure recorded 30–50 minutes after the first device' },
    ]);
    const pdf = await h.app.inject({
      method: 'GET',
      url: `/api/v1/sessions/${s.id}/rems-form.pdf`,
      headers: { cookie: nurse.cookie as string },
    });
    expect(pdfText(pdf.rawPayload)).toContain(
      '- (no blood pressure recorded 30–50 minutes after the first device)',
    );
  });

  it('prints names in any script and values longer than a line whole: wrapped, never cut', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const prescriber = await c.login('prescriber');
    const s = await newSession(h, c, nurse);
    await readyForDosing(h, c, nurse, s.id);
    await dose(h, prescriber, nurse, s.id, 56);
    const address = `Suite 4, ${'Building Łódź '.repeat(8)}end of the address`;
    expect(address.length).toBeGreaterThan(90);
    const events = `${NAMES.join(' / ')}: ${'no serious adverse event observed; '.repeat(5)}end.`;
    for (const name of NAMES) {
      const [first, ...rest] = name.split(' ');
      await h.database.db
        .updateTable('patients')
        .set({ first_name: first as string, last_name: rest.join(' ') })
        .where('id', '=', c.patientId)
        .execute();
      const upd = await nurse.request('PUT', `/api/v1/sessions/${s.id}/rems-form`, {
        settingAddress: address,
        seriousAdverseEvents: events,
        monitoringClinician: { name },
      });
      expect(upd.status).toBe(200);
      const pdf = await h.app.inject({
        method: 'GET',
        url: `/api/v1/sessions/${s.id}/rems-form.pdf`,
        headers: { cookie: nurse.cookie as string },
      });
      const lines = pdfText(pdf.rawPayload)
        .split('\n')
        .map((l) => l.trim());
      expect(lines).toContain(name);
      expect(flat(lines.join(' '))).toContain(flat(address));
      for (const n of NAMES) expect(lines.join('\n')).toContain(n);
      expect(flat(lines.join(' '))).toContain(flat(events.slice(events.indexOf(':'))));
    }
  });

  it('does not apply to racemic ketamine sessions', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const s = await newSession(h, c, nurse, IV);
    expect((await nurse.get(`/api/v1/sessions/${s.id}/rems-form.pdf`)).status).toBe(409);
  });
});
