import { describe, expect, it } from 'vitest';
import { summarizeEvent } from './history-summary.ts';

const NY = 'America/New_York';

describe('summarizeEvent', () => {
  it.each([
    [
      'booked',
      { start: '2026-12-08T15:00:00Z', end: '2026-12-08T17:30:00Z' },
      'Booked for 2026-12-08 10:00–12:30',
    ],
    ['booked', {}, 'Booked'],
    [
      'rescheduled',
      { fromStart: '2026-12-07T14:00:00Z', toStart: '2026-12-08T15:00:00Z' },
      'Rescheduled from 2026-12-07 09:00 to 2026-12-08 10:00',
    ],
    [
      'rescheduled',
      { fromStart: '2026-12-07T14:00:00Z', toStart: '2026-12-08T15:00:00Z', reason: 'patient asked' },
      'Rescheduled from 2026-12-07 09:00 to 2026-12-08 10:00: patient asked',
    ],
    ['cancelled', { reason: 'Flu' }, 'Cancelled: Flu'],
    ['late_cancelled', { reason: 'Car broke down' }, 'Cancelled late: Car broke down'],
    ['no_show', {}, 'Marked as a no-show'],
    ['checked_in', { sessionId: 'x' }, 'Checked in; dosing session opened'],
    ['checked_in', {}, 'Checked in'],
    ['escort_changed', {}, 'Escort changed'],
    ['confirmation_requested', { kind: '48h', link: true }, 'Confirmation request queued (48 hours before)'],
    ['confirmation_requested', { kind: '24h', link: false }, 'Reminder queued (24 hours before)'],
    ['confirmation_requested', { kind: 'staff', link: true }, 'Confirmation request sent by staff'],
  ])('%s %j → %s', (action, details, expected) => {
    expect(summarizeEvent(action, details, NY)).toBe(expected);
  });

  it('shows times across the daylight-saving change in local time', () => {
    // 2026-11-01: New York falls back from EDT (UTC-4) to EST (UTC-5).
    expect(
      summarizeEvent(
        'rescheduled',
        { fromStart: '2026-10-30T14:00:00Z', toStart: '2026-11-02T15:00:00Z' },
        NY,
      ),
    ).toBe('Rescheduled from 2026-10-30 10:00 to 2026-11-02 10:00');
  });
});
