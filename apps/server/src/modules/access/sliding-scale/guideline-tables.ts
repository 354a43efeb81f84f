/**
 * The poverty guideline years a clinic can use: the product's shipped years and the years its admin added
 * (a clinic's figures for a year replace the shipped ones).
 */
import type { PovertyGuidelineYear } from '@plasticity/clinical/sliding-scale';
import type { PovertyGuidelineYearView } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely, Selectable } from 'kysely';

export function addedYearOf(row: Selectable<DB['poverty_guideline_years']>): PovertyGuidelineYear {
  return {
    year: row.year,
    citation: row.citation,
    contiguous: row.contiguous,
    contiguousExtra: row.contiguous_extra,
    alaskaOne: row.alaska_one,
    alaskaExtra: row.alaska_extra,
    hawaiiOne: row.hawaii_one,
    hawaiiExtra: row.hawaii_extra,
  };
}

export async function addedGuidelineYears(db: Kysely<DB>, clinicId: string) {
  return db
    .selectFrom('poverty_guideline_years')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .orderBy('year')
    .execute();
}

/** A year the clinic added, as the API answers it. */
export function clinicYearView(row: Selectable<DB['poverty_guideline_years']>): PovertyGuidelineYearView {
  return {
    ...addedYearOf(row),
    contiguous: [...row.contiguous],
    source: 'clinic',
    addedAt: row.created_at.toISOString(),
  };
}
