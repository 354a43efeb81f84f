import type { Estimate, EstimateDueItem } from '@plasticity/contracts';
import { screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { makeMe, makePatient, uuid } from '../../../test/fixtures.ts';
import { renderApp } from '../../../test/renderApp.tsx';
import { emptyBillingTab } from '../billing-routes.test-support.ts';

const patient = makePatient();

const estimate = (over: Partial<Estimate> = {}): Estimate => ({
  id: uuid(800),
  patientId: patient.id,
  primaryService: 'Induction course of six IV ketamine infusions',
  scheduledOn: null,
  appointmentId: null,
  periodFrom: '2026-03-02',
  periodTo: '2026-06-01',
  trigger: 'requested',
  triggerOn: '2026-03-02',
  dueBy: '2026-03-05',
  status: 'issued',
  totalCents: 295_000,
  issuedAt: '2026-03-02T15:00:00Z',
  createdAt: '2026-03-02T15:00:00Z',
  enteredInErrorReason: null,
  lines: [],
  billedCents: 0,
  byProvider: [],
  exceedsByDisputeThreshold: false,
  ...over,
});

describe('good-faith estimates', () => {
  it('shows the $400 flag and issues an estimate for an induction course from the template', async () => {
    let items: Estimate[] = [
      estimate({
        id: uuid(801),
        billedCents: 340_000,
        byProvider: [
          {
            providerUserId: null,
            providerName: 'Plasticity Demo Clinic',
            expectedCents: 270_000,
            billedCents: 330_000,
            overByCents: 60_000,
            exceedsByDisputeThreshold: true,
          },
          {
            providerUserId: uuid(802),
            providerName: 'Dr. Rivera',
            expectedCents: 25_000,
            billedCents: 10_000,
            overByCents: -15_000,
            exceedsByDisputeThreshold: false,
          },
        ],
        exceedsByDisputeThreshold: true,
      }),
    ];
    const coverage = {
      status: 'self_pay',
      recordedAt: '2026-03-01T15:00:00Z',
      recordedByName: 'Frankie',
      estimateRequired: true,
    };
    const { api, user } = await renderApp({
      me: makeMe('front_desk'),
      path: `/patients/${patient.id}/billing`,
      routes: {
        ...emptyBillingTab(patient.id),
        // The template prices its infusions from the clinic's price list in force.
        'GET /api/v1/prices': {
          body: {
            current: [
              {
                id: uuid(950),
                serviceKey: 'iv_infusion',
                label: 'IV infusion',
                amountCents: 52_500,
                effectiveFrom: '2026-01-01',
                effectiveTo: null,
              },
            ],
            items: [],
          },
        },
        [`GET /api/v1/patients/${patient.id}`]: { body: patient },
        [`GET /api/v1/patients/${patient.id}/estimates`]: () => ({ body: { coverage, items } }),
        [`POST /api/v1/patients/${patient.id}/estimates`]: () => {
          const made = estimate();
          items = [made, ...items];
          return { status: 201, body: made };
        },
      },
    });
    const card = await screen.findByRole('region', { name: 'Good-faith estimates' }, { timeout: 10_000 });
    expect(within(card).getByText('Billed $400 or more above this estimate')).toBeTruthy();
    // Only the provider over its own expected charges is named, with the amount over.
    const over = within(card).getAllByTestId('estimate-over');
    expect(over.map((o) => o.textContent)).toEqual([
      'Plasticity Demo Clinic: billed $3,300.00 against $2,700.00 estimated, $600.00 over.',
    ]);
    expect(within(card).getByText(/owed for scheduled services/)).toBeTruthy();
    await user.click(within(card).getByRole('button', { name: 'New estimate' }));
    await user.click(await within(card).findByRole('button', { name: 'Issue estimate' }, { timeout: 5_000 }));
    await expect.poll(() => api.callsTo('POST', `/api/v1/patients/${patient.id}/estimates`).length).toBe(1);
    const body = api.callsTo('POST', `/api/v1/patients/${patient.id}/estimates`)[0]?.body as Record<
      string,
      unknown
    >;
    expect(body).toMatchObject({ trigger: 'requested', issue: true });
    expect(body.lines).toContainEqual(
      expect.objectContaining({
        serviceCode: '96365',
        quantity: 6,
        unitChargeCents: 52_500,
        diagnosisCodes: ['F33.2'],
      }),
    );
    await expect.poll(() => within(card).queryAllByTestId('estimate').length, { timeout: 5_000 }).toBe(2);
    const audit = await axe.run(card, { rules: { 'color-contrast': { enabled: false } } });
    expect(audit.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });

  it('lists what is due and marks it overdue', async () => {
    const due: EstimateDueItem[] = [
      {
        kind: 'scheduled',
        patientId: patient.id,
        patientName: `${patient.firstName} ${patient.lastName}`,
        coverage: 'uninsured',
        appointmentId: uuid(900),
        estimateId: null,
        serviceOn: '2026-03-20',
        triggerOn: '2026-03-02',
        dueBy: '2026-03-05',
        overdue: true,
      },
    ];
    await renderApp({
      me: makeMe('front_desk'),
      path: '/estimates/due',
      routes: { 'GET /api/v1/estimates/due': { body: { items: due } } },
    });
    const table = await screen.findByRole('table', { name: 'Estimates due' }, { timeout: 10_000 });
    const row = within(table).getByTestId('estimate-due-row');
    expect(within(row).getByText('Overdue')).toBeTruthy();
    expect(within(row).getByText('Visit booked, no estimate')).toBeTruthy();
    expect(within(row).getByText('Uninsured')).toBeTruthy();
    expect(within(row).getByText('2026-03-05')).toBeTruthy();
  });
});
