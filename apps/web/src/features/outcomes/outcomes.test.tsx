/** The outcomes dashboard: suppressed figures read as words, filters reach the query, CSV download, axe. */
import type { OutcomesReport } from '@plasticity/contracts';
import { screen, waitFor } from '@testing-library/react';
import axe from 'axe-core';
import { describe, expect, it, vi } from 'vitest';
import { makeMe } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';

const share = (n: number | '<11', rate: number | null) => ({ n, rate });

const report: OutcomesReport = {
  patients: 48,
  sessions: 240,
  response: share(20, 0.476),
  remission: share('<11', null),
  evaluable: { response: 42, remission: 42 },
  timePoints: [
    {
      key: 'end_of_induction',
      evaluableResponse: 40,
      response: share(18, 0.45),
      evaluableRemission: 40,
      remission: share('<11', null),
    },
    {
      key: 'month_3',
      evaluableResponse: 0,
      response: share(0, null),
      evaluableRemission: 0,
      remission: share(0, null),
    },
    {
      key: 'month_6',
      evaluableResponse: 0,
      response: share(0, null),
      evaluableRemission: 0,
      remission: share(0, null),
    },
  ],
  timeToResponse: { n: 20, medianDays: 12 },
  measurementCompletion: { due: 100, completed: 90, rate: 0.9 },
  adverseEvents: { n: '<11', per100Sessions: null },
  alerts: { n: 12, per100Sessions: 5 },
  dropout: share(12, 0.25),
  distribution: [
    { category: 'response', n: 20 },
    { category: 'partial', n: 11 },
    { category: 'none', n: 11 },
  ],
  trajectory: Array.from({ length: 27 }, (_, week) => ({
    week,
    patients: week < 5 ? 30 : '<11',
    meanChangePct: week < 5 ? -10 * week : null,
  })),
  minCellSize: 11,
  instruments: ['phq9'],
  from: null,
  to: null,
};

async function openDashboard() {
  return renderApp({
    me: makeMe('prescriber'),
    path: '/outcomes',
    routes: {
      'GET /api/v1/outcomes': { body: report },
      'GET /api/v1/outcomes.csv': { text: 'measure,time_point,count,rate\r\n', contentType: 'text/csv' },
      'GET /api/v1/protocols': { body: { items: [] } },
    },
  });
}

describe('outcomes dashboard', () => {
  it('shows the figures, suppressed ones as words, and filters to IV ketamine for depression', async () => {
    const { api, user } = await openDashboard();
    expect(await screen.findByText('Patients treated')).toBeTruthy();
    expect(screen.getByText('47.6 %')).toBeTruthy();
    expect(screen.getAllByText(/Fewer than 11/).length).toBeGreaterThan(0);
    await user.click(screen.getByRole('combobox', { name: 'Indication' }));
    await user.click(
      await screen.findByRole('option', { name: 'Depression (all forms)' }, { timeout: 5_000 }),
    );
    await user.click(screen.getByRole('combobox', { name: 'Route' }));
    await user.click(await screen.findByRole('option', { name: 'IV' }, { timeout: 5_000 }));
    await waitFor(() =>
      expect(
        api
          .callsTo('GET', '/api/v1/outcomes')
          .some((c) => c.query.get('indication') === 'depression' && c.query.get('route') === 'iv'),
      ).toBe(true),
    );
  });

  it('downloads the CSV with the same filters', async () => {
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:outcomes');
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const { api, user } = await openDashboard();
    await screen.findByText('Patients treated');
    await user.click(screen.getByRole('button', { name: 'Download CSV' }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(api.callsTo('GET', '/api/v1/outcomes.csv')).toHaveLength(1);
    expect(clicked[0]?.download).toBe('outcomes.csv');
  });

  it('has no axe violations', async () => {
    await openDashboard();
    await screen.findByText('Patients treated');
    const main = document.querySelector('main') ?? document.body;
    const audit = await axe.run(main, { rules: { 'color-contrast': { enabled: false } } });
    expect(audit.violations.map((v) => v.id)).toEqual([]);
  });
});
