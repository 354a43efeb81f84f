/**
 * The live board's Server-Sent Events (GET /api/v1/board/events): the `data:` of every event is one of
 * these, and the SSE `event:` name equals its `kind`. One definition for every producer — the statements
 * that write `board_events` (replayed after Last-Event-ID) and the live announcements — and for the web
 * board, which applies them to its cached snapshot (GET /api/v1/board) instead of refetching it.
 *
 * Payloads carry ids, chair, status and numbers only, never a patient's name or free text (they travel
 * through PostgreSQL NOTIFY, whose payloads can reach server logs): an alert carries the alert as the
 * board shows it, without the acknowledgement note.
 */
import { z } from 'zod';
import { Alert } from './alerts.ts';
import { Uuid } from './common.ts';
import { SessionStatus, StoredVital } from './sessions.ts';

/** A vitals upload was stored: its newest reading (the chair's latest vitals) and how many it held. */
export const BoardVitalsEvent = z.object({
  kind: z.literal('vitals'),
  sessionId: Uuid,
  chair: z.string(),
  reading: StoredVital,
  /** Readings in the upload (more than one: a monitor sent a backlog; the trend needs a refetch). */
  count: z.number().int().min(1),
});
export type BoardVitalsEvent = z.infer<typeof BoardVitalsEvent>;

/** The alert as the board shows it: every field of an alert but the acknowledgement's note and name. */
export const BoardEventAlert = Alert.omit({ ackNote: true, ackByName: true });
export type BoardEventAlert = z.infer<typeof BoardEventAlert>;

/** A vital-sign alert was raised, updated (a worse value, escalated) or acknowledged (it leaves the board). */
export const BoardAlertEvent = z.object({
  kind: z.literal('alert'),
  sessionId: Uuid,
  /** Null when acknowledged from the clinic's alert list, which does not load the session. */
  chair: z.string().nullable(),
  alert: BoardEventAlert,
  /** When the reading that raised or updated the alert was taken; null when no reading did (overdue, acknowledged). */
  at: z.string().nullable(),
});
export type BoardAlertEvent = z.infer<typeof BoardAlertEvent>;

/** Anything else on a chair changed (new session, phase, checklist, dose, infusion, correction): refetch. */
export const BoardSessionEvent = z.object({
  kind: z.literal('session'),
  sessionId: Uuid,
  chair: z.string(),
  status: SessionStatus,
});
export type BoardSessionEvent = z.infer<typeof BoardSessionEvent>;

/** Events may have been missed although the stream stayed open: refetch the board (no SSE id). */
export const BoardResyncEvent = z.object({
  kind: z.literal('resync'),
  /** `reconnected`: the server's database LISTEN connection came back; `replay`: a missed event could not be replayed. */
  reason: z.enum(['reconnected', 'not_announced', 'replay']),
});
export type BoardResyncEvent = z.infer<typeof BoardResyncEvent>;

/** An event stored in `board_events` (it has an SSE id and is replayed after Last-Event-ID). */
export const BoardRecordedEvent = z.discriminatedUnion('kind', [
  BoardVitalsEvent,
  BoardAlertEvent,
  BoardSessionEvent,
]);
export type BoardRecordedEvent = z.infer<typeof BoardRecordedEvent>;
export type BoardRecordedKind = BoardRecordedEvent['kind'];

/** Every event on the stream. */
export const BoardStreamEvent = z.discriminatedUnion('kind', [
  BoardVitalsEvent,
  BoardAlertEvent,
  BoardSessionEvent,
  BoardResyncEvent,
]);
export type BoardStreamEvent = z.infer<typeof BoardStreamEvent>;
