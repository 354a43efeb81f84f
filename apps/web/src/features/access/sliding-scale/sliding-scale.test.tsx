import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe, makePatient } from '../../../test/fixtures.ts';
import { renderApp } from '../../../test/renderApp.tsx';
import { emptyBillingTab } from '../billing-routes.test-support.ts';

const patient = makePatient();
const A1 = '00000000-0000-4000-8000-000000000901';
const years = {
  items: [2025, 2026].map((year) => ({
    year,
    citation: `${year} notice`,
    contiguous: [1, 2, 3, 4, 5, 6, 7, 8],
    contiguousExtra: 1,
    alaskaOne: 1,
    alaskaExtra: 1,
    hawaiiOne: 1,
    hawaiiExtra: 1,
    source: 'shipped',
    addedAt: null,
  })),
};
const assessment = {
  id: A1,
  householdSize: 3,
  annualIncomeCents: 4_000_000,
  state: 'NC',
  year: 2026,
  guideline: 27_320,
  percentOfPoverty: 146.4,
  tierLabel: 'Tier 2',
  discountPercent: 50,
  tierSetVersion: 1,
  evidence: 'Tax return',
  approvedByName: 'Frankie Front Desk',
  approvedAt: '2026-11-06T15:00:00Z',
  expiresAt: '2027-11-06T15:00:00Z',
  status: 'active',
  enteredInErrorAt: null,
  enteredInErrorReason: null,
};

describe("the sliding scale in the chart's Billing tab", () => {
  it('shows the discount in force and records a new approved assessment', async () => {
    let list: { items: unknown[]; activeId: string | null } = { items: [], activeId: null };
    const { api, user } = await renderApp({
      me: makeMe('front_desk'),
      path: `/patients/${patient.id}/billing`,
      routes: {
        ...emptyBillingTab(patient.id),
        [`GET /api/v1/patients/${patient.id}`]: { body: patient },
        [`GET /api/v1/patients/${patient.id}/sliding-scale`]: () => ({ body: list }),
        'GET /api/v1/access/sliding-scale/guideline-years': { body: years },
        'POST /api/v1/access/sliding-scale/evaluate': {
          body: { guideline: 27_320, percentOfPoverty: 146.4, tier: 'Tier 2', discountPercent: 50 },
        },
        [`POST /api/v1/patients/${patient.id}/sliding-scale`]: () => {
          list = { items: [assessment], activeId: A1 };
          return { status: 201, body: list };
        },
      },
    });
    expect(await screen.findByText('No sliding-scale discount is in force.')).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: /Annual household income/ }), '40000');
    await user.type(screen.getByRole('combobox', { name: /^State/ }), 'North Car');
    await user.click(await screen.findByRole('option', { name: 'North Carolina' }, { timeout: 5_000 }));
    await user.clear(screen.getByRole('textbox', { name: /Household size/ }));
    await user.type(screen.getByRole('textbox', { name: /Household size/ }), '3');
    await user.type(screen.getByRole('textbox', { name: /Evidence seen/ }), 'Tax return');
    await user.click(screen.getByRole('button', { name: 'Check the tier' }));
    expect((await screen.findByRole('status')).textContent).toContain('Tier 2, 50% off');
    expect(api.calls.find((c) => c.path === '/api/v1/access/sliding-scale/evaluate')?.body).toEqual({
      householdSize: 3,
      annualIncome: 40_000,
      state: 'NC',
      year: 2026,
    });
    const save = screen.getByRole('button', { name: 'Save assessment' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    await user.click(screen.getByRole('checkbox', { name: /approve the assessment/ }));
    await user.click(save);
    expect(await screen.findByText('50% off')).toBeTruthy();
    const post = api.calls.find((c) => c.method === 'POST' && c.path.endsWith('/sliding-scale'));
    expect(post?.body).toEqual({
      householdSize: 3,
      annualIncomeCents: 4_000_000,
      state: 'NC',
      year: 2026,
      evidence: 'Tax return',
      approve: true,
    });
    expect(screen.getByText(/146.4% of the 2026 poverty guideline/)).toBeTruthy();
  });

  it('a prescriber reads it without the form', async () => {
    await renderApp({
      me: makeMe('prescriber'),
      path: `/patients/${patient.id}/billing`,
      routes: {
        ...emptyBillingTab(patient.id),
        [`GET /api/v1/patients/${patient.id}`]: { body: patient },
        [`GET /api/v1/patients/${patient.id}/sliding-scale`]: { body: { items: [assessment], activeId: A1 } },
      },
    });
    expect(await screen.findByText('50% off')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save assessment' })).toBeNull();
  });
});

describe('admin page "Sliding scale"', () => {
  it('shows the default tiers and saves an edit as a new version', async () => {
    const tiers = [
      { label: 'Tier 1', maxPercent: 100, discountPercent: 75 },
      { label: 'Tier 2', maxPercent: null, discountPercent: 0 },
    ];
    const current = {
      version: 0,
      tiers,
      assessmentValidMonths: 12,
      effectiveFrom: null,
      createdByName: null,
    };
    const { api, user } = await renderApp({
      me: makeMe('admin'),
      path: '/sliding-scale',
      routes: {
        'GET /api/v1/access/sliding-scale/tiers': { body: { current, versions: [] } },
        'GET /api/v1/access/sliding-scale/guideline-years': { body: years },
        'PUT /api/v1/access/sliding-scale/tiers': (call) => ({
          body: { ...current, ...(call.body as object), version: 1, effectiveFrom: '2026-12-06T15:00:00Z' },
        }),
      },
    });
    expect(await screen.findByText(/default tiers apply/)).toBeTruthy();
    expect(screen.getByText('2026 notice')).toBeTruthy();
    const discount = screen.getByRole('textbox', { name: 'Discount of tier 1' });
    await user.clear(discount);
    await user.type(discount, '80');
    await user.click(screen.getByRole('button', { name: 'Save as a new version' }));
    await screen.findByRole('button', { name: 'Save as a new version' });
    const put = api.calls.find((c) => c.method === 'PUT');
    expect(put?.body).toEqual({
      tiers: [
        { label: 'Tier 1', maxPercent: 100, discountPercent: 80 },
        { label: 'Tier 2', maxPercent: null, discountPercent: 0 },
      ],
      assessmentValidMonths: 12,
    });
  });
});
