/**
 * A calendar file (iCalendar, RFC 5545) for one visit: a VCALENDAR with one VEVENT, times in UTC, text
 * escaped (RFC 5545 §3.3.11) and lines folded at 75 octets (§3.1), CRLF line ends.
 */

export interface IcsEvent {
  uid: string;
  sequence: number;
  method: 'PUBLISH' | 'CANCEL';
  start: Date;
  end: Date;
  summary: string;
  location?: string;
  description?: string;
  organizerName?: string;
  url?: string;
  stamp: Date;
}

const utc = (d: Date): string =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const escapeText = (s: string): string =>
  s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

/** Folds a content line at 75 octets without splitting a UTF-8 character. */
function fold(line: string): string {
  const out: string[] = [];
  let cur = '';
  let octets = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    if (octets + n > 75) {
      out.push(cur);
      cur = ` ${ch}`;
      octets = 1 + n;
    } else {
      cur += ch;
      octets += n;
    }
  }
  out.push(cur);
  return out.join('\r\n');
}

export function buildIcs(e: IcsEvent): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Plasticity//Scheduling//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${e.method}`,
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTAMP:${utc(e.stamp)}`,
    `DTSTART:${utc(e.start)}`,
    `DTEND:${utc(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
    ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
    ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
    ...(e.organizerName ? [`ORGANIZER;CN=${escapeText(e.organizerName)}:noreply@invalid`] : []),
    ...(e.url ? [`URL:${e.url}`] : []),
    `STATUS:${e.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
