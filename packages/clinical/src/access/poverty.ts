/**
 * HHS poverty guidelines: the yearly tables (48 contiguous states and the District of Columbia, Alaska, Hawaii)
 * and the rules that turn a household's size and annual income into a percent of the guideline.
 *
 * Sources (docs/clinical-sources.md#hhs-poverty-guidelines): "Annual Update of the HHS Poverty Guidelines",
 * 90 FR 5917 (January 17, 2025, FR Doc. 2025-01377) and 91 FR 1797 (January 15, 2026, FR Doc. 2026-00755); the
 * 2026 figures were checked against HHS ASPE's 2026 tables, the 2025 Alaska and Hawaii figures only against
 * secondary sources (what was checked: docs/clinical-sources.md#hhs-poverty-guidelines).
 * The guidelines are not defined for Puerto Rico and the other territories, so those have no table here.
 */

/** One year's guidelines in whole US dollars per year. */
export interface PovertyGuidelineYear {
  year: number;
  /** Where the figures come from, e.g. "90 FR 5917 (FR Doc. 2025-01377)". */
  citation: string;
  /** 48 contiguous states and DC: households of 1 … 8 persons (eight figures). */
  contiguous: readonly number[];
  /** Added for each person beyond eight (48 states and DC). */
  contiguousExtra: number;
  alaskaOne: number;
  alaskaExtra: number;
  hawaiiOne: number;
  hawaiiExtra: number;
}

/** The guidelines the product ships; a clinic may add later years as data. */
export const SHIPPED_POVERTY_GUIDELINES: readonly PovertyGuidelineYear[] = [
  {
    year: 2025,
    citation: '90 FR 5917 (January 17, 2025; FR Doc. 2025-01377)',
    contiguous: [15_650, 21_150, 26_650, 32_150, 37_650, 43_150, 48_650, 54_150],
    contiguousExtra: 5_500,
    alaskaOne: 19_550,
    alaskaExtra: 6_880,
    hawaiiOne: 17_990,
    hawaiiExtra: 6_330,
  },
  {
    year: 2026,
    citation: '91 FR 1797 (January 15, 2026; FR Doc. 2026-00755)',
    contiguous: [15_960, 21_640, 27_320, 33_000, 38_680, 44_360, 50_040, 55_720],
    contiguousExtra: 5_680,
    alaskaOne: 19_950,
    alaskaExtra: 7_100,
    hawaiiOne: 18_360,
    hawaiiExtra: 6_530,
  },
];

/** The 50 states and the District of Columbia by their two-letter postal codes. */
export const US_STATE_CODES: readonly string[] = [
  'AL',
  'AK',
  'AZ',
  'AR',
  'CA',
  'CO',
  'CT',
  'DE',
  'DC',
  'FL',
  'GA',
  'HI',
  'ID',
  'IL',
  'IN',
  'IA',
  'KS',
  'KY',
  'LA',
  'ME',
  'MD',
  'MA',
  'MI',
  'MN',
  'MS',
  'MO',
  'MT',
  'NE',
  'NV',
  'NH',
  'NJ',
  'NM',
  'NY',
  'NC',
  'ND',
  'OH',
  'OK',
  'OR',
  'PA',
  'RI',
  'SC',
  'SD',
  'TN',
  'TX',
  'UT',
  'VT',
  'VA',
  'WA',
  'WV',
  'WI',
  'WY',
];

/** Which table a state uses, or null when the guidelines define none for it (territories, unknown codes). */
export function guidelineRegion(state: string): 'contiguous' | 'alaska' | 'hawaii' | null {
  const code = state.toUpperCase();
  if (!US_STATE_CODES.includes(code)) return null;
  if (code === 'AK') return 'alaska';
  if (code === 'HI') return 'hawaii';
  return 'contiguous';
}

/**
 * The guideline in dollars for a household of `householdSize` (a whole number ≥ 1) in `state`, or null when
 * the state has no table. Beyond eight persons (48 states) the extra-person amount is added per person; Alaska
 * and Hawaii are their one-person figure plus the extra-person amount per further person.
 */
export function povertyGuideline(
  table: PovertyGuidelineYear,
  state: string,
  householdSize: number,
): number | null {
  if (!Number.isInteger(householdSize) || householdSize < 1) return null;
  switch (guidelineRegion(state)) {
    case 'alaska':
      return table.alaskaOne + table.alaskaExtra * (householdSize - 1);
    case 'hawaii':
      return table.hawaiiOne + table.hawaiiExtra * (householdSize - 1);
    case 'contiguous': {
      const eight = table.contiguous[7] ?? 0;
      return householdSize <= 8
        ? (table.contiguous[householdSize - 1] ?? 0)
        : eight + table.contiguousExtra * (householdSize - 8);
    }
    case null:
      return null;
  }
}

/**
 * Annual income (cents) as a percent of a guideline (dollars), rounded half up to one decimal, in integer
 * arithmetic so 100.05 % never becomes 100.0 through floating point.
 */
export function percentOfPoverty(annualIncomeCents: number, guidelineDollars: number): number {
  // percent × 10 = cents × 1000 / (dollars × 100) = cents × 10 / dollars
  const tenths = Math.floor((annualIncomeCents * 20 + guidelineDollars) / (2 * guidelineDollars));
  return tenths / 10;
}

/** The year's table among the shipped ones and those a clinic added (a clinic's own figures win). */
export function guidelineYear(
  year: number,
  added: readonly PovertyGuidelineYear[] = [],
): PovertyGuidelineYear | null {
  return (
    added.find((t) => t.year === year) ?? SHIPPED_POVERTY_GUIDELINES.find((t) => t.year === year) ?? null
  );
}
