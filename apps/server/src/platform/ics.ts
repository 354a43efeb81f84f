/**
 * iCalendar (RFC 5545) text for one appointment, attached to confirmation and cancellation messages so the
 * patient's calendar adds, moves or removes the visit.
 *
 * - Content lines end in CRLF and are folded at 75 octets (RFC 5545 section 3.1): UTF-8 bytes, a multi-byte
 *   character is never split, a continuation line starts with one space.
 * - TEXT values escape backslash, semicolon, comma and newline (section 3.3.11); other control characters are
 *   not allowed in TEXT and are dropped.
 * - Times are UTC date-times `YYYYMMDDTHHMMSSZ` (section 3.3.5, form 2), so no VTIMEZONE is needed.
 * - METHOD (section 3.7.2) is PUBLISH for a booked or moved visit and CANCEL for a cancelled one; the same UID
 *   with a higher SEQUENCE (section 3.8.7.4) replaces the earlier copy; DTSTAMP (section 3.8.7.2) is when this
 *   copy was made.
 * - ORGANIZER (section 3.8.4.3) needs a calendar address: it is written only when `organizerEmail` is given,
 *   with `organizerName` as its CN parameter (quoted, RFC 6868 caret escapes).
 *
 * Messages carry only the first name, the time and a link: callers put no other patient data in the summary,
 * description or location.
 */

export interface IcsEvent {
  /** Stable per appointment (e.g. `appointment-<id>@<host>`). */
  uid: string;
  /** Revision number: 0 when first sent, +1 for every change. */
  sequence: number;
  method: 'PUBLISH' | 'CANCEL';
  start: Date;
  end: Date;
  summary: string;
  location?: string;
  description?: string;
  organizerName?: string;
  /** E-mail address for ORGANIZER, without `mailto:`; without it no ORGANIZER line is written. */
  organizerEmail?: string;
  url?: string;
  /** When this copy was generated (DTSTAMP). */
  stamp: Date;
}

export const ICS_PRODID = '-//Plasticity//Scheduling//EN';
const MAX_OCTETS = 75;

/** Whether a character is a control character (U+0000–U+001F, U+007F). */
function isControl(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code < 0x20 || code === 0x7f;
}

/** Drops the control characters TEXT does not allow: all but horizontal tab (RFC 5545 section 3.3.11). */
function dropControls(value: string): string {
  return [...value].filter((ch) => ch === '\t' || !isControl(ch)).join('');
}

/** TEXT value escaping, RFC 5545 section 3.3.11. */
export function escapeText(value: string): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
  return dropControls(escaped);
}

/** A quoted parameter value (RFC 5545 section 3.2) with RFC 6868 caret escapes for ^, newline and DQUOTE. */
function quoteParam(value: string): string {
  const escaped = value
    .replace(/\^/g, '^^')
    .replace(/\r\n|\r|\n/g, '^n')
    .replace(/"/g, "^'");
  return `"${dropControls(escaped)}"`;
}

/** Folds one content line at 75 octets, never inside a UTF-8 character (RFC 5545 section 3.1). */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n');
}

/** UTC date-time form `YYYYMMDDTHHMMSSZ` (RFC 5545 section 3.3.5). */
export function icsUtc(at: Date, field: string): string {
  if (Number.isNaN(at.getTime())) throw new RangeError(`${field} is not a valid date`);
  return at
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

function uriValue(value: string, field: string): string {
  if ([...value].some((ch) => isControl(ch) || /\s|"/.test(ch))) {
    throw new RangeError(`${field} must be a URI without spaces`);
  }
  return value;
}

/**
 * The calendar object for one event, CRLF line endings, ending with a CRLF. RangeError for an invalid date, an
 * end before the start, a negative or fractional sequence, or a URL or e-mail with spaces.
 *
 * @example
 * buildIcs({ uid: 'appointment-1@plasticity.example', sequence: 0, method: 'PUBLISH', summary: 'Dosing visit',
 *   start, end, stamp: new Date() });
 */
export function buildIcs(event: IcsEvent): string {
  const start = icsUtc(event.start, 'start');
  const end = icsUtc(event.end, 'end');
  if (event.end.getTime() < event.start.getTime()) throw new RangeError('end is before start');
  if (!Number.isInteger(event.sequence) || event.sequence < 0) {
    throw new RangeError(`sequence must be a whole number ≥ 0, got ${event.sequence}`);
  }
  const cancel = event.method === 'CANCEL';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${ICS_PRODID}`,
    'CALSCALE:GREGORIAN',
    // Section 3.7.2: the iTIP method of this object.
    `METHOD:${event.method}`,
    'BEGIN:VEVENT',
    `UID:${escapeText(event.uid)}`,
    // Section 3.8.7.4: revision; a client keeps the copy with the highest SEQUENCE.
    `SEQUENCE:${event.sequence}`,
    // Section 3.8.7.2: when this copy was created.
    `DTSTAMP:${icsUtc(event.stamp, 'stamp')}`,
    `DTSTART:${start}`,
    `DTEND:${end}`,
    `SUMMARY:${escapeText(event.summary)}`,
  ];
  if (event.location !== undefined) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.description !== undefined) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.url !== undefined) lines.push(`URL:${uriValue(event.url, 'url')}`);
  if (event.organizerEmail !== undefined) {
    const cn = event.organizerName !== undefined ? `;CN=${quoteParam(event.organizerName)}` : '';
    lines.push(`ORGANIZER${cn}:mailto:${uriValue(event.organizerEmail, 'organizerEmail')}`);
  }
  lines.push(`STATUS:${cancel ? 'CANCELLED' : 'CONFIRMED'}`, 'END:VEVENT', 'END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
