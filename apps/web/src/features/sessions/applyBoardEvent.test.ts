import type { Board, BoardSession, StoredVital } from '@plasticity/contracts';
import { describe, expect, it } from 'vitest';
import { applyBoardEvent, TREND_POINTS } from './applyBoardEvent.ts';

const SID = '00000000-0000-4000-8000-000000000701';
const vital = (i: number, spo2 = 97): StoredVital => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  at: new Date(Date.UTC(2026, 10, 27, 15, 0, i)).toISOString(),
  sbp: 120,
  dbp: 80,
  hr: 70,
  spo2,
  rr: 14,
  etco2: null,
  tempC: null,
});
const alert = {
  id: '00000000-0000-4000-8000-000000000901',
  patientId: '00000000-0000-4000-8000-000000000500',
  kind: 'vital_sign',
  severity: 'high' as const,
  title: 'SpO2 88 below threshold 92 (chair 3)',
  sourceType: 'dosing_session',
  sourceId: SID,
  parameter: 'spo2',
  value: '88',
  status: 'open' as const,
  assignedTo: [],
  escalatedAt: null,
  createdAt: '2026-11-27T15:03:00Z',
  ackBy: null,
  ackAt: null,
};
const chair = (trend: StoredVital[]): BoardSession => ({
  id: SID,
  chair: '3',
  patient: { id: alert.patientId, firstName: 'Ada', lastName: 'Lovelace', mrn: 'MRN-1' },
  protocol: { id: 'p', name: 'IV ketamine', drug: 'ketamine', route: 'iv', cadenceMin: 15 },
  status: 'monitoring',
  scheduledAt: '2026-11-27T14:30:00Z',
  phaseSince: '2026-11-27T14:50:00Z',
  doseStartedAt: '2026-11-27T14:45:00Z',
  dischargedAt: null,
  dose: null,
  observations: null,
  latestVitals: trend.at(-1) ?? null,
  trend,
  alerts: [],
});
const board = (trend: StoredVital[]): Board => ({
  now: '2026-11-27T15:05:00Z',
  lastEventId: 10,
  closedVisibleMin: 30,
  sessions: [chair(trend)],
});

describe('applyBoardEvent', () => {
  it('sets the latest vitals and extends the trend, keeping its length and order', () => {
    const full = Array.from({ length: TREND_POINTS }, (_, i) => vital(i + 1));
    const late = vital(100, 90);
    const r = applyBoardEvent(board(full), {
      kind: 'vitals',
      sessionId: SID,
      chair: '3',
      reading: late,
      count: 1,
      eventId: 11,
    });
    expect(r.refetch).toBe(false);
    expect(r.board.sessions[0]?.latestVitals).toEqual(late);
    expect(r.board.sessions[0]?.trend).toHaveLength(TREND_POINTS);
    expect(r.board.sessions[0]?.trend.at(-1)).toEqual({ at: late.at, hr: 70, spo2: 90 });
    // An older reading arriving late goes into place; the latest stays the latest.
    const older = { ...vital(50, 93), at: full[5]?.at ?? '' };
    const r2 = applyBoardEvent(r.board, {
      kind: 'vitals',
      sessionId: SID,
      chair: '3',
      reading: older,
      count: 1,
      eventId: 12,
    });
    expect(r2.board.sessions[0]?.latestVitals).toEqual(late);
    expect(r2.board.sessions[0]?.trend.map((p) => p.at)).toEqual(
      [...full.slice(1).map((v) => v.at), late.at, older.at].sort().slice(-TREND_POINTS),
    );
  });

  it('takes a reading recorded later at the latest reading’s time as the latest', () => {
    const first = vital(1, 95);
    const again = { ...vital(2, 91), at: first.at };
    const r = applyBoardEvent(board([first]), {
      kind: 'vitals',
      sessionId: SID,
      chair: '3',
      reading: again,
      count: 1,
      eventId: 11,
    });
    expect(r.board.sessions[0]?.latestVitals).toEqual(again);
    expect(r.board.sessions[0]?.trend.map((p) => p.spo2)).toEqual([95, 91]);
  });

  it('keeps the schedule (chairs, their upcoming visits, visits in no chair) and the session’s chair record', () => {
    const visit = {
      id: '00000000-0000-4000-8000-000000000950',
      patient: { id: '00000000-0000-4000-8000-000000000550', displayName: 'Grace Hopper' },
      start: '2026-11-27T19:00:00Z',
      end: '2026-11-27T22:00:00Z',
      planState: 'pending' as const,
    };
    const chairId = '00000000-0000-4000-8000-000000000103';
    const b: Board = {
      ...board([vital(1)]),
      sessions: [{ ...chair([vital(1)]), chairId }],
      chairs: [{ id: chairId, name: 'Chair 3', kind: 'infusion_chair', upcoming: [visit] }],
      upcomingWithoutChair: [{ ...visit, id: '00000000-0000-4000-8000-000000000951' }],
    };
    const read = applyBoardEvent(b, {
      kind: 'vitals',
      sessionId: SID,
      chair: '3',
      reading: vital(2),
      count: 1,
      eventId: 11,
    });
    const raised = applyBoardEvent(read.board, {
      kind: 'alert',
      sessionId: SID,
      chair: '3',
      alert,
      at: null,
      eventId: 12,
    });
    for (const r of [read, raised]) {
      expect(r.refetch).toBe(false);
      expect(r.board.chairs).toBe(b.chairs);
      expect(r.board.upcomingWithoutChair).toBe(b.upcomingWithoutChair);
      expect(r.board.sessions[0]?.chairId).toBe(chairId);
    }
    expect(raised.board.sessions[0]?.alerts).toHaveLength(1);
  });

  it('ignores events already in the snapshot and readings already shown', () => {
    const b = board([vital(1)]);
    const e = { kind: 'vitals' as const, sessionId: SID, chair: '3', reading: vital(2), count: 1 };
    expect(applyBoardEvent(b, { ...e, eventId: 10 }).board).toBe(b);
    const once = applyBoardEvent(b, { ...e, eventId: 11 }).board;
    expect(applyBoardEvent(once, { ...e, eventId: 12 }).board).toBe(once);
  });

  it('adds, replaces and removes an alert', () => {
    const b = board([vital(1)]);
    const raised = applyBoardEvent(b, {
      kind: 'alert',
      sessionId: SID,
      chair: '3',
      alert,
      at: null,
      eventId: 11,
    }).board;
    expect(raised.sessions[0]?.alerts).toEqual([{ ...alert, ackNote: null, ackByName: null }]);
    const worse = applyBoardEvent(raised, {
      kind: 'alert',
      sessionId: SID,
      chair: '3',
      alert: { ...alert, value: '85' },
      at: null,
      eventId: 12,
    }).board;
    expect(worse.sessions[0]?.alerts.map((a) => a.value)).toEqual(['85']);
    const acked = applyBoardEvent(worse, {
      kind: 'alert',
      sessionId: SID,
      chair: null,
      alert: { ...alert, status: 'acknowledged' },
      at: null,
      eventId: 13,
    });
    expect(acked.board.sessions[0]?.alerts).toEqual([]);
    expect(acked.refetch).toBe(false);
  });

  it('asks for a refetch on a session event, an unknown chair and a backlog upload', () => {
    const b = board([vital(1)]);
    expect(
      applyBoardEvent(b, { kind: 'session', sessionId: SID, chair: '3', status: 'recovery', eventId: 11 })
        .refetch,
    ).toBe(true);
    const other = '00000000-0000-4000-8000-000000000799';
    expect(
      applyBoardEvent(b, { kind: 'alert', sessionId: other, chair: '9', alert, at: null, eventId: 11 })
        .refetch,
    ).toBe(true);
    expect(
      applyBoardEvent(b, {
        kind: 'vitals',
        sessionId: SID,
        chair: '3',
        reading: vital(5),
        count: 4,
        eventId: 11,
      }).refetch,
    ).toBe(true);
  });
});
