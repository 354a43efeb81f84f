/**
 * Demo sliding scale for Fresh Start Ketamine: the default tiers saved as the clinic's first version, and the
 * portal patient assessed a month ago (household of three in North Carolina, $40,000 a year: about 146 % of the
 * guideline, the 50 % tier), approved by the front desk. Times are counted back from ctx.clock.
 */
import {
  DEFAULT_SLIDING_SCALE_TIERS,
  percentOfPoverty,
  povertyGuideline,
  SHIPPED_POVERTY_GUIDELINES,
  tierFor,
} from '@plasticity/clinical/sliding-scale';
import { toJson } from '@plasticity/db';
import type { ModuleContext } from '../../../platform/module.ts';
import type { DemoSeedInfo } from '../../../seed/demo.ts';
import { addMonths } from './assessment-view.ts';
import { DEFAULT_ASSESSMENT_VALID_MONTHS } from './tier-sets.ts';

const DAY = 86_400_000;

export async function seedSlidingScaleDemo(ctx: ModuleContext, info: DemoSeedInfo): Promise<void> {
  const patientId = info.patientIds.portal;
  const approver = info.userIds.front_desk ?? info.userIds.admin ?? null;
  const now = ctx.clock.now();
  const approvedAt = new Date(now.getTime() - 30 * DAY);
  const thisYear = approvedAt.getUTCFullYear();
  const table =
    [...SHIPPED_POVERTY_GUIDELINES].reverse().find((t) => t.year <= thisYear) ??
    SHIPPED_POVERTY_GUIDELINES[0];
  if (!patientId || !table) return;
  const incomeCents = 4_000_000;
  const guideline = povertyGuideline(table, 'NC', 3) ?? 1;
  const percent = percentOfPoverty(incomeCents, guideline);
  const tier = tierFor(DEFAULT_SLIDING_SCALE_TIERS, percent);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('sliding_scale_tier_sets')
      .values({
        clinic_id: info.clinicId,
        version: 1,
        tiers: toJson(DEFAULT_SLIDING_SCALE_TIERS.map((t) => ({ ...t }))),
        assessment_valid_months: DEFAULT_ASSESSMENT_VALID_MONTHS,
        effective_from: new Date(now.getTime() - 90 * DAY),
        created_by: info.userIds.admin ?? null,
      })
      .execute();
    await trx
      .insertInto('sliding_scale_assessments')
      .values({
        clinic_id: info.clinicId,
        patient_id: patientId,
        household_size: 3,
        annual_income_cents: incomeCents,
        state: 'NC',
        guideline_year: table.year,
        guideline_dollars: guideline,
        percent_of_poverty: percent.toFixed(1),
        tier_set_version: 1,
        tier_label: tier?.label ?? 'Tier 5',
        discount_percent: tier?.discountPercent ?? 0,
        evidence: 'Last year’s federal tax return (Form 1040) and two recent pay stubs',
        approved_by: approver,
        approved_at: approvedAt,
        expires_at: addMonths(approvedAt, DEFAULT_ASSESSMENT_VALID_MONTHS),
      })
      .execute();
  });
}
