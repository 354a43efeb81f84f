/** A patient's sliding-scale assessments as the API answers them, with each one's status now. */

import type { SlidingScaleAssessment, SlidingScaleAssessmentList } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';

/** Calendar months after an instant (UTC), the day kept or moved back to the month's last day. */
export function addMonths(from: Date, months: number): Date {
  const d = new Date(from.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

export async function assessmentList(
  db: Kysely<DB>,
  clinicId: string,
  patientId: string,
  now: Date,
): Promise<SlidingScaleAssessmentList> {
  const rows = await db
    .selectFrom('sliding_scale_assessments as s')
    .leftJoin('users as u', 'u.id', 's.approved_by')
    .selectAll('s')
    .select('u.display_name as approver')
    .where('s.clinic_id', '=', clinicId)
    .where('s.patient_id', '=', patientId)
    .orderBy('s.approved_at', 'desc')
    .orderBy('s.created_at', 'desc')
    .execute();
  const newest = rows.find((r) => r.entered_in_error_at === null && r.approved_at.getTime() <= now.getTime());
  const activeId = newest && newest.expires_at.getTime() > now.getTime() ? newest.id : null;
  const items = rows.map((r): SlidingScaleAssessment => {
    const status =
      r.entered_in_error_at !== null
        ? 'entered_in_error'
        : r.id === activeId
          ? 'active'
          : r.expires_at.getTime() <= now.getTime()
            ? 'expired'
            : 'superseded';
    return {
      id: r.id,
      householdSize: r.household_size,
      annualIncomeCents: r.annual_income_cents,
      state: r.state,
      year: r.guideline_year,
      guideline: r.guideline_dollars,
      percentOfPoverty: Number(r.percent_of_poverty),
      tierLabel: r.tier_label,
      discountPercent: r.discount_percent,
      tierSetVersion: r.tier_set_version,
      evidence: r.evidence,
      approvedByName: r.approver,
      approvedAt: r.approved_at.toISOString(),
      expiresAt: r.expires_at.toISOString(),
      status,
      enteredInErrorAt: r.entered_in_error_at?.toISOString() ?? null,
      enteredInErrorReason: r.entered_in_error_reason,
    };
  });
  return { items, activeId };
}
