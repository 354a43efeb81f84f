/**
 * The clinic's tiers in force: the newest saved version, or the product's defaults (version 0) when the clinic
 * has saved none. Each save is a new version; older ones stay for the record.
 */
import { DEFAULT_SLIDING_SCALE_TIERS, type SlidingScaleTier } from '@plasticity/clinical/sliding-scale';
import type { SlidingScaleTierSet } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';

export const DEFAULT_ASSESSMENT_VALID_MONTHS = 12;

export interface TierSetInForce {
  version: number;
  tiers: SlidingScaleTier[];
  assessmentValidMonths: number;
}

export async function tierSetVersions(db: Kysely<DB>, clinicId: string): Promise<SlidingScaleTierSet[]> {
  const rows = await db
    .selectFrom('sliding_scale_tier_sets as t')
    .leftJoin('users as u', 'u.id', 't.created_by')
    .select(['t.version', 't.tiers', 't.assessment_valid_months', 't.effective_from', 'u.display_name'])
    .where('t.clinic_id', '=', clinicId)
    .orderBy('t.version', 'desc')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    tiers: r.tiers,
    assessmentValidMonths: r.assessment_valid_months,
    effectiveFrom: r.effective_from.toISOString(),
    createdByName: r.display_name,
  }));
}

export function defaultTierSet(): SlidingScaleTierSet {
  return {
    version: 0,
    tiers: DEFAULT_SLIDING_SCALE_TIERS.map((t) => ({ ...t })),
    assessmentValidMonths: DEFAULT_ASSESSMENT_VALID_MONTHS,
    effectiveFrom: null,
    createdByName: null,
  };
}

export async function tierSetInForce(db: Kysely<DB>, clinicId: string): Promise<TierSetInForce> {
  const row = await db
    .selectFrom('sliding_scale_tier_sets')
    .select(['version', 'tiers', 'assessment_valid_months'])
    .where('clinic_id', '=', clinicId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) {
    return {
      version: 0,
      tiers: DEFAULT_SLIDING_SCALE_TIERS.map((t) => ({ ...t })),
      assessmentValidMonths: DEFAULT_ASSESSMENT_VALID_MONTHS,
    };
  }
  return { version: row.version, tiers: row.tiers, assessmentValidMonths: row.assessment_valid_months };
}
