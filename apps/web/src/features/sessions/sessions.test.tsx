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
  static opened = 0;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  listeners = new Map<string, (e: MessageEvent) => void>();
  nextId = 11;
  constructor(readonly url: string) {
    FakeEventSource.last = this;
    FakeEventSource.opened += 1;
  }
  addEventListener(kind: string, fn: (e: MessageEvent) => void) {
    this.listeners.set(kind, fn);
  }
  emit(kind: string, data: unknown, raw?: string) {
    const lastEventId = kind === 'resync' ? '' : String(this.nextId++);
    this.listeners.get(kind)?.(new MessageEvent(kind, { data: raw ?? JSON.stringify(data), lastEventId }));
  }
  close() {}
}

/** The board's `GET /api/v1/board` handler, counting its calls. */
function boardRoute(alerts: () => unknown[]) {
  const calls = { n: 0 };
  return {
    calls,
    route: () => {
      calls.n += 1;
      return { body: board(alerts()) };
    },
  };
}

const shownAlert = (a: typeof ALERT) => {
  const { ackNote: _n, ackByName: _b, ...rest } = a;
  return rest;
};

describe('live board', () => {
  beforeEach(() => {
    FakeEventSource.opened = 0;
    vi.stubGlobal('EventSource', FakeEventSource);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('opens the stream from the snapshot’s lastEventId, shows an alert event without refetching, and a stale banner while disconnected', async () => {
    const get = boardRoute(() => []);
    await renderApp({ me: makeMe('nurse'), path: '/board', routes: { 'GET /api/v1/board': get.route } });
    const card = await screen.findByTestId('chair-3');
    expect(within(card).getByText('Ada L.')).toBeTruthy();
    expect(within(card).getByText('Monitoring')).toBeTruthy();
    expect(within(card).queryByTestId('board-alert')).toBeNull();
    expect(FakeEventSource.last?.url).toBe('/api/v1/board/events?lastEventId=10');
    expect(get.calls.n).toBe(1);

    await act(async () =>
      FakeEventSource.last?.emit('alert', {
        kind: 'alert',
        sessionId: SID,
        chair: '3',
        alert: shownAlert(ALERT),
        at: '2026-11-27T15:03:00Z',
      }),
    );
    const shown = await within(await screen.findByTestId('chair-3')).findByTestId('board-alert');
    expect(shown.textContent).toContain('88');
    // Acknowledged elsewhere: it leaves at once, still without a refetch.
    await act(async () =>
      FakeEventSource.last?.emit('alert', {
        kind: 'alert',
        sessionId: SID,
        chair: null,
        alert: { ...shownAlert(ALERT), status: 'acknowledged', ackAt: '2026-11-27T15:04:00Z' },
        at: null,
      }),
    );
    expect(within(await screen.findByTestId('chair-3')).queryByTestId('board-alert')).toBeNull();
    await new Promise((r) => setTimeout(r, 250));
    expect(get.calls.n).toBe(1);

    await act(async () => FakeEventSource.last?.onerror?.());
    expect(await screen.findByText('Live updates interrupted')).toBeTruthy();
    await act(async () => FakeEventSource.last?.onopen?.());
    expect(screen.queryByText('Live updates interrupted')).toBeNull();
    // Reconnected: the board refetches its snapshot (anything older than the replay window), on the same stream.
    await vi.waitFor(() => expect(get.calls.n).toBe(2));
    expect(FakeEventSource.opened).toBe(1);
  });

  it('updates a chair’s vitals from a vitals event without refetching the board', async () => {
    const get = boardRoute(() => []);
    await renderApp({ me: makeMe('nurse'), path: '/board', routes: { 'GET /api/v1/board': get.route } });
    const card = await screen.findByTestId('chair-3');
    expect(within(card).getByText('88')).toBeTruthy(); // SpO2 of the snapshot's latest reading
    await act(async () =>
      FakeEventSource.last?.emit('vitals', {
        kind: 'vitals',
        sessionId: SID,
        chair: '3',
        reading: { ...vital(4, 95), hr: 66 },
        count: 1,
      }),
    );
    const updated = await screen.findByTestId('chair-3');
    expect(await within(updated).findByText('95')).toBeTruthy();
    expect(within(updated).getByText('66')).toBeTruthy();
    expect(within(updated).queryByText('88')).toBeNull();
    await new Promise((r) => setTimeout(r, 250));
    expect(get.calls.n).toBe(1);
  });

  it('refetches the board on a session event', async () => {
    let status = 'monitoring';
    const calls = { n: 0 };
    await renderApp({
      me: makeMe('nurse'),
      path: '/board',
      routes: {
        'GET /api/v1/board': () => {
          calls.n += 1;
          const b = board([]);
          return {
            body: { ...b, lastEventId: 9 + calls.n, sessions: b.sessions.map((x) => ({ ...x, status })) },
          };
        },
      },
    });
    expect(within(await screen.findByTestId('chair-3')).getByText('Monitoring')).toBeTruthy();
    status = 'recovery';
    await act(async () =>
      FakeEventSource.last?.emit('session', {
        kind: 'session',
        sessionId: SID,
        chair: '3',
        status: 'recovery',
      }),
    );
    expect(await within(await screen.findByTestId('chair-3')).findByText('Recovery')).toBeTruthy();
    expect(calls.n).toBe(2);
    expect(FakeEventSource.opened).toBe(1);
  });

  it('refetches the board when the server says resync (its database connection came back)', async () => {
    let alerts: unknown[] = [];
    const get = boardRoute(() => alerts);
    await renderApp({ me: makeMe('nurse'), path: '/board', routes: { 'GET /api/v1/board': get.route } });
    const card = await screen.findByTestId('chair-3');
    expect(within(card).queryByTestId('board-alert')).toBeNull();
    const before = get.calls.n;
    // The alert was raised while the server's LISTEN connection was down: no alert event ever comes.
    alerts = [ALERT];
    await act(async () => FakeEventSource.last?.emit('resync', { kind: 'resync', reason: 'reconnected' }));
    expect(await within(await screen.findByTestId('chair-3')).findByTestId('board-alert')).toBeTruthy();
    expect(get.calls.n).toBeGreaterThan(before);
  });

  it('refetches (and says so on the console once) when an event does not match the contract', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const get = boardRoute(() => []);
    await renderApp({ me: makeMe('nurse'), path: '/board', routes: { 'GET /api/v1/board': get.route } });
    await screen.findByTestId('chair-3');
    await act(async () => FakeEventSource.last?.emit('vitals', { sessionId: SID, reading: 'nonsense' }));
    await vi.waitFor(() => expect(get.calls.n).toBe(2));
    await act(async () => FakeEventSource.last?.emit('alert', null, '{not json'));
    await vi.waitFor(() => expect(get.calls.n).toBe(3));
    expect(errors.mock.calls.filter((c) => String(c[0]).includes('board event contract'))).toHaveLength(1);
    errors.mockRestore();
  });
});
