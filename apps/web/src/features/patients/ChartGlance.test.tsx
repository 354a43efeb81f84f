import type { ChartSummary } from '@plasticity/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeMe, makePatient } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';

const patient = makePatient();
const summary: ChartSummary = {
  patient,
  openAlertCount: 2,
  openAlerts: [
    {
      id: '00000000-0000-4000-8000-000000000701',
      kind: 'suicide_risk',
      severity: 'high',
      title: 'Suicide risk: PHQ-9 item 9 answered above 0',
      createdAt: '2026-12-04T15:00:00.000Z',
    },
  ],
  activePlan: {
    id: '00000000-0000-4000-8000-000000000702',
    protocolName: 'IV ketamine for TRD',
    route: 'iv',
    drug: 'ketamine',
    plannedSessions: 6,
    activatedAt: '2026-11-20T15:00:00.000Z',
  },
  latestScores: [
    { instrument: 'phq9', total: 14, severity: 'moderate', administeredAt: '2026-12-04T15:00:00.000Z' },
  ],
  recentSessions: [
    {
      id: '00000000-0000-4000-8000-000000000703',
      // 03:30 UTC on Dec 5 is still Dec 4 in the clinic's zone (America/Chicago).
      scheduledAt: '2026-12-05T03:30:00.000Z',
      status: 'discharged',
      chair: 'Chair 2',
      protocolName: 'IV ketamine for TRD',
      route: 'iv',
      totalDoseMg: '35.5',
      dischargedAt: '2026-12-05T05:30:00.000Z',
    },
  ],
};

describe('chart glance', () => {
  it('shows a nurse the open alerts, the plan, the latest score and the last session in clinic time', async () => {
    const { api } = await renderApp({
      me: makeMe('nurse'),
      path: `/patients/${patient.id}`,
      routes: {
        [`GET /api/v1/patients/${patient.id}`]: { body: patient },
        [`GET /api/v1/patients/${patient.id}/chart-summary`]: { body: summary },
      },
    });
    const glance = await screen.findByRole('group', { name: 'At a glance' });
    expect(within(glance).getByText(/2 open · High: Suicide risk/)).toBeTruthy();
    expect(within(glance).getByText('IV ketamine for TRD (IV, 6 sessions)')).toBeTruthy();
    expect(within(glance).getByText(/PHQ-9 14 \(moderate\), 2026-12-04/)).toBeTruthy();
    expect(within(glance).getByText('2026-12-04, Discharged, 35.5 mg')).toBeTruthy();
    expect(api.callsTo('GET', `/api/v1/patients/${patient.id}/chart-summary`)).toHaveLength(1);
  });

  it('says plainly when there is nothing yet', async () => {
    await renderApp({
      me: makeMe('therapist'),
      path: `/patients/${patient.id}`,
      routes: {
        [`GET /api/v1/patients/${patient.id}`]: { body: patient },
        [`GET /api/v1/patients/${patient.id}/chart-summary`]: {
          body: {
            patient,
            openAlertCount: 0,
            openAlerts: [],
            activePlan: null,
            latestScores: [],
            recentSessions: [],
          },
        },
      },
    });
    const glance = await screen.findByRole('group', { name: 'At a glance' });
    expect(glance.textContent).toBe(
      'Open alerts NonePlan No active planLatest scores None yetLast session None yet',
    );
  });

  it('is not asked for by the front desk', async () => {
    const { api } = await renderApp({
      me: makeMe('front_desk'),
      path: `/patients/${patient.id}`,
      routes: { [`GET /api/v1/patients/${patient.id}`]: { body: patient } },
    });
    await screen.findByRole('heading', { name: /Lovelace, Ada/ });
    expect(screen.queryByRole('group', { name: 'At a glance' })).toBeNull();
    expect(api.callsTo('GET', `/api/v1/patients/${patient.id}/chart-summary`)).toHaveLength(0);
  });
});
