import { act, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeMe } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';

const SID = '00000000-0000-4000-8000-000000000701';
const vital = (i: number, spo2: number) => ({
  id: `00000000-0000-4000-8000-00000000080${i}`,
  at: `2026-11-27T15:0${i}:00Z`,
  sbp: 120,
  dbp: 80,
  hr: 70 + i,
  spo2,
  rr: 14,
  etco2: null,
  tempC: null,
});
const ALERT = {
  id: '00000000-0000-4000-8000-000000000901',
  patientId: '00000000-0000-4000-8000-000000000500',
  kind: 'vital_sign',
  severity: 'high',
  title: 'SpO2 88 below threshold 92 (chair 3)',
  sourceType: 'dosing_session',
  sourceId: SID,
  parameter: 'spo2',
  value: '88',
  status: 'open',
  assignedTo: [],
  escalatedAt: null,
  createdAt: '2026-11-27T15:03:00Z',
  ackBy: null,
  ackByName: null,
  ackAt: null,
  ackNote: null,
};
const board = (alerts: unknown[]) => ({
  now: '2026-11-27T15:05:00Z',
  lastEventId: 10,
  closedVisibleMin: 30,
  sessions: [
    {
      id: SID,
      chair: '3',
      patient: { id: ALERT.patientId, firstName: 'Ada', lastName: 'Lovelace', mrn: 'MRN-1' },
      protocol: { id: 'p', name: 'IV ketamine', drug: 'ketamine', route: 'iv', cadenceMin: 15 },
      status: 'monitoring',
      scheduledAt: '2026-11-27T14:30:00Z',
      phaseSince: '2026-11-27T14:50:00Z',
      doseStartedAt: '2026-11-27T14:45:00Z',
      dischargedAt: null,
      dose: null,
      observations: null,
      latestVitals: vital(3, 88),
      trend: [vital(1, 97), vital(2, 93), vital(3, 88)],
      alerts,
    },
  ],
});

/** A controllable stand-in for the browser's EventSource. */
class FakeEventSource {
  static last: FakeEventSource | undefined;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  listeners = new Map<string, (e: MessageEvent) => void>();
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(kind: string, fn: (e: MessageEvent) => void) {
    this.listeners.set(kind, fn);
  }
  emit(kind: string, data: unknown) {
    this.listeners.get(kind)?.(new MessageEvent(kind, { data: JSON.stringify(data), lastEventId: '11' }));
  }
  close() {}
}

describe('live board', () => {
  beforeEach(() => vi.stubGlobal('EventSource', FakeEventSource));
  afterEach(() => vi.unstubAllGlobals());

  it('shows chairs with vitals and alerts, updates on an SSE alert without reload, and shows a stale banner while disconnected', async () => {
    let alerts: unknown[] = [];
    await renderApp({
      me: makeMe('nurse'),
      path: '/board',
      routes: { 'GET /api/v1/board': () => ({ body: board(alerts) }) },
    });
    const card = await screen.findByTestId('chair-3');
    expect(within(card).getByText('Ada L.')).toBeTruthy();
    expect(within(card).getByText('Monitoring')).toBeTruthy();
    expect(within(card).queryByTestId('board-alert')).toBeNull();
    expect(FakeEventSource.last?.url).toBe('/api/v1/board/events');

    alerts = [ALERT];
    await act(async () =>
      FakeEventSource.last?.emit('alert', { sessionId: SID, parameter: 'spo2', value: 88, status: 'open' }),
    );
    expect(await within(await screen.findByTestId('chair-3')).findByTestId('board-alert')).toBeTruthy();

    await act(async () => FakeEventSource.last?.onerror?.());
    expect(await screen.findByText('Live updates interrupted')).toBeTruthy();
    await act(async () => FakeEventSource.last?.onopen?.());
    expect(screen.queryByText('Live updates interrupted')).toBeNull();
  });

  it('refetches the board when the server says resync (its database connection came back)', async () => {
    let alerts: unknown[] = [];
    let fetches = 0;
    await renderApp({
      me: makeMe('nurse'),
      path: '/board',
      routes: {
        'GET /api/v1/board': () => {
          fetches += 1;
          return { body: board(alerts) };
        },
      },
    });
    const card = await screen.findByTestId('chair-3');
    expect(within(card).queryByTestId('board-alert')).toBeNull();
    const before = fetches;
    // The alert was raised while the server's LISTEN connection was down: no alert event ever comes.
    alerts = [ALERT];
    await act(async () => FakeEventSource.last?.emit('resync', { reason: 'reconnected' }));
    expect(await within(await screen.findByTestId('chair-3')).findByTestId('board-alert')).toBeTruthy();
    expect(fetches).toBeGreaterThan(before);
  });
});
