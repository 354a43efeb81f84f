/** The chart's Billing tab: balance, charges and payments in dollars; recording a payment sends cents. */
import type { Charge, Payment } from '@plasticity/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe, makePatient, uuid } from '../../../test/fixtures.ts';
import { renderApp } from '../../../test/renderApp.tsx';

const patient = makePatient();
const charge: Charge = {
  id: uuid(1),
  patientId: patient.id,
  serviceDate: '2026-11-20',
  serviceKey: 'iv_infusion',
  description: 'IV ketamine infusion',
  code: '96365',
  modifiers: [],
  units: 1,
  icd10Codes: ['F33.9'],
  placeOfService: '11',
  renderingClinician: { id: uuid(2), name: 'Dr. Pat Prescriber', npi: '1245319599' },
  amountCents: 45000,
  discountPercent: 0,
  discountCents: 0,
  netCents: 45000,
  source: 'session',
  sessionId: uuid(3),
  appointmentId: null,
  createdAt: '2026-11-20T18:00:00Z',
  voided: null,
};
const payment: Payment = {
  id: uuid(4),
  patientId: patient.id,
  amountCents: 20000,
  method: 'hsa_fsa',
  receivedAt: '2026-11-20T18:05:00Z',
  reference: null,
  recordedBy: 'Frankie Front Desk',
  voided: null,
};

describe('billing tab', () => {
  it('shows the balance, charges and payments, and records a payment in cents', async () => {
    const { api, user } = await renderApp({
      me: makeMe('front_desk'),
      path: `/patients/${patient.id}/billing`,
      routes: {
        [`GET /api/v1/patients/${patient.id}`]: { body: patient },
        [`GET /api/v1/patients/${patient.id}/charges`]: { body: { items: [charge] } },
        [`GET /api/v1/patients/${patient.id}/payments`]: { body: { items: [payment] } },
        [`GET /api/v1/patients/${patient.id}/balance`]: {
          body: { chargedCents: 45000, paidCents: 20000, balanceCents: 25000 },
        },
        [`POST /api/v1/patients/${patient.id}/payments`]: () => ({ status: 201, body: payment }),
      },
    });
    const balance = await screen.findByRole('region', { name: 'Balance' }, { timeout: 10_000 });
    expect(within(balance).getByText('$250.00')).toBeTruthy();
    const charges = screen.getByRole('region', { name: 'Charges' });
    expect(within(charges).getByText('96365')).toBeTruthy();
    expect(within(charges).getAllByText('$450.00').length).toBeGreaterThan(0);
    const payments = screen.getByRole('region', { name: 'Payments' });
    expect(within(payments).getByText('HSA or FSA')).toBeTruthy();

    await user.click(within(payments).getByRole('button', { name: 'Record a payment' }));
    await user.type(within(payments).getByLabelText('Amount in dollars'), '1,250.50');
    await user.click(within(payments).getByRole('button', { name: 'Record payment' }));
    await expect.poll(() => api.callsTo('POST', `/api/v1/patients/${patient.id}/payments`).length).toBe(1);
    expect(api.callsTo('POST', `/api/v1/patients/${patient.id}/payments`)[0]?.body).toEqual({
      amountCents: 125050,
      method: 'card',
    });
  });

  it('lists prices for the admin and saves a new price in cents from a date', async () => {
    const item = {
      id: uuid(10),
      serviceKey: 'iv_infusion' as const,
      label: 'IV ketamine infusion',
      amountCents: 45000,
      effectiveFrom: '2026-01-01',
      effectiveTo: null,
    };
    const { api, user } = await renderApp({
      me: makeMe('admin'),
      path: '/admin/prices',
      routes: {
        'GET /api/v1/prices': { body: { current: [item], items: [item] } },
        'POST /api/v1/prices': () => ({ status: 201, body: { current: [item], items: [item] } }),
        'GET /api/v1/billing/clinicians': {
          body: { items: [{ id: uuid(11), name: 'Dr. Pat Prescriber', role: 'prescriber', npi: null }] },
        },
      },
    });
    const prices = await screen.findByRole('region', { name: 'Prices' }, { timeout: 10_000 });
    expect(within(prices).getByText('$450.00')).toBeTruthy();
    expect(within(prices).getByText('In force')).toBeTruthy();
    const form = screen.getByRole('region', { name: 'New price' });
    await user.type(within(form).getByLabelText('Amount in dollars'), '475');
    fireEvent.change(within(form).getByLabelText('In force from'), { target: { value: '2027-01-01' } });
    await user.click(within(form).getByRole('button', { name: 'Save price' }));
    await expect.poll(() => api.callsTo('POST', '/api/v1/prices').length).toBe(1);
    expect(api.callsTo('POST', '/api/v1/prices')[0]?.body).toEqual({
      serviceKey: 'iv_infusion',
      amountCents: 47500,
      effectiveFrom: '2027-01-01',
    });
    expect(await screen.findByRole('region', { name: 'Clinicians on superbills' })).toBeTruthy();
  });
});
