import { describe, expect, it } from 'vitest';
import {
  guidelineRegion,
  guidelineYear,
  percentOfPoverty,
  povertyGuideline,
  SHIPPED_POVERTY_GUIDELINES,
  US_STATE_CODES,
} from './poverty.ts';

const table = (year: number) => {
  const t = guidelineYear(year);
  if (!t) throw new Error(`no table for ${year}`);
  return t;
};

// Household sizes 1–10 per table (9 and 10 add the extra-person amount to the eight-person figure). 2026, sizes 1–8
// and the extra-person amounts: HHS ASPE's 2026 tables, every figure (docs/clinical-sources.md#hhs-poverty-guidelines);
// 2025: the 48-state figures as the notice's reproductions give them, Alaska and Hawaii from secondary sources.
const EXPECTED: Record<number, Record<'contiguous' | 'alaska' | 'hawaii', number[]>> = {
  2025: {
    contiguous: [15_650, 21_150, 26_650, 32_150, 37_650, 43_150, 48_650, 54_150, 59_650, 65_150],
    alaska: [19_550, 26_430, 33_310, 40_190, 47_070, 53_950, 60_830, 67_710, 74_590, 81_470],
    hawaii: [17_990, 24_320, 30_650, 36_980, 43_310, 49_640, 55_970, 62_300, 68_630, 74_960],
  },
  2026: {
    contiguous: [15_960, 21_640, 27_320, 33_000, 38_680, 44_360, 50_040, 55_720, 61_400, 67_080],
    alaska: [19_950, 27_050, 34_150, 41_250, 48_350, 55_450, 62_550, 69_650, 76_750, 83_850],
    hawaii: [18_360, 24_890, 31_420, 37_950, 44_480, 51_010, 57_540, 64_070, 70_600, 77_130],
  },
};
const STATE_OF = { contiguous: 'NY', alaska: 'AK', hawaii: 'HI' } as const;

describe('poverty guideline by year, state table and household size', () => {
  const cases = [2025, 2026].flatMap((year) =>
    (['contiguous', 'alaska', 'hawaii'] as const).flatMap((region) =>
      (EXPECTED[year]?.[region] ?? []).map((dollars, i) => [year, region, i + 1, dollars] as const),
    ),
  );
  it('covers both years, three tables, sizes 1–10', () => expect(cases).toHaveLength(60));
  it.each(cases)('%i %s, %i persons → $%i', (year, region, size, dollars) => {
    expect(povertyGuideline(table(year), STATE_OF[region], size)).toBe(dollars);
  });
  it('a household of 20 in the 48 states adds twelve extra persons', () => {
    expect(povertyGuideline(table(2026), 'TX', 20)).toBe(55_720 + 12 * 5_680);
  });
  it.each([0, -1, 1.5, Number.NaN])('household size %s has no guideline', (size) => {
    expect(povertyGuideline(table(2026), 'CA', size)).toBeNull();
  });
});

describe('which table a state uses', () => {
  it('51 jurisdictions: 50 states and DC', () => expect(new Set(US_STATE_CODES).size).toBe(51));
  it.each(US_STATE_CODES.filter((s) => s !== 'AK' && s !== 'HI'))('%s uses the 48-state table', (s) => {
    expect(guidelineRegion(s)).toBe('contiguous');
  });
  it.each([
    ['AK', 'alaska'],
    ['HI', 'hawaii'],
    ['hi', 'hawaii'],
    ['PR', null],
    ['GU', null],
    ['ZZ', null],
  ])('%s → %s', (state, region) => expect(guidelineRegion(state)).toBe(region));
  it('a territory has no guideline', () => expect(povertyGuideline(table(2025), 'PR', 3)).toBeNull());
});

describe('years', () => {
  it('ships 2025 and 2026 with their citations', () => {
    expect(SHIPPED_POVERTY_GUIDELINES.map((t) => [t.year, t.citation.slice(0, 10)])).toEqual([
      [2025, '90 FR 5917'],
      [2026, '91 FR 1797'],
    ]);
  });
  it('an unknown year has no table', () => expect(guidelineYear(2019)).toBeNull());
  it("a clinic's added year is found, and wins over a shipped one", () => {
    const added = { ...table(2026), year: 2027, citation: 'added' };
    expect(guidelineYear(2027, [added])?.citation).toBe('added');
    expect(guidelineYear(2026, [{ ...table(2026), citation: 'mine' }])?.citation).toBe('mine');
  });
});

describe('percent of poverty, one decimal, half up', () => {
  it.each([
    [1_565_000, 15_650, 100],
    [0, 15_650, 0],
    [3_130_000, 15_650, 200],
    [1_565_700, 15_650, 100], // 100.0447 → 100.0
    [1_565_800, 15_650, 100.1], // 100.0511 → 100.1
    [2_000_000, 32_150, 62.2], // 62.208
    [2_000_050, 40_000, 50.0], // 50.00125 → 50.0
    [2_002_000, 40_000, 50.1], // 50.05 exactly → 50.1 (half up)
    [10_000_000_00, 15_960, 62_656.6],
  ])('%i cents of $%i → %s %%', (cents, dollars, pct) => {
    expect(percentOfPoverty(cents, dollars)).toBe(pct);
  });
});
