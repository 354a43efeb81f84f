/** Which indications make a patient's records Part 2 records (42 CFR 2.11: substance use disorders). */
import { describe, expect, it } from 'vitest';
import { PART2_INDICATIONS } from './part2.ts';
import { INDICATIONS, type Indication } from './protocols/types.ts';

const EXPECTED: Record<Indication, boolean> = {
  trd: false,
  mdd_with_suicidal_ideation: false,
  depression: false,
  anxiety: false,
  ptsd: false,
  alcohol_use_disorder: true,
  opioid_use_disorder: true,
};

describe('Part 2 indications', () => {
  it.each(INDICATIONS.map((i) => [i, EXPECTED[i]] as const))('%s → %s', (indication, part2) => {
    expect(PART2_INDICATIONS.includes(indication)).toBe(part2);
  });

  it('covers every indication the product knows', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...INDICATIONS].sort());
  });
});
