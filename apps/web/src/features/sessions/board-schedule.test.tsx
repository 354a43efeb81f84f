/**
 * The live board by chair from the schedule: one card per dosing chair and Spravato room in the server's
 * order, occupied (its session) or free (who is booked in it later today, in the clinic's zone, with the
 * plan's state when not approved); sessions in no chair record after them; visits booked in no chair in
 * their own list; a board without chair records as before.
 */
import type { Board, BoardChair, BoardSession, BoardUpcomingAppointment } from '@plasticity/contracts';
import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CLINIC, makeMe } from '../../test/fixtures.ts';
import { renderApp } from '../../test/renderApp.tsx';
import { arrangeBoard } from './arrangeBoard.ts';

const me = makeMe('nurse', { clinic: { ...CLINIC, timeZone: 'America/Los_Angeles' } });
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function session(n: number, chair: string, chairId: string | null): BoardSession {
  return {
    id: id(700 + n),
    chair,
    chairId,
    patient: { id: id(500 + n), firstName: `Pat${n}`, lastName: 'Lee', mrn: `MRN-${n}` },
    protocol: { id: 'p', name: 'IV ketamine', drug: 'ketamine', route: 'iv', cadenceMin: 15 },
    status: 'monitoring',
    scheduledAt: '2026-11-27T14:30:00Z',
    phaseSince: '2026-11-27T14:50:00Z',
    doseStartedAt: '2026-11-27T14:45:00Z',
    dischargedAt: null,
    dose: null,
    observations: null,
    latestVitals: null,
    trend: [],
    alerts: [],
  };
}

function visit(n: number, name: string, start: string, planState: BoardUpcomingAppointment['planState']) {
  const end = new Date(Date.parse(start) + 3 * 3_600_000).toISOString();
  return { id: id(900 + n), patient: { id: id(600 + n), displayName: name }, start, end, planState };
}

const chair = (
  n: number,
  name: string,
  kind: BoardChair['kind'],
  upcoming: BoardUpcomingAppointment[] = [],
) => ({
  id: id(100 + n),
  name,
  kind,
  upcoming,
});

// 17:30Z is 09:30 in Los Angeles, 19:00Z is 11:00, 21:15Z is 13:15.
const CHAIRS: BoardChair[] = [
  chair(1, 'Chair 1', 'infusion_chair', [visit(1, 'Grace Hopper', '2026-11-27T19:00:00Z', 'approved')]),
  chair(2, 'Chair 2', 'infusion_chair'),
  chair(3, 'Chair 3', 'infusion_chair', [visit(2, 'Mary Shelley', '2026-11-27T17:30:00Z', 'pending')]),
  chair(4, 'Spravato Room', 'spravato_room', [visit(3, 'Alan Turing', '2026-11-27T19:00:00Z', 'none')]),
  chair(5, 'Therapy Room A', 'therapy_room'),
];

function makeBoard(over: Partial<Board>): Board {
  return {
    now: '2026-11-27T15:05:00Z',
    lastEventId: 10,
    closedVisibleMin: 30,
    sessions: [session(1, 'Chair 1', id(101)), session(2, '2', null), session(9, 'Hallway', null)],
    ...over,
  };
}

class QuietEventSource {
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  addEventListener() {}
  close() {}
}

async function showBoard(board: Board) {
  await renderApp({ me, path: '/board', routes: { 'GET /api/v1/board': () => ({ body: board }) } });
  await screen.findByRole('heading', { name: 'Live board' });
}

/** The board's cards in the order shown, by test id. */
const cardIds = () =>
  Array.from(document.querySelectorAll('[data-testid^="chair-"], [data-testid^="free-chair-"]')).map((e) =>
    e.getAttribute('data-testid'),
  );

describe('live board by chair from the schedule', () => {
  beforeEach(() => vi.stubGlobal('EventSource', QuietEventSource));
  afterEach(() => vi.unstubAllGlobals());

  it('shows a free chair with who is booked in it, the time in the clinic zone and a plan not yet approved', async () => {
    await showBoard(
      makeBoard({
        chairs: CHAIRS,
        upcomingWithoutChair: [visit(4, 'Ada Byron', '2026-11-27T21:15:00Z', 'pending')],
      }),
    );
    const free = await screen.findByTestId('free-chair-Chair 3');
    expect(within(free).getByText('Free')).toBeTruthy();
    const item = within(free).getByTestId('board-upcoming');
    expect(within(item).getByText('09:30')).toBeTruthy();
    expect(within(item).getByText('Mary Shelley')).toBeTruthy();
    expect(within(item).getByText('Plan approval pending')).toBeTruthy();

    const room = screen.getByTestId('free-chair-Spravato Room');
    expect(within(room).getByText('11:00')).toBeTruthy();
    expect(within(room).getByText('No plan')).toBeTruthy();

    const elsewhere = screen.getByTestId('board-without-chair');
    expect(within(elsewhere).getByRole('heading', { name: 'Booked, no chair' })).toBeTruthy();
    expect(within(elsewhere).getByText('13:15')).toBeTruthy();
    expect(within(elsewhere).getByText('Ada Byron')).toBeTruthy();
    expect(within(elsewhere).getByText('Plan approval pending')).toBeTruthy();
    // Therapy rooms are not on the board.
    expect(screen.queryByText('Therapy Room A')).toBeNull();
    expect(screen.getByText(/^3 in use · 2 free · discharged leave/)).toBeTruthy();
  });

  it('shows an occupied chair’s session (by chair record, else by its chair text) with its next visit, then sessions in no chair', async () => {
    await showBoard(makeBoard({ chairs: CHAIRS, upcomingWithoutChair: [] }));
    const one = await screen.findByTestId('chair-Chair 1');
    expect(within(one).getByText('Chair 1')).toBeTruthy();
    expect(within(one).getByText('Pat1 L.')).toBeTruthy();
    expect(within(one).getByText('Monitoring')).toBeTruthy();
    expect(within(one).getByTestId('board-next-upcoming').textContent).toBe('Next 11:00 Grace Hopper');
    // Chair text "2" names "Chair 2": the session shows in that chair, which is not free.
    const two = screen.getByTestId('chair-2');
    expect(within(two).getByText('Chair 2')).toBeTruthy();
    expect(within(two).getByText('Pat2 L.')).toBeTruthy();
    expect(within(two).queryByTestId('board-next-upcoming')).toBeNull();
    expect(screen.queryByTestId('free-chair-Chair 2')).toBeNull();
    // A chair text naming no chair record still shows, after the chairs.
    expect(within(screen.getByTestId('chair-Hallway')).getByText('Pat9 L.')).toBeTruthy();
    expect(cardIds()).toEqual([
      'chair-Chair 1',
      'chair-2',
      'free-chair-Chair 3',
      'free-chair-Spravato Room',
      'chair-Hallway',
    ]);
    expect(screen.queryByTestId('board-without-chair')).toBeNull();
  });

  it('without chair records (an older server) shows the sessions as before', async () => {
    await showBoard(makeBoard({ sessions: [session(3, '3', null)] }));
    const card = await screen.findByTestId('chair-3');
    expect(within(card).getByText('Chair 3')).toBeTruthy();
    expect(within(card).getByText('Pat3 L.')).toBeTruthy();
    expect(cardIds()).toEqual(['chair-3']);
    expect(screen.getByText(/^1 chair · discharged leave/)).toBeTruthy();
    expect(screen.queryByText('Free')).toBeNull();
    expect(screen.queryByTestId('board-without-chair')).toBeNull();
  });
});

describe('arrangeBoard', () => {
  const s1 = session(1, 'chair 1', null);
  const s2 = session(2, 'Chair 1', id(104));
  const s3 = session(3, 'Therapy Room A', null);
  it.each([
    ['case-insensitive chair text', [s1], ['Chair 1:1', 'Chair 2:0', 'Chair 3:0', 'Spravato Room:0']],
    ['the chair record wins over the text', [s2], ['Chair 1:0', 'Chair 2:0', 'Chair 3:0', 'Spravato Room:1']],
    [
      'a room the board does not show',
      [s3],
      ['Chair 1:0', 'Chair 2:0', 'Chair 3:0', 'Spravato Room:0', s3.id],
    ],
  ])('%s', (_, sessions, expected) => {
    const { slots } = arrangeBoard(sessions, CHAIRS, []);
    expect(
      slots.map((x) => (x.kind === 'chair' ? `${x.chair.name}:${x.sessions.length}` : x.session.id)),
    ).toEqual(expected);
  });

  it('lists visits booked in a room the board does not show with those in no chair, by time', () => {
    const late = visit(7, 'Late', '2026-11-27T22:00:00Z', 'approved');
    const early = visit(8, 'Early', '2026-11-27T16:00:00Z', 'approved');
    const chairs = [...CHAIRS, chair(6, 'Therapy Room B', 'therapy_room', [early])];
    expect(arrangeBoard([], chairs, [late]).withoutChair.map((a) => a.patient.displayName)).toEqual([
      'Early',
      'Late',
    ]);
  });

  it('without chair records keeps the sessions as they are', () => {
    expect(arrangeBoard([s1, s3], undefined, undefined)).toEqual({
      slots: [
        { kind: 'session', session: s1 },
        { kind: 'session', session: s3 },
      ],
      withoutChair: [],
    });
  });
});
