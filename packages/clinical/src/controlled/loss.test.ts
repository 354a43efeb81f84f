import { describe, expect, it } from 'vitest';
import { Decimal } from './decimal.ts';
import { DEA106_DAYS, type Dea106Report, dea106Problems, lossDeadlines } from './loss.ts';

describe('lossDeadlines (21 CFR 1301.76(b))', () => {
  it.each<[string, string, string, string, string, string[]?]>([
    ['Monday', '2025-03-03T16:00:00Z', 'America/Denver', '2025-03-03', '2025-03-04'],
    ['Friday → Monday', '2025-03-07T16:00:00Z', 'America/Denver', '2025-03-07', '2025-03-10'],
    ['Saturday → Monday', '2025-03-08T16:00:00Z', 'America/Denver', '2025-03-08', '2025-03-10'],
    ['Sunday → Monday', '2025-03-09T16:00:00Z', 'America/Denver', '2025-03-09', '2025-03-10'],
    [
      'Thursday before 4 July → Monday',
      '2025-07-03T20:00:00Z',
      'America/New_York',
      '2025-07-03',
      '2025-07-07',
    ],
    [
      'Friday before Memorial Day → Tuesday',
      '2025-05-23T15:00:00Z',
      'America/Chicago',
      '2025-05-23',
      '2025-05-27',
    ],
    [
      'Wednesday before Thanksgiving → Friday',
      '2025-11-26T15:00:00Z',
      'America/New_York',
      '2025-11-26',
      '2025-11-28',
    ],
    [
      'Christmas Eve with a one-off closure → Friday',
      '2025-12-24T15:00:00Z',
      'America/New_York',
      '2025-12-24',
      '2025-12-26',
      ['2025-12-24'],
    ],
    [
      'extra closure on the next day is skipped',
      '2025-12-23T15:00:00Z',
      'America/New_York',
      '2025-12-23',
      '2025-12-26',
      ['2025-12-24'],
    ],
    [
      'late Friday night UTC is still Friday in Los Angeles',
      '2025-03-08T06:00:00Z',
      'America/Los_Angeles',
      '2025-03-07',
      '2025-03-10',
    ],
    [
      'same instant is Saturday in New York',
      '2025-03-08T06:00:00Z',
      'America/New_York',
      '2025-03-08',
      '2025-03-10',
    ],
    [
      'observed New Year on 31 Dec 2027',
      '2027-12-30T15:00:00Z',
      'America/New_York',
      '2027-12-30',
      '2028-01-03',
    ],
    ['local date given directly', '2026-07-02', 'America/Denver', '2026-07-02', '2026-07-06'],
  ])('%s', (_label, at, tz, discoveredOn, noticeDue, extra) => {
    const r = lossDeadlines(at, tz, extra);
    expect(r.discoveredOn).toBe(discoveredOn);
    expect(r.writtenNoticeDueOn).toBe(noticeDue);
  });

  it.each([
    ['2025-03-03', '2025-04-17'],
    ['2025-11-20', '2026-01-04'],
    ['2024-01-20', '2024-03-05'],
  ])('DEA-106 due 45 calendar days after %s: %s (not moved off weekends)', (discovered, due) => {
    expect(DEA106_DAYS).toBe(45);
    expect(lossDeadlines(discovered, 'UTC').dea106DueOn).toBe(due);
  });

  it('throws on a bad instant or zone', () => {
    expect(() => lossDeadlines('2025-03-03T10:00:00', 'UTC')).toThrow(RangeError);
    expect(() => lossDeadlines('2025-03-03T10:00:00Z', 'Nowhere/City')).toThrow(RangeError);
  });
});

describe('dea106Problems', () => {
  const LINE = {
    ndc: '0409-2051-05',
    productName: 'Ketamine HCl injection',
    strength: '50 mg/mL',
    form: 'injectable solution',
    quantity: Decimal.of(100),
    unit: 'mg' as const,
    lot: 'L1',
  };
  const report: Dea106Report = {
    registrant: {
      name: 'Clinic',
      deaNumber: 'AB1234563',
      address: '1 Main St',
      phone: '555-0100',
      businessActivity: 'practitioner',
    },
    typeOfLoss: 'employee_theft',
    discoveredOn: '2025-03-03',
    occurredOn: '2025-03-01',
    policeNotified: true,
    police: { department: 'Denver PD', reportNumber: '25-1' },
    priorLossesIn24Months: 0,
    purchaseValueUsd: Decimal.of('42.10'),
    lines: [
      {
        ndc: '0409-2051-05',
        productName: 'Ketamine HCl injection',
        strength: '50 mg/mL',
        form: 'injectable solution',
        quantity: Decimal.of(100),
        unit: 'mg',
        lot: 'L1',
      },
    ],
  };

  it('accepts a complete report', () => expect(dea106Problems(report)).toEqual([]));

  it.each<[string, Partial<Dea106Report>, string[]]>([
    ['no lines', { lines: [] }, ['lines']],
    [
      'bad DEA number',
      { registrant: { ...report.registrant, deaNumber: 'AB1234560' } },
      ['registrant.deaNumber'],
    ],
    ['missing phone', { registrant: { ...report.registrant, phone: '' } }, ['registrant.phone']],
    ['other without explanation', { typeOfLoss: 'other' }, ['typeOfLossExplanation']],
    ['in transit without carrier', { typeOfLoss: 'lost_in_transit' }, ['transit.carrier']],
    ['police notified, no department', { police: undefined }, ['police.department']],
    ['loss after discovery', { occurredOn: '2025-03-04' }, ['occurredOn']],
    ['bad discovery date', { discoveredOn: '03/03/2025' }, ['discoveredOn']],
    ['fractional prior losses', { priorLossesIn24Months: 1.5 }, ['priorLossesIn24Months']],
    ['negative value', { purchaseValueUsd: Decimal.of(-1) }, ['purchaseValueUsd']],
    [
      'bad line',
      { lines: [{ ...LINE, ndc: '12', quantity: Decimal.ZERO, form: '' }] },
      ['lines.0.ndc', 'lines.0.form', 'lines.0.quantity'],
    ],
  ])('%s', (_label, over, fields) => {
    expect(dea106Problems({ ...report, ...over }).map((p) => p.field)).toEqual(fields);
  });
});
