/**
 * The dose check of an administration: the dose calculator's rules (`checkGivenDose`, the same rules as
 * POST /api/v1/dose/calculate) applied to what is actually given, server-side. The patient's latest measured
 * weight, latest recorded height, sex and age from the chart and the clinic's weight-recency setting are read
 * as the calculator route reads them (so the protocol's dosing-weight rule applies alike). What is judged is the session's total: this dose plus the doses already given in the
 * session (not entered in error), so a dose given in parts cannot pass where the whole would not.
 *
 * Besides the limits: a dose different from the plan's prescribed dose needs `doseChangeReason`, and a dose
 * not drawn from a register container needs `notFromRegisterReason`. Every failing item is returned, each
 * with the request field it concerns and words naming the limit; the caller refuses with all of them.
 */
import {
  calculateDose,
  checkGivenDose,
  type GivenDose,
  reasonInWords as inWords,
} from '@plasticity/clinical/dosing';
import type { Protocol } from '@plasticity/clinical/protocols';
import type { AdministrationRequest, ErrorDetail, PrescribedDose } from '@plasticity/contracts';
import { sql } from 'kysely';
import { latestHeightCm } from '../../plans/dosing/latest-height.ts';
import { latestWeight } from '../../plans/dosing/latest-weight.ts';
import type { Verification } from '../../plans/dosing/verify-override.ts';
import { ageOn, plansSettings } from '../../plans/patient-and-settings.ts';
import { type Executor, protocolOf, type SessionRow } from '../shared/load.ts';

export interface PlanDose {
  planId: string;
  dose: PrescribedDose;
}

export interface DoseCheckOutcome {
  failures: ErrorDetail[];
  /** What is stored with the administration (`dose_check`). */
  stored: Record<string, unknown>;
  overridden: boolean;
  planId: string | null;
  durationMin: number | null;
  rateMlPerHour: number | null;
}

const num = (v: number) => String(Number(v.toFixed(3)));

/**
 * The approved prescribed dose that applies to the session: its plan's when it has one, else the patient's
 * latest approved or active plan for the same drug and route. Null without one (nothing to differ from).
 */
export async function planDoseFor(db: Executor, s: SessionRow, p: Protocol): Promise<PlanDose | null> {
  const r = await sql<{ id: string; prescribed_dose: PrescribedDose | string }>`
    select t.id, t.prescribed_dose from plan_treatment_plans t
      join plan_protocols pr on pr.id = t.protocol_id and pr.clinic_id = t.clinic_id
     where t.clinic_id = ${s.clinic_id} and t.patient_id = ${s.patient_id} and t.entered_in_error_at is null
       and t.status in ('approved', 'active') and t.prescribed_dose is not null
       and t.dose_approved_at is not null
       ${s.plan_id ? sql`and t.id = ${s.plan_id}::uuid` : sql`and pr.drug = ${p.drug} and pr.route = ${p.route}`}
     order by t.approved_at desc, t.seq desc limit 1`.execute(db);
  const row = r.rows[0];
  if (!row) return null;
  const dose =
    typeof row.prescribed_dose === 'string' ? JSON.parse(row.prescribed_dose) : row.prescribed_dose;
  return { planId: row.id, dose };
}

/** Sum of the doses already given in the session (entered-in-error ones excluded). */
async function alreadyGivenMg(db: Executor, s: SessionRow): Promise<number> {
  const rows = await db
    .selectFrom('session_administrations')
    .select('dose_mg')
    .where('clinic_id', '=', s.clinic_id)
    .where('session_id', '=', s.id)
    .where('entered_in_error_at', 'is', null)
    .execute();
  // Doses are stored to 0.1 mg or coarser: summing in tenths keeps the total exact.
  return rows.reduce((t, r) => t + Math.round(Number(r.dose_mg) * 1000), 0) / 1000;
}

export async function checkAdministrationDose(
  db: Executor,
  s: SessionRow,
  p: Protocol,
  b: AdministrationRequest,
  opts: { now: Date; concentrationMgPerMl: number | null; verification: Verification | undefined },
): Promise<DoseCheckOutcome> {
  const { now, verification } = opts;
  const failures: ErrorDetail[] = [];
  const patient = await db
    .selectFrom('patients')
    .select(['date_of_birth', 'sex'])
    .where('clinic_id', '=', s.clinic_id)
    .where('id', '=', s.patient_id)
    .executeTakeFirstOrThrow();
  const settings = await plansSettings(db, s.clinic_id);
  const weightBased = p.dose.kind === 'weight_based';
  const weight = weightBased ? await latestWeight(db, s.clinic_id, s.patient_id) : null;
  const heightCm = weightBased ? await latestHeightCm(db, s.clinic_id, s.patient_id) : null;
  const plan = await planDoseFor(db, s, p);
  const before = await alreadyGivenMg(db, s);
  const totalMg = Math.round((before + b.doseMg) * 1000) / 1000;
  const durationMin =
    p.route === 'iv' ? (b.durationMin ?? plan?.dose.durationMin ?? p.durationMin ?? null) : null;
  const ctx = {
    now,
    maxWeightAgeDays: settings.maxWeightAgeDays,
    ...(weight ? { weightMeasuredAt: weight.measuredAt } : {}),
  };
  const check = checkGivenDose(
    {
      doseMg: totalMg,
      ageYears: ageOn(patient.date_of_birth, now),
      ...(weight ? { weightKg: weight.weightKg } : {}),
      ...(heightCm !== null ? { heightCm } : {}),
      ...(weightBased ? { sex: patient.sex as NonNullable<GivenDose['sex']> } : {}),
      ...(opts.concentrationMgPerMl !== null && before === 0
        ? { concentrationMgPerMl: opts.concentrationMgPerMl }
        : {}),
      ...(durationMin !== null ? { durationMin } : {}),
      ...(b.override && verification
        ? { override: { reason: b.override.reason, verified: verification.ok } }
        : {}),
    },
    p,
    ctx,
  );
  const r = check.result;
  // The calculator's reasons name the dose; with earlier doses they concern the session's total.
  const what =
    before > 0 ? `the session’s total of ${num(totalMg)} mg (${num(before)} mg already given): ` : '';
  if (weightBased && !weight)
    failures.push({
      field: 'body.doseMg',
      message: 'no measured weight on record for this patient: record a weight first',
    });
  for (const reason of r.reasons) {
    if (weightBased && !weight && /weightKg is required/.test(reason)) continue;
    failures.push({ field: 'body.doseMg', message: `${what}${inWords(reason)}` });
  }
  if (b.override && verification && !verification.ok)
    failures.push({ field: 'body.override', message: `override refused: ${verification.problem}` });
  else if (!b.override && check.overrideWouldAllow)
    failures.push({
      field: 'body.override',
      message:
        'a dose above the protocol maximum needs the prescriber’s override with a reason and a second clinician’s verification',
    });

  let plannedMg: number | null = null;
  if (plan) {
    plannedMg =
      plan.dose.mgPerKg !== undefined
        ? weight
          ? calculateDose(
              {
                mgPerKg: plan.dose.mgPerKg,
                weightKg: weight.weightKg,
                ...(heightCm !== null ? { heightCm } : {}),
                sex: patient.sex as NonNullable<GivenDose['sex']>,
              },
              p,
              ctx,
            ).doseMg || null
          : null
        : (plan.dose.fixedMg ?? null);
    const planWords =
      plan.dose.mgPerKg !== undefined
        ? `${plan.dose.mgPerKg} mg/kg${plannedMg !== null ? ` (${num(plannedMg)} mg)` : ''}`
        : `${plan.dose.fixedMg} mg`;
    if (plannedMg !== totalMg && !b.doseChangeReason)
      failures.push({
        field: 'body.doseChangeReason',
        message: `a reason is required: the dose differs from the plan’s prescribed dose of ${planWords}`,
      });
  }
  if (!b.containerId && !b.notFromRegisterReason)
    failures.push({
      field: 'body.notFromRegisterReason',
      message: 'a reason is required when the dose is not drawn from a container in the register',
    });

  return {
    failures,
    overridden: !r.blocked && r.overridden,
    planId: plan?.planId ?? null,
    durationMin,
    rateMlPerHour: b.rateMlPerHour ?? (before === 0 ? (r.rateMlPerHour ?? null) : null),
    stored: {
      protocolVersion: s.protocol_version,
      doseMg: b.doseMg,
      totalMg,
      alreadyGivenMg: before,
      weightKg: weight?.weightKg ?? null,
      weightMeasuredAt: weight?.measuredAt.toISOString() ?? null,
      mgPerKg: check.mgPerKg,
      warnings: r.warnings.map(inWords),
      overridden: !r.blocked && r.overridden,
      planId: plan?.planId ?? null,
      plannedMg,
      planDose: plan?.dose ?? null,
    },
  };
}

/**
 * What the administration form is pre-filled from: the approved prescribed dose (if any), the patient's
 * latest measured weight and age, the clinic's weight-recency limit and the session's protocol snapshot —
 * so the browser runs the same pure calculator (`calculateDose`, `checkGivenDose`) for dose, volume and rate,
 * with the height and sex its dosing-weight rule reads. Only while a dose can be recorded (dosing,
 * monitoring); the session record carries null otherwise.
 */
export async function doseOrderFor(
  db: Executor,
  s: SessionRow,
  now: Date,
  patient: { date_of_birth: string; sex: string },
) {
  const p = protocolOf(s);
  const weightBased = p.dose?.kind === 'weight_based';
  const [settings, weight, heightCm, plan] = await Promise.all([
    plansSettings(db, s.clinic_id),
    weightBased ? latestWeight(db, s.clinic_id, s.patient_id) : null,
    weightBased ? latestHeightCm(db, s.clinic_id, s.patient_id) : null,
    planDoseFor(db, s, p),
  ]);
  return {
    planId: plan?.planId ?? null,
    prescribed: plan?.dose ?? null,
    weightKg: weight?.weightKg ?? null,
    weightMeasuredAt: weight?.measuredAt.toISOString() ?? null,
    heightCm,
    sex: patient.sex,
    ageYears: ageOn(patient.date_of_birth, now),
    maxWeightAgeDays: settings.maxWeightAgeDays,
    protocol: p,
  };
}
