/**
 * Each indication's primary outcome scale (docs/clinical-sources.md#outcomes-time-points): depression
 * (including treatment-resistant depression and MDD with suicidal ideation) PHQ-9, generalized anxiety
 * GAD-7, PTSD PCL-5, alcohol use disorder AUDIT. Opioid use disorder has no primary scale here: its
 * patients are counted as treated but have no score outcome unless an instrument is chosen.
 */
import type { Indication } from '../protocols/types.ts';

export const PRIMARY_SCALE: Readonly<Record<Indication, string | null>> = {
  depression: 'phq9',
  trd: 'phq9',
  mdd_with_suicidal_ideation: 'phq9',
  anxiety: 'gad7',
  ptsd: 'pcl5',
  alcohol_use_disorder: 'audit',
  opioid_use_disorder: null,
};

/** The scale a patient is measured on: the chosen one, else the primary scale of the first indication that has one. */
export function outcomeInstrumentFor(
  indications: readonly string[],
  chosen: string | undefined,
): string | null {
  if (chosen !== undefined) return chosen;
  for (const i of indications) {
    const scale = (PRIMARY_SCALE as Record<string, string | null | undefined>)[i];
    if (scale) return scale;
  }
  return null;
}

/**
 * The indications a dashboard filter matches: "depression" (major depressive disorder, ICD-10-CM F32–F33) takes in
 * its subsets treatment-resistant depression and MDD with suicidal ideation, so a director filtering to depression
 * sees every depressed patient; the other indications match only themselves.
 */
export function indicationsMatching(indication: Indication): readonly Indication[] {
  return indication === 'depression' ? ['depression', 'trd', 'mdd_with_suicidal_ideation'] : [indication];
}

export type AgeBand = '18-24' | '25-34' | '35-44' | '45-54' | '55-64' | '65+' | 'under_18';
export const AGE_BANDS: readonly AgeBand[] = ['under_18', '18-24', '25-34', '35-44', '45-54', '55-64', '65+'];

/** Age in whole years on a date (both YYYY-MM-DD) and its band. */
export function ageBand(dateOfBirth: string, onDate: string): AgeBand {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  const age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
  if (age < 18) return 'under_18';
  if (age < 25) return '18-24';
  if (age < 35) return '25-34';
  if (age < 45) return '35-44';
  if (age < 55) return '45-54';
  if (age < 65) return '55-64';
  return '65+';
}
