import { describe, expect, it } from 'vitest';
import { buildIcs, escapeText, foldLine, type IcsEvent, icsUtc } from './ics.ts';

const EVENT: IcsEvent = {
  uid: 'appointment-42@plasticity.example',
  sequence: 0,
  method: 'PUBLISH',
  start: new Date('2027-03-16T14:00:00Z'),
  end: new Date('2027-03-16T16:30:00Z'),
  summary: 'Dosing visit',
  location: 'Plasticity Clinic, 12 Main St; Suite 3',
  description: 'Hi Alex,\nsee you Tuesday.',
  organizerName: 'Plasticity Clinic',
  organizerEmail: 'frontdesk@plasticity.example',
  url: 'https://plasticity.example/a/abc',
  stamp: new Date('2027-03-01T09:05:07.123Z'),
};

/** Unfolds (RFC 5545 section 3.1) and splits into content lines. */
function unfold(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split('\r\n');
}

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

describe('buildIcs', () => {
  it('writes the exact calendar object for one event', () => {
    expect(buildIcs(EVENT)).toBe(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Plasticity//Scheduling//EN',
        'CALSCALE:GREGORIAN',
        'METHOD:PUBLISH',
        'BEGIN:VEVENT',
        'UID:appointment-42@plasticity.example',
        'SEQUENCE:0',
        'DTSTAMP:20270301T090507Z',
        'DTSTART:20270316T140000Z',
        'DTEND:20270316T163000Z',
        'SUMMARY:Dosing visit',
        'LOCATION:Plasticity Clinic\\, 12 Main St\\; Suite 3',
        'DESCRIPTION:Hi Alex\\,\\nsee you Tuesday.',
        'URL:https://plasticity.example/a/abc',
        'ORGANIZER;CN="Plasticity Clinic":mailto:frontdesk@plasticity.example',
        'STATUS:CONFIRMED',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
  });

  it('CANCEL: method and status, higher sequence; optional lines left out', () => {
    const { location: _l, description: _d, url: _u, organizerEmail: _e, ...bare } = EVENT;
    const lines = unfold(buildIcs({ ...bare, method: 'CANCEL', sequence: 3 }));
    expect(lines).toContain('METHOD:CANCEL');
    expect(lines).toContain('STATUS:CANCELLED');
    expect(lines).toContain('SEQUENCE:3');
    expect(lines.some((l) => /^(LOCATION|DESCRIPTION|URL|ORGANIZER)[:;]/.test(l))).toBe(false);
  });

  it('uses CRLF only and no line over 75 octets', () => {
    const ics = buildIcs({ ...EVENT, summary: 'é'.repeat(200), description: '😀'.repeat(100) });
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('parses back: unfolded and unescaped values equal the input', () => {
    const summary = 'Integration session, room 2; bring notes \\ journal — café 😀 '.repeat(4);
    const description = 'Line one\nLine two, with; everything\\ and é😀';
    const lines = unfold(buildIcs({ ...EVENT, summary, description }));
    const value = (name: string): string | undefined =>
      lines.find((l) => l.startsWith(`${name}:`))?.slice(name.length + 1);
    expect(unescapeText(value('SUMMARY') ?? '')).toBe(summary);
    expect(unescapeText(value('DESCRIPTION') ?? '')).toBe(description);
    expect(value('DTSTART')).toBe('20270316T140000Z');
    expect(lines.at(-1)).toBe('');
    expect(lines.at(-2)).toBe('END:VCALENDAR');
  });

  it.each([
    [{ end: new Date('2027-03-16T13:59:59Z') }],
    [{ start: new Date('nope') }],
    [{ stamp: new Date('nope') }],
    [{ sequence: -1 }],
    [{ sequence: 1.5 }],
    [{ url: 'https://x.example/a b' }],
    [{ organizerEmail: 'a@b.example\r\nX-EVIL:1' }],
  ])('rejects %j', (bad) => {
    expect(() => buildIcs({ ...EVENT, ...bad })).toThrow(RangeError);
  });

  it('an end equal to the start is allowed', () => {
    expect(unfold(buildIcs({ ...EVENT, end: EVENT.start }))).toContain('DTEND:20270316T140000Z');
  });

  it('quotes the organizer name with RFC 6868 escapes', () => {
    const lines = unfold(buildIcs({ ...EVENT, organizerName: 'Dr. "Sam" Lee; MD^2\nClinic' }));
    expect(lines).toContain(
      'ORGANIZER;CN="Dr. ^\'Sam^\' Lee; MD^^2^nClinic":mailto:frontdesk@plasticity.example',
    );
  });
});

describe('foldLine (RFC 5545 section 3.1)', () => {
  it.each([
    // [line, expected physical lines]
    ['A'.repeat(75), ['A'.repeat(75)]],
    ['A'.repeat(76), ['A'.repeat(75), ' A']],
    ['A'.repeat(75 + 74), ['A'.repeat(75), ` ${'A'.repeat(74)}`]],
    ['A'.repeat(75 + 75), ['A'.repeat(75), ` ${'A'.repeat(74)}`, ' A']],
    // "é" is 2 octets: at octets 74–75 it fits, at 75–76 it moves to the next line.
    [`${'A'.repeat(73)}é`, [`${'A'.repeat(73)}é`]],
    [`${'A'.repeat(74)}éB`, ['A'.repeat(74), ' éB']],
    // The emoji is 4 octets (a surrogate pair in UTF-16): never split.
    [`${'A'.repeat(71)}😀`, [`${'A'.repeat(71)}😀`]],
    [`${'A'.repeat(72)}😀`, ['A'.repeat(72), ' 😀']],
    [`${'A'.repeat(74)}😀`, ['A'.repeat(74), ' 😀']],
    ['', ['']],
  ])('%#', (line, physical) => {
    expect(foldLine(line)).toBe(physical.join('\r\n'));
    for (const p of physical) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
  });

  it('folds a long UTF-8 summary inside buildIcs at the boundary', () => {
    // "SUMMARY:" is 8 octets; 65 ASCII → 73 octets, then "é" (2) fills to 75, then the emoji goes on.
    const summary = `${'x'.repeat(65)}é😀`;
    const ics = buildIcs({ ...EVENT, summary });
    expect(ics).toContain(`\r\nSUMMARY:${'x'.repeat(65)}é\r\n 😀\r\n`);
  });
});

describe('escapeText (RFC 5545 section 3.3.11)', () => {
  it.each([
    ['a\\b', 'a\\\\b'],
    ['a;b', 'a\\;b'],
    ['a,b', 'a\\,b'],
    ['a\nb', 'a\\nb'],
    ['a\r\nb', 'a\\nb'],
    ['a\rb', 'a\\nb'],
    ['a:b"c', 'a:b"c'], // colon and DQUOTE need no escape in TEXT
    ['tab\there', 'tab\there'],
    ['bell\u0007', 'bell'],
  ])('%j → %j', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });
});

describe('icsUtc', () => {
  it.each([
    ['2027-03-01T09:05:07.999Z', '20270301T090507Z'],
    ['2027-12-31T23:59:59Z', '20271231T235959Z'],
  ])('%s → %s', (iso, expected) => {
    expect(icsUtc(new Date(iso), 'x')).toBe(expected);
  });
});
