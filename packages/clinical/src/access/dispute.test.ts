import { describe, expect, it } from 'vitest';
import { compareByProvider } from './dispute.ts';

const m = (entries: [string, number][]) => new Map(entries);

// 45 CFR 149.620(a)(2)(ii): at least $400 (40,000 cents) more for a provider than that provider's expected charges.
describe('dispute threshold per provider', () => {
  it.each([
    // An estimate of $100 for the provider: billed 49,999 cents is 39,999 over, billed 50,000 is 40,000 over.
    ['one provider billed 49,999 against 10,000', [['clinic', 10_000]], [['clinic', 49_999]], false],
    ['one provider billed 50,000 against 10,000', [['clinic', 10_000]], [['clinic', 50_000]], true],
    [
      'the second provider billed 49,999 against 10,000',
      [
        ['clinic', 100_000],
        ['dr-a', 10_000],
      ],
      [
        ['clinic', 100_000],
        ['dr-a', 49_999],
      ],
      false,
    ],
    [
      'the second provider billed 50,000 against 10,000',
      [
        ['clinic', 100_000],
        ['dr-a', 10_000],
      ],
      [
        ['clinic', 100_000],
        ['dr-a', 50_000],
      ],
      true,
    ],
    [
      'the total is $400 over but no single provider is',
      [
        ['clinic', 100_000],
        ['dr-a', 50_000],
      ],
      [
        ['clinic', 125_000],
        ['dr-a', 75_000],
      ],
      false,
    ],
    [
      'one provider over while another is under',
      [
        ['clinic', 100_000],
        ['dr-a', 50_000],
      ],
      [
        ['clinic', 40_000],
        ['dr-a', 90_000],
      ],
      true,
    ],
    [
      'a provider not on the estimate billing $400 is compared with $0',
      [['clinic', 100_000]],
      [['dr-b', 40_000]],
      true,
    ],
    ['a provider not on the estimate billing $399.99', [['clinic', 100_000]], [['dr-b', 39_999]], false],
    ['nothing billed', [['clinic', 100_000]], [], false],
  ] as [string, [string, number][], [string, number][], boolean][])(
    '%s → %s',
    (_name, expected, billed, flag) => {
      expect(compareByProvider(m(expected), m(billed)).some((p) => p.exceeds)).toBe(flag);
    },
  );
});

describe('the comparison shows which provider exceeds and by how much', () => {
  it('per provider, in the estimate order, then providers billed without expected charges', () => {
    const out = compareByProvider(
      m([
        ['clinic', 100_000],
        ['dr-a', 50_000],
      ]),
      m([
        ['dr-b', 10_000],
        ['dr-a', 100_000],
        ['clinic', 60_000],
      ]),
    );
    expect(out).toEqual([
      { key: 'clinic', expectedCents: 100_000, billedCents: 60_000, overByCents: -40_000, exceeds: false },
      { key: 'dr-a', expectedCents: 50_000, billedCents: 100_000, overByCents: 50_000, exceeds: true },
      { key: 'dr-b', expectedCents: 0, billedCents: 10_000, overByCents: 10_000, exceeds: false },
    ]);
  });
});
