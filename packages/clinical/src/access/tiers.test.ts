import { describe, expect, it } from 'vitest';
import { DEFAULT_SLIDING_SCALE_TIERS, tierFor, tierProblems } from './tiers.ts';

describe('default tiers, bounds inclusive', () => {
  it.each([
    [0, 'Tier 1', 75],
    [99.9, 'Tier 1', 75],
    [100.0, 'Tier 1', 75],
    [100.1, 'Tier 2', 50],
    [150.0, 'Tier 2', 50],
    [150.1, 'Tier 3', 25],
    [200.0, 'Tier 3', 25],
    [200.1, 'Tier 4', 10],
    [250.0, 'Tier 4', 10],
    [250.1, 'Tier 5', 0],
    [1000, 'Tier 5', 0],
  ])('%s %% → %s, %i %% off', (pct, label, discount) => {
    const t = tierFor(DEFAULT_SLIDING_SCALE_TIERS, pct);
    expect([t?.label, t?.discountPercent]).toEqual([label, discount]);
  });
  it('the defaults are a valid list', () => expect(tierProblems(DEFAULT_SLIDING_SCALE_TIERS)).toEqual([]));
});

describe('tier list problems', () => {
  const t = (label: string, maxPercent: number | null, discountPercent: number) => ({
    label,
    maxPercent,
    discountPercent,
  });
  it.each([
    ['empty', [], [null]],
    ['open band not last', [t('A', null, 10), t('B', 100, 0)], [0, 1]],
    ['last band bounded', [t('A', 100, 10)], [0]],
    ['bounds fall', [t('A', 150, 50), t('B', 100, 25), t('C', null, 0)], [1]],
    ['bounds equal', [t('A', 100, 50), t('B', 100, 25), t('C', null, 0)], [1]],
    ['repeated label', [t('A', 100, 50), t('A', null, 0)], [1]],
    ['discount over 100', [t('A', 100, 101), t('B', null, 0)], [0]],
    ['discount fractional', [t('A', 100, 12.5), t('B', null, 0)], [0]],
    ['one open band is fine', [t('Everyone', null, 20)], []],
  ])('%s', (_name, tiers, indexes) => {
    expect(tierProblems(tiers).map((p) => p.index)).toEqual(indexes);
  });
});
