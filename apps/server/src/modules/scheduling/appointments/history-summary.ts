/**
 * A history event of an appointment as a sentence for people, times in the clinic's zone:
 * "Rescheduled from 2026-12-07 09:00 to 2026-12-08 10:00". Events written by other parts (confirmations,
 * reminders) have their own sentences here; an unknown action reads as its words.
 */
import { formatDateTime, formatTime } from '@plasticity/clinical/time-format';

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

function span(start: unknown, end: unknown, tz: string): string {
  const s = str(start);
  if (!s) return '';
  const e = str(end);
  return e ? `${formatDateTime(s, tz)}–${formatTime(e, tz)}` : formatDateTime(s, tz);
}

const withReason = (text: string, reason: unknown): string => {
  const r = str(reason);
  return r ? `${text}: ${r}` : text;
};

export function summarizeEvent(action: string, details: Record<string, unknown>, timeZone: string): string {
  const d = details;
  switch (action) {
    case 'booked': {
      const when = span(d.start, d.end, timeZone);
      return when ? `Booked for ${when}` : 'Booked';
    }
    case 'rescheduled':
      return withReason(
        `Rescheduled from ${formatDateTime(str(d.fromStart), timeZone)} to ${formatDateTime(str(d.toStart), timeZone)}`,
        d.reason,
      );
    case 'cancelled':
      return withReason('Cancelled', d.reason);
    case 'late_cancelled':
      return withReason('Cancelled late', d.reason);
    case 'no_show':
      return withReason('Marked as a no-show', d.note);
    case 'checked_in':
      return d.sessionId ? 'Checked in; dosing session opened' : 'Checked in';
    case 'confirmed':
      return 'Confirmed by the patient';
    case 'reschedule_requested':
      return withReason('The patient asked to reschedule', d.note);
    case 'confirmation_requested': {
      const what = d.link === false ? 'Reminder' : 'Confirmation request';
      if (d.kind === 'staff') return `${what} sent by staff`;
      return d.kind === '48h' || d.kind === '24h'
        ? `${what} queued (${d.kind === '48h' ? '48' : '24'} hours before)`
        : `${what} queued`;
    }
    default: {
      const words = action.replace(/_/g, ' ');
      return words.charAt(0).toUpperCase() + words.slice(1);
    }
  }
}
