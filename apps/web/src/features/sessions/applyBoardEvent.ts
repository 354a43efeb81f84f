/**
 * Applies one live board event to the cached board snapshot (GET /api/v1/board) instead of refetching it: a vitals
 * event sets that chair's latest vitals (when it is the newest reading) and adds its point to the trend; an alert
 * event adds, updates or removes (acknowledged) that chair's alert. Anything the event cannot say on its own asks
 * for a refetch: a session event (new session, phase, dose…), an unknown chair, a backlog upload (the trend needs
 * all its readings). Events already in the snapshot (id ≤ its `lastEventId`) and readings already shown change
 * nothing, so an event applied twice is harmless. The schedule's part of the snapshot (chairs and the visits still
 * to come) is kept as it is: a check-in from the schedule opens a session, whose session event refetches it.
 */
import type { Board, BoardRecordedEvent, BoardTrendPoint } from '@plasticity/contracts';

/** Points in a chair's trend sparkline (the server's snapshot sends as many). */
export const TREND_POINTS = 30;

export function applyBoardEvent(
  board: Board,
  e: BoardRecordedEvent & { eventId: number },
): { board: Board; refetch: boolean } {
  if (e.eventId <= board.lastEventId) return { board, refetch: false };
  if (e.kind === 'session') return { board, refetch: true };
  const i = board.sessions.findIndex((s) => s.id === e.sessionId);
  const s = board.sessions[i];
  if (!s) return { board, refetch: true };
  let next = s;
  if (e.kind === 'vitals') {
    const { reading } = e;
    const point = { at: reading.at, hr: reading.hr, spo2: reading.spo2 };
    if (s.latestVitals?.id === reading.id || s.trend.some((p) => samePoint(p, point)))
      return { board, refetch: false };
    const trend = [...s.trend, point].sort(byTime).slice(-TREND_POINTS);
    // The newest reading is the latest; one recorded later at the same time replaces it, as on the server.
    const latest = s.latestVitals;
    const newest = !latest || Date.parse(reading.at) >= Date.parse(latest.at);
    next = { ...s, trend, latestVitals: newest ? reading : latest };
  } else {
    const others = s.alerts.filter((a) => a.id !== e.alert.id);
    const alerts =
      e.alert.status === 'open'
        ? [...others, { ...e.alert, ackNote: null, ackByName: null }].sort((a, b) =>
            a.createdAt.localeCompare(b.createdAt),
          )
        : others;
    next = { ...s, alerts };
  }
  const sessions = board.sessions.slice();
  sessions[i] = next;
  return { board: { ...board, sessions }, refetch: e.kind === 'vitals' && e.count > 1 };
}

const byTime = (a: BoardTrendPoint, b: BoardTrendPoint) => Date.parse(a.at) - Date.parse(b.at);
/** A point already drawn: the same time and values (an event delivered twice, or one the snapshot holds). */
const samePoint = (a: BoardTrendPoint, b: BoardTrendPoint) =>
  a.at === b.at && a.hr === b.hr && a.spo2 === b.spo2;
