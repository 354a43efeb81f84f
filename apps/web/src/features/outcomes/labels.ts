/** Words for the outcomes dashboard's codes (time points, response categories, age bands, counts). */
import type { ShownCount } from '@plasticity/contracts';

export const TIME_POINT_LABELS: Readonly<Record<string, string>> = {
  end_of_induction: 'End of induction',
  month_3: '3 months',
  month_6: '6 months',
};

export const CATEGORY_LABELS: Readonly<Record<string, string>> = {
  response: 'Response (50 % or more)',
  partial: 'Partial (25–49 %)',
  none: 'Less than 25 %',
};

export const AGE_BAND_OPTIONS = [
  { value: 'under_18', label: 'Under 18' },
  { value: '18-24', label: '18 to 24' },
  { value: '25-34', label: '25 to 34' },
  { value: '35-44', label: '35 to 44' },
  { value: '45-54', label: '45 to 54' },
  { value: '55-64', label: '55 to 64' },
  { value: '65+', label: '65 and over' },
];

export const SEX_OPTIONS = [
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
  { value: 'other', label: 'Other' },
  { value: 'unknown', label: 'Unknown' },
];

/** A count as shown: "Fewer than 11" for a suppressed one, else the number with separators. */
export function countText(n: ShownCount): string {
  return n === '<11' ? 'Fewer than 11' : n.toLocaleString('en-US');
}

/** A rate 0–1 as a percentage, or a dash when it is withheld. */
export function rateText(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10} %`;
}
