/**
 * Times are shown in the clinic's time zone, whatever the browser's (the test machine runs in UTC; the
 * clinic here is in Los Angeles), in the one format: `2026-11-27 06:30` / `06:30`.
 */
import type { PatientSessionList } from '@plasticity/contracts';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CLINIC, makeMe, makePatient } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';
import { formatDateTime, formatTime } from '../../ui/format.ts';
import { makeSession, SID } from './testSession.ts';

const LA = { ...CLINIC, timeZone: 'America/Los_Angeles' };
const me = makeMe('nurse', { clinic: LA });
const patient = makePatient();

describe('formatDateTime / formatTime', () => {
  it('use the zone given, not the machine’s', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).not.toBe('America/Los_Angeles');
    expect(formatDateTime('2026-11-27T14:30:00Z', 'America/Los_Angeles')).toBe('2026-11-27 06:30');
    expect(formatDateTime('2026-11-27T14:30:09Z', 'America/Los_Angeles', true)).toBe('2026-11-27 06:30:09');
    expect(formatTime('2026-11-27T14:30:00Z', 'America/Los_Angeles')).toBe('06:30');
    expect(formatDateTime('2026-11-27T14:30:00Z', 'UTC')).toBe('2026-11-27 14:30');
    expect(formatDateTime(null, 'UTC')).toBe('—');
  });
});

const list: PatientSessionList = {
  items: [
    {
      id: SID,
      scheduledAt: '2026-11-27T14:00:00.000Z',
      status: 'discharged',
      chair: '4',
      protocol: {
        id: 'p',
        version: 1,
        name: 'Intranasal esketamine',
        drug: 'esketamine',
        route: 'intranasal',
      },
      planId: null,
      doseStartedAt: '2026-11-27T14:30:00.000Z',
      dischargedAt: '2026-11-27T16:45:00.000Z',
      doses: [
        { drug: 'esketamine', route: 'intranasal', doseMg: '56', startedAt: '2026-11-27T14:30:00.000Z' },
      ],
      totalDoseMg: '56',
      given: true,
      alerts: { total: 2, open: 0 },
    },
    {
      id: '00000000-0000-4000-8000-000000000702',
      scheduledAt: '2026-12-04T15:00:00.000Z',
      status: 'cancelled',
      chair: '2',
      protocol: {
        id: 'p',
        version: 1,
        name: 'Intranasal esketamine',
        drug: 'esketamine',
        route: 'intranasal',
      },
      planId: null,
      doseStartedAt: null,
      dischargedAt: null,
      doses: [],
      totalDoseMg: null,
      given: false,
      alerts: { total: 0, open: 0 },
    },
  ],
};

describe('chart: Sessions tab', () => {
  it('lists every session with its date in the clinic zone, protocol, dose, alerts and discharge', async () => {
    await renderApp({
      me,
      path: `/patients/${patient.id}/sessions`,
      routes: {
        [`GET /api/v1/patients/${patient.id}`]: { body: patient },
        [`GET /api/v1/patients/${patient.id}/sessions`]: { body: list },
      },
    });
    const rows = await screen.findAllByTestId('patient-session');
    expect(rows).toHaveLength(2);
    const cells = within(rows[0] as HTMLElement)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual([
      '2026-11-27 06:30',
      'Intranasal esketamine',
      '56 mg esketamine intranasal',
      '2',
      '2026-11-27 08:45',
      'Discharged',
    ]);
    const second = within(rows[1] as HTMLElement)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(second).toEqual(['2026-12-04 07:00', 'Intranasal esketamine', 'None', 'None', '—', 'Canceled']);
    expect(screen.getByText(/2 sessions, 1 given/)).toBeTruthy();
  });
});

describe('session page', () => {
  it('shows times in the clinic zone and who acknowledged an alert, and when', async () => {
    const session = makeSession(25, {
      scheduledAt: '2026-11-27T14:00:00.000Z',
      alerts: [
        {
          id: '00000000-0000-4000-8000-000000000901',
          patientId: patient.id,
          kind: 'vital_sign',
          severity: 'high',
          title: 'SpO2 88 below threshold 92 (chair 3)',
          sourceType: 'dosing_session',
          sourceId: SID,
          parameter: 'spo2',
          value: '88',
          status: 'acknowledged',
          assignedTo: [],
          escalatedAt: null,
          createdAt: '2026-11-27T14:40:00.000Z',
          ackBy: '00000000-0000-4000-8000-000000000002',
          ackByName: 'Nora Nurse',
          ackAt: '2026-11-27T14:42:00.000Z',
          ackNote: 'repositioned; SpO2 96',
        },
      ],
    });
    await renderApp({
      me,
      path: `/sessions/${SID}`,
      routes: { [`GET /api/v1/sessions/${SID}`]: { body: session } },
    });
    expect(await screen.findByText(/scheduled 06:00/)).toBeTruthy();
    expect((await screen.findByTestId('session-alert-acknowledged')).textContent).toBe(
      'SpO₂ 88 — acknowledged by Nora Nurse at 2026-11-27 06:42: repositioned; SpO2 96',
    );
  });
});
