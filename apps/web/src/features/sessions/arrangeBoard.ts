/**
 * Lays the live board out by chair from the schedule: one slot per dosing chair and Spravato room (the
 * server's order), holding the sessions in it — matched by the session's chair record, else by its chair
 * text naming the chair ("Chair 4" or "chair 4"; "4" as the card shows it, "Chair 4") — and the chair's
 * appointments still to come today; then the sessions whose chair matches none of them, in the server's
 * (natural) order; and today's dosing visits booked in no chair it shows. A board without chair records (older servers) is its sessions alone, as before.
 */
import type { BoardChair, BoardUpcomingAppointment, ChairKind } from '@plasticity/contracts';
import type { BoardSession } from './api.ts';

/** Rooms the board shows: where doses are given and watched (therapy rooms are not). */
const BOARD_KINDS: ReadonlySet<ChairKind> = new Set<ChairKind>(['infusion_chair', 'spravato_room']);

type BoardSlot =
  | { kind: 'chair'; chair: BoardChair; sessions: BoardSession[] }
  | { kind: 'session'; session: BoardSession };

const key = (text: string) => text.trim().toLowerCase();

export function arrangeBoard(
  sessions: BoardSession[],
  chairs: BoardChair[] | undefined,
  upcomingWithoutChair: BoardUpcomingAppointment[] | undefined,
): { slots: BoardSlot[]; withoutChair: BoardUpcomingAppointment[] } {
  if (!chairs) return { slots: sessions.map((session) => ({ kind: 'session', session })), withoutChair: [] };
  const shown = chairs.filter((c) => BOARD_KINDS.has(c.kind));
  const byId = new Map(shown.map((c) => [c.id, c]));
  const byName = new Map<string, BoardChair>();
  for (const c of shown) if (!byName.has(key(c.name))) byName.set(key(c.name), c);
  const inChair = new Map<string, BoardSession[]>();
  const unmatched: BoardSession[] = [];
  for (const s of sessions) {
    const chair = s.chairId
      ? byId.get(s.chairId)
      : (byName.get(key(s.chair)) ?? byName.get(key(`Chair ${s.chair}`)));
    if (!chair) unmatched.push(s);
    else inChair.set(chair.id, [...(inChair.get(chair.id) ?? []), s]);
  }
  return {
    slots: [
      ...shown.map((chair): BoardSlot => ({ kind: 'chair', chair, sessions: inChair.get(chair.id) ?? [] })),
      ...unmatched.map((session): BoardSlot => ({ kind: 'session', session })),
    ],
    // A dosing visit booked in a room the board does not show is listed rather than lost.
    withoutChair: [
      ...(upcomingWithoutChair ?? []),
      ...chairs.filter((c) => !BOARD_KINDS.has(c.kind)).flatMap((c) => c.upcoming),
    ].sort((a, b) => Date.parse(a.start) - Date.parse(b.start)),
  };
}
