/**
 * The treatment plan behind a dosing appointment, as the calendar, the day list and the live board show it:
 * the appointment's own plan, else the patient's newest open plan (draft, approved or active) — so a visit
 * the front desk booked before a plan was written shows "Plan approval pending" once there is one, and
 * "Plan approved" once it is approved. One rule for every screen.
 */
import type { PlanState } from '@plasticity/contracts';
import { type RawBuilder, sql } from 'kysely';

/**
 * SQL for the plan status to judge: `appointment` and `ownPlan` are the query's aliases of `appointments` and
 * of the plan joined on `appointment.plan_id`.
 */
export function planStatusSql(appointment: string, ownPlan: string): RawBuilder<string | null> {
  const a = (c: string) => sql.ref(`${appointment}.${c}`);
  return sql<string | null>`coalesce(${sql.ref(`${ownPlan}.status`)},
    case when ${a('type')} = 'dosing' and ${a('plan_id')} is null then (
      select lp.status from plan_treatment_plans lp
       where lp.clinic_id = ${a('clinic_id')} and lp.patient_id = ${a('patient_id')}
         and lp.status in ('draft', 'approved', 'active') and lp.entered_in_error_at is null
       order by lp.created_at desc, lp.seq desc limit 1) end)`;
}

/** Dosing visits only (null otherwise): approved (also active or completed), pending (draft), or none. */
export function planStateOf(type: string, status: string | null): PlanState | null {
  if (type !== 'dosing') return null;
  if (status === 'approved' || status === 'active' || status === 'completed') return 'approved';
  if (status === 'draft') return 'pending';
  return 'none';
}
