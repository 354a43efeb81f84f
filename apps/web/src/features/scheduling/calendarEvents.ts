/** Appointments as the calendar's events and resources (chairs or clinicians), in the clinic's wall-clock time. */
import {
  APPOINTMENT_STATUS_LABELS,
  type Appointment,
  type Chair,
  type ClinicianSchedule,
} from '@plasticity/contracts';
import { type AppointmentFlag, appointmentFlags } from './appointmentFlags.ts';
import { toWallClock } from './clinicClock.ts';

export type Grouping = 'chair' | 'clinician';
/** The column of appointments with no chair (or no clinician). */
export const UNASSIGNED = 'unassigned';

export interface CalendarEvent {
  id: string;
  /** The event's accessible name and tooltip: everything shown, in one line. */
  title: string;
  start: Date;
  end: Date;
  resourceId: string;
  appointment: Appointment;
  flags: AppointmentFlag[];
}

export interface CalendarResource {
  id: string;
  title: string;
}

const CLOSED = new Set(['cancelled', 'late_cancelled']);

export function toEvents(items: Appointment[], grouping: Grouping, timeZone: string): CalendarEvent[] {
  return items
    .filter((a) => !CLOSED.has(a.status))
    .map((a) => {
      const flags = appointmentFlags(a);
      const parts = [
        a.patientName,
        a.typeLabel,
        a.chairName ?? 'No chair',
        a.clinicianName ?? 'No clinician',
        APPOINTMENT_STATUS_LABELS[a.status],
        ...flags.map((f) => f.label),
      ];
      return {
        id: a.id,
        title: parts.join(' · '),
        start: toWallClock(a.start, timeZone),
        end: toWallClock(a.end, timeZone),
        resourceId: (grouping === 'chair' ? a.chairId : a.clinicianId) ?? UNASSIGNED,
        appointment: a,
        flags,
      };
    });
}

/** The calendar's columns: active chairs (or clinicians), plus "No chair" when some event has none. */
export function toResources(
  grouping: Grouping,
  chairs: Chair[],
  clinicians: ClinicianSchedule[],
  events: CalendarEvent[],
): CalendarResource[] {
  const listed: CalendarResource[] =
    grouping === 'chair'
      ? chairs.filter((c) => c.active).map((c) => ({ id: c.id, title: c.name }))
      : clinicians.map((c) => ({ id: c.userId, title: c.displayName }));
  const known = new Set(listed.map((r) => r.id));
  // A booking on an inactive chair, or with a clinician the list does not have, still gets its column.
  for (const e of events) {
    if (known.has(e.resourceId) || e.resourceId === UNASSIGNED) continue;
    const a = e.appointment;
    const title = (grouping === 'chair' ? a.chairName : a.clinicianName) ?? 'Unknown';
    listed.push({ id: e.resourceId, title });
    known.add(e.resourceId);
  }
  if (events.some((e) => e.resourceId === UNASSIGNED)) {
    listed.push({ id: UNASSIGNED, title: grouping === 'chair' ? 'No chair' : 'No clinician' });
  }
  return listed;
}
