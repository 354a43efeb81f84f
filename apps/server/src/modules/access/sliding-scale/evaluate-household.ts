/**
 * A household against the poverty guideline of its year and state and the clinic's tiers in force
 * (docs/clinical-sources.md#hhs-poverty-guidelines, #sliding-scale-tiers). A year or a state with no table is
 * bad input: 400 naming `body.year` / `body.state` (both when both are wrong).
 */
import {
  guidelineRegion,
  guidelineYear,
  percentOfPoverty,
  povertyGuideline,
  tierFor,
} from '@plasticity/clinical/sliding-scale';
import type { ErrorDetail } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import { AppError } from '../../../platform/errors.ts';
import { addedGuidelineYears, addedYearOf } from './guideline-tables.ts';
import { tierSetInForce } from './tier-sets.ts';

export interface Household {
  householdSize: number;
  annualIncomeCents: number;
  state: string;
  year: number;
}

export interface HouseholdResult {
  guideline: number;
  percentOfPoverty: number;
  tierLabel: string;
  discountPercent: number;
  tierSetVersion: number;
  assessmentValidMonths: number;
}

export async function evaluateHousehold(
  db: Kysely<DB>,
  clinicId: string,
  h: Household,
): Promise<HouseholdResult> {
  const added = (await addedGuidelineYears(db, clinicId)).map(addedYearOf);
  const table = guidelineYear(h.year, added);
  const problems: ErrorDetail[] = [];
  if (!table) {
    problems.push({
      field: 'body.year',
      message: `has no poverty guidelines for ${h.year}; an admin can add them`,
    });
  }
  if (guidelineRegion(h.state) === null) {
    problems.push({
      field: 'body.state',
      message: 'has no poverty guideline table (the 50 states and the District of Columbia have one)',
    });
  }
  const guideline = table ? povertyGuideline(table, h.state, h.householdSize) : null;
  if (!table || guideline === null || problems.length > 0) {
    if (problems.length === 0) problems.push({ field: 'body.householdSize', message: 'must be 1 or more' });
    throw new AppError(
      'validation_failed',
      problems.map((p) => `${p.field}: ${p.message}`).join('; '),
      problems,
    );
  }
  const percent = percentOfPoverty(h.annualIncomeCents, guideline);
  const set = await tierSetInForce(db, clinicId);
  const tier = tierFor(set.tiers, percent);
  if (!tier) throw new AppError('internal', 'the clinic tiers leave a percent without a tier');
  return {
    guideline,
    percentOfPoverty: percent,
    tierLabel: tier.label,
    discountPercent: tier.discountPercent,
    tierSetVersion: set.version,
    assessmentValidMonths: set.assessmentValidMonths,
  };
}
