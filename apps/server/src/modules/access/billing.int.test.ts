/**
 * Billing through the API: prices are never changed in place (a new price is a new row, the old one ends the day
 * before); a discharged esketamine session is charged in the discharge transaction (G2083 above 56 mg, with the
 * plan's diagnosis and the price in force); staff add and void charges with a reason, record and void payments;
 * the balance follows; the superbill and receipt PDFs hold codes, NPI, TIN and amounts as text; roles and bad
 * input are refused without writing.
 */
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import type { TestApp, TestClinic } from '../../test/harness.ts';
import { useTestApp } from '../../test/harness.ts';
import { flat, pdfText } from '../../test/pdf-text.ts';
import { book, slot } from '../scheduling/appointments/test/fixtures.ts';
import { dose, ESK, newSession, readyForDosing } from '../sessions/test/fixtures.ts';

const NPI = '1245319599';
const TIN = '12-3456789';

async function setIdentity(c: TestClinic) {
  const admin = await c.login('admin');
  const r = await admin.request('PATCH', '/api/v1/clinic/settings', { npi: NPI, tin: TIN });
  expect(r.status, r.text).toBe(200);
  const bad = await admin.request('PUT', `/api/v1/billing/clinicians/${c.users.prescriber.id}/npi`, {
    npi: '1234567890',
  });
  expect(bad.status).toBe(400);
  expect(bad.body.error.details[0].field).toBe('body.npi');
  const set = await admin.request('PUT', `/api/v1/billing/clinicians/${c.users.prescriber.id}/npi`, {
    npi: '1234567893',
  });
  expect(set.status, set.text).toBe(200);
  expect(set.body.npi).toBe('1234567893');
  const notClinician = await admin.request('PUT', `/api/v1/billing/clinicians/${c.users.admin.id}/npi`, {
    npi: null,
  });
  expect(notClinician.status).toBe(404);
  const list = await admin.get('/api/v1/billing/clinicians');
  expect(list.body.items.map((u: { npi: string | null }) => u.npi)).toContain('1234567893');
}

const today = (h: TestApp) => h.clock.now().toISOString().slice(0, 10);

describe.each(testBackends())('billing on %s', (backend) => {
  const h = useTestApp(backend);

  it('keeps every price: a new price is a new row and the old one ends the day before', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    const first = await admin.post('/api/v1/prices', {
      serviceKey: 'iv_infusion',
      amountCents: 45000,
      effectiveFrom: '2025-01-01',
    });
    expect(first.status, first.text).toBe(201);
    const second = await admin.post('/api/v1/prices', {
      serviceKey: 'iv_infusion',
      amountCents: 47500,
      effectiveFrom: '2026-01-01',
    });
    expect(second.status, second.text).toBe(201);
    const items = second.body.items.filter((i: { serviceKey: string }) => i.serviceKey === 'iv_infusion');
    expect(
      items.map((i: { amountCents: number; effectiveTo: string | null }) => [i.amountCents, i.effectiveTo]),
    ).toEqual([
      [47500, null],
      [45000, '2025-12-31'],
    ]);
    const stale = await admin.post('/api/v1/prices', {
      serviceKey: 'iv_infusion',
      amountCents: 1,
      effectiveFrom: '2025-06-01',
    });
    expect(stale.status).toBe(400);
    expect(stale.body.error.details[0].field).toBe('body.effectiveFrom');
    const bad = await admin.post('/api/v1/prices', {
      serviceKey: 'iv_infusion',
      amountCents: -1,
      effectiveFrom: '2026-02-30',
    });
    expect(bad.status).toBe(400);
    const fields = bad.body.error.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['body.amountCents', 'body.effectiveFrom']);
    const frontDesk = await c.login('front_desk');
    expect(
      (
        await frontDesk.post('/api/v1/prices', {
          serviceKey: 'iv_infusion',
          amountCents: 1,
          effectiveFrom: '2027-01-01',
        })
      ).status,
    ).toBe(403);
    const list = await frontDesk.get('/api/v1/prices');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(2);
  });

  it('charges a discharged session in the discharge transaction, then payments, voids, balance and PDFs', async () => {
    const c = await h.newClinic();
    await setIdentity(c);
    const admin = await c.login('admin');
    await admin.post('/api/v1/prices', {
      serviceKey: 'spravato_session',
      amountCents: 60000,
      effectiveFrom: '2020-01-01',
    });
    const prescriber = await c.login('prescriber');
    const nurse = await c.login('nurse');
    const s = await newSession(h, c, nurse, ESK);
    await readyForDosing(h, c, nurse, s.id);
    await dose(h, prescriber, nurse, s.id, 84);
    expect((await nurse.post(`/api/v1/sessions/${s.id}/transition`, { to: 'recovery' })).status).toBe(200);
    const out = await prescriber.post(`/api/v1/sessions/${s.id}/transition`, {
      to: 'discharged',
      overrideReason: 'observed on paper for this test',
    });
    expect(out.status, out.text).toBe(200);

    const frontDesk = await c.login('front_desk');
    const charges = await frontDesk.get(`/api/v1/patients/${c.patientId}/charges`);
    expect(charges.status).toBe(200);
    expect(charges.body.items).toHaveLength(1);
    expect(charges.body.items[0]).toMatchObject({
      code: 'G2083',
      units: 1,
      serviceKey: 'spravato_session',
      source: 'session',
      sessionId: s.id,
      amountCents: 60000,
      discountCents: 0,
      netCents: 60000,
      placeOfService: '11',
      renderingClinician: { id: c.users.prescriber.id, npi: '1234567893' },
    });

    const added = await frontDesk.post(`/api/v1/patients/${c.patientId}/charges`, {
      serviceDate: today(h),
      serviceKey: 'integration_session',
      code: '90837',
      icd10Codes: ['F33.1'],
      amountCents: 15000,
      renderingUserId: c.users.therapist.id,
    });
    expect(added.status, added.text).toBe(201);
    const noPrice = await frontDesk.post(`/api/v1/patients/${c.patientId}/charges`, {
      serviceDate: today(h),
      serviceKey: 'therapy_session',
      code: '90834',
    });
    expect(noPrice.status).toBe(400);
    expect(noPrice.body.error.details[0].field).toBe('body.amountCents');
    const badCode = await frontDesk.post(`/api/v1/patients/${c.patientId}/charges`, {
      serviceDate: today(h),
      serviceKey: 'therapy_session',
      code: '9',
      icd10Codes: ['depressed'],
      amountCents: 100,
    });
    expect(badCode.status).toBe(400);
    expect(badCode.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'body.code',
      'body.icd10Codes[0]',
    ]);

    const paid = await frontDesk.post(`/api/v1/patients/${c.patientId}/payments`, {
      amountCents: 50000,
      method: 'hsa_fsa',
      reference: 'HSA card',
    });
    expect(paid.status, paid.text).toBe(201);
    const wrong = await frontDesk.post(`/api/v1/patients/${c.patientId}/payments`, {
      amountCents: 999,
      method: 'cash',
    });
    expect(wrong.status).toBe(201);
    const badMethod = await frontDesk.post(`/api/v1/patients/${c.patientId}/payments`, {
      amountCents: 1,
      method: 'bitcoin',
    });
    expect(badMethod.status).toBe(400);
    expect(badMethod.body.error.details[0].field).toBe('body.method');

    const voidPay = await frontDesk.post(`/api/v1/patients/${c.patientId}/payments/${wrong.body.id}/void`, {
      reason: 'Entered twice',
    });
    expect(voidPay.status).toBe(200);
    expect(voidPay.body.voided.reason).toBe('Entered twice');
    expect(
      (
        await frontDesk.post(`/api/v1/patients/${c.patientId}/payments/${wrong.body.id}/void`, {
          reason: 'again',
        })
      ).status,
    ).toBe(409);
    const noReason = await frontDesk.post(
      `/api/v1/patients/${c.patientId}/charges/${added.body.id}/void`,
      {},
    );
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.details[0].field).toBe('body.reason');

    let balance = await frontDesk.get(`/api/v1/patients/${c.patientId}/balance`);
    expect(balance.body).toEqual({ chargedCents: 75000, paidCents: 50000, balanceCents: 25000 });
    const voided = await prescriber.post(`/api/v1/patients/${c.patientId}/charges/${added.body.id}/void`, {
      reason: 'Visit not held',
    });
    expect(voided.status).toBe(200);
    expect(voided.body.netCents).toBe(0);
    balance = await frontDesk.get(`/api/v1/patients/${c.patientId}/balance`);
    expect(balance.body).toEqual({ chargedCents: 60000, paidCents: 50000, balanceCents: 10000 });

    const d = today(h);
    const superbill = await h.app.inject({
      method: 'GET',
      url: `/api/v1/patients/${c.patientId}/superbill.pdf?from=2020-01-01&to=${d.slice(0, 4)}-12-31`,
      headers: { cookie: prescriber.cookie as string },
    });
    expect(superbill.statusCode).toBe(200);
    expect(superbill.headers['content-type']).toContain('application/pdf');
    const text = flat(pdfText(superbill.rawPayload));
    for (const want of [
      'G2083',
      'NPI1245319599',
      'TIN12-3456789',
      '1234567893',
      '$600.00',
      '$500.00',
      'F33.9',
      'Provider signature',
    ]) {
      expect(text).toContain(flat(want));
    }
    expect(text).not.toContain('90837');

    const receipt = await h.app.inject({
      method: 'GET',
      url: `/api/v1/payments/${paid.body.id}/receipt.pdf`,
      headers: { cookie: frontDesk.cookie as string },
    });
    expect(receipt.statusCode).toBe(200);
    const r = flat(pdfText(receipt.rawPayload));
    for (const want of ['$500.00', 'HSA or FSA', 'NPI 1245319599', '$100.00'])
      expect(r).toContain(flat(want));

    const exports = await h.database.db
      .selectFrom('audit_log')
      .select(['resource_type', 'action'])
      .where('clinic_id', '=', c.clinicId)
      .where('action', '=', 'export')
      .execute();
    expect(exports.map((e) => e.resource_type).sort()).toEqual(['payment', 'superbill']);
  });

  it('charges a visit at check-in by its booked length, once', async () => {
    const c = await h.newClinic();
    const admin = await c.login('admin');
    await admin.post('/api/v1/prices', {
      serviceKey: 'consultation',
      amountCents: 35000,
      effectiveFrom: '2020-01-01',
    });
    const desk = await c.login('front_desk');
    const booked = await book(desk, { patientId: c.patientId, type: 'consultation', start: slot(h, 1, 15) });
    expect(booked.status, booked.text).toBe(201);
    // The default consultation is 60 minutes: a new patient's 99205 (CPT office E/M by time).
    expect((Date.parse(booked.body.end) - Date.parse(booked.body.start)) / 60_000).toBe(60);
    expect((await desk.post(`/api/v1/appointments/${booked.body.id}/check-in`)).status).toBe(200);
    const charges = (await desk.get(`/api/v1/patients/${c.patientId}/charges`)).body.items;
    expect(charges).toHaveLength(1);
    expect(charges[0]).toMatchObject({
      code: '99205',
      source: 'visit',
      appointmentId: booked.body.id,
      amountCents: 35000,
    });
  });

  it('refuses the superbill to other roles, bad ranges, and another clinic', async () => {
    const c = await h.newClinic();
    const other = await h.newClinic();
    const url = (id: string, q: string) => `/api/v1/patients/${id}/superbill.pdf?${q}`;
    const nurse = await c.login('nurse');
    expect((await nurse.get(url(c.patientId, 'from=2026-01-01&to=2026-02-01'))).status).toBe(403);
    const frontDesk = await c.login('front_desk');
    const missing = await frontDesk.get(url(c.patientId, 'from=2026-01-01'));
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].field).toBe('querystring.to');
    const reversed = await frontDesk.get(url(c.patientId, 'from=2026-02-01&to=2026-01-01'));
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.details[0].field).toBe('querystring.to');
    expect((await frontDesk.get(url(other.patientId, 'from=2026-01-01&to=2026-02-01'))).status).toBe(404);
    const admin = await c.login('admin');
    const ok = await admin.get(url(c.patientId, 'from=2026-01-01&to=2026-02-01'));
    expect(ok.status).toBe(200);
  });
});
