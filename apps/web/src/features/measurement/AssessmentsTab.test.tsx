import { INSTRUMENTS } from '@plasticity/clinical/instruments';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe, makePatient } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';

const patient = makePatient();
const item = (n: number, total: number, at: string) => ({
  id: `00000000-0000-4000-8000-00000000070${n}`,
  patientId: patient.id,
  instrument: 'phq9',
  instrumentVersion: '1.0.0',
  answers: [],
  total,
  severity: total >= 20 ? 'severe' : 'minimal',
  flags: [],
  missing: [],
  prorated: false,
  warnings: [],
  administeredAt: at,
  source: 'staff',
  completedVia: 'staff_entry',
  handedBy: null,
  createdAt: at,
});
const items = [item(1, 20, '2026-10-01T10:00:00Z'), item(2, 3, '2026-11-20T10:00:00Z')];
const outcome = {
  baseline: 20,
  baselineAt: items[0]?.administeredAt,
  latest: 3,
  latestAt: items[1]?.administeredAt,
  changePct: -85,
  response: true,
  remission: true,
  firstDoseAt: '2026-10-02T10:00:00Z',
  progress: 'text',
};
const empty = {
  baseline: null,
  baselineAt: null,
  latest: null,
  latestAt: null,
  changePct: null,
  response: null,
  remission: null,
  firstDoseAt: null,
  progress: null,
};

describe('Assessments chart tab', () => {
  it('shows a trend per instrument with baseline, change, response and remission; therapists cannot pick MADRS', async () => {
    const { user } = await renderApp({
      me: makeMe('therapist'),
      path: `/patients/${patient.id}/assessments`,
      routes: {
        [`GET /api/v1/patients/${patient.id}`]: { body: patient },
        'GET /api/v1/instruments': { body: { items: INSTRUMENTS } },
        [`GET /api/v1/patients/${patient.id}/assessments`]: (call) => ({
          body: call.query.get('instrument') ? { items, ...outcome } : { items, ...empty },
        }),
        [`GET /api/v1/patients/${patient.id}/measurement-schedule`]: {
          body: { items: [{ instrument: 'phq9', cadence: 'weekly' }] },
        },
      },
    });
    const trend = await screen.findByTestId('trend-phq9');
    for (const text of ['Baseline 20', 'Latest 3', 'Change -85 %', 'Response', 'Remission'])
      expect(within(trend).getByText(text)).toBeTruthy();
    await user.click(within(trend).getByRole('button', { name: 'Show the 2 scores' }));
    expect(within(trend).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByText('Check-in schedule')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Enter assessment' }));
    await user.click((await screen.findAllByLabelText('Instrument'))[0] as HTMLElement);
    expect(screen.queryByRole('option', { name: /MADRS/ })).toBeNull();
    expect(screen.getByRole('option', { name: /PHQ-9/ })).toBeTruthy();
    expect(screen.getByRole('option', { name: /C-SSRS/ })).toBeTruthy();
  }, 30_000);
});
