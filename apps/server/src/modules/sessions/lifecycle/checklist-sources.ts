/**
 * What the pre-dose checklist asks of other modules, behind one narrow interface: are the required consents
 * signed and not withdrawn, is a treatment plan approved, is the eligibility decision current, are the
 * pre-session instruments completed today? What did the patient confirm before the visit (escort, fasting)? Plans, eligibility decisions and consents count only when made
 * for the session's drug and route (`@plasticity/clinical/protocols` match rules). Each answer queries the
 * owning module's tables (plans: `plan_*`; measurement: `assessments`; scheduling: `appointments`), which every
 * migrated database has.
 * Read-only.
 */

import { getInstrument } from '@plasticity/clinical/instruments';
import {
  checkConsents,
  type DrugRoute,
  drugRouteLabel,
  drugRouteMismatch,
  type Protocol,
  sameDrugRoute,
} from '@plasticity/clinical/protocols';
import type { DB } from '@plasticity/db';
import { type Kysely, sql } from 'kysely';
import { stamp } from '../../../platform/time-format.ts';

export interface SourceResult {
  ok: boolean;
  message: string;
  /**
   * False when the record found is for another drug or route than the session's: a prescriber's override
   * cannot pass it (book the session under the right protocol, or record the plan, decision or consent
   * for this drug and route).
   */
  overridable?: boolean;
}

export interface SourceInput {
  clinicId: string;
  patientId: string;
  planId: string | null;
  protocol: Protocol;
  /** Start of the session's clinic day (instruments must be completed on or after it). */
  dayStart: Date;
}

const sessionDrugRoute = (i: SourceInput): DrugRoute => ({ drug: i.protocol.drug, route: i.protocol.route });

export async function consentsValid(db: Kysely<DB>, i: SourceInput): Promise<SourceResult> {
  const r = await sql<{ kind: string }>`
    select distinct kind from plan_consent_signatures
     where clinic_id = ${i.clinicId} and patient_id = ${i.patientId} and withdrawn_at is null`.execute(db);
  const c = checkConsents(
    i.protocol.requiredConsents,
    r.rows.map((x) => x.kind),
    sessionDrugRoute(i),
  );
  return { ok: c.ok, message: c.message, ...(c.notCovering.length ? { overridable: false } : {}) };
}

/**
 * The session's plan (or, when the session names none, the patient's approved plans) must be approved and
 * for the session's drug and route: an IV ketamine plan does not approve intranasal esketamine.
 */
export async function planApproved(db: Kysely<DB>, i: SourceInput): Promise<SourceResult> {
  const r = await sql<{ id: string; drug: string; route: string }>`
    select tp.id, pp.drug, pp.route from plan_treatment_plans tp
      join plan_protocols pp on pp.id = tp.protocol_id and pp.clinic_id = tp.clinic_id
     where tp.clinic_id = ${i.clinicId} and tp.patient_id = ${i.patientId} and tp.entered_in_error_at is null
       and tp.status in ('approved', 'active') ${i.planId ? sql`and tp.id = ${i.planId}::uuid` : sql``}
     order by tp.created_at desc, tp.seq desc`.execute(db);
  const session = sessionDrugRoute(i);
  if (r.rows.some((p) => sameDrugRoute(p, session)))
    return { ok: true, message: `treatment plan approved for ${drugRouteLabel(session)}` };
  const other = r.rows[0];
  if (other)
    return {
      ok: false,
      overridable: false,
      message: drugRouteMismatch('the approved plan', other, session) as string,
    };
  return { ok: false, message: `no approved plan found for ${drugRouteLabel(session)}` };
}

/**
 * The latest eligibility decision that applies to the session: one made for its drug and route, or a general
 * screen made without a protocol (every rule runs then, so it errs on the side of caution). A decision made
 * only for another drug or route does not count.
 */
export async function eligibilityCurrent(db: Kysely<DB>, i: SourceInput): Promise<SourceResult> {
  const r = await sql<{ decision: string | null; drug: string | null; route: string | null }>`
    select d.decision, pp.drug, pp.route from plan_eligibility_decisions d
      left join plan_protocols pp on pp.id = d.protocol_id and pp.clinic_id = d.clinic_id
     where d.clinic_id = ${i.clinicId} and d.patient_id = ${i.patientId} and d.entered_in_error_at is null
     order by d.evaluated_at desc, d.seq desc`.execute(db);
  if (!r.rows.length) return { ok: false, message: 'no eligibility decision found' };
  const session = sessionDrugRoute(i);
  const applies = r.rows.find(
    (d) => d.drug === null || sameDrugRoute({ drug: d.drug, route: d.route ?? '' }, session),
  );
  if (!applies) {
    const other = r.rows[0] as { drug: string; route: string };
    return {
      ok: false,
      overridable: false,
      message: drugRouteMismatch('the eligibility decision', other, session) as string,
    };
  }
  const d = applies.decision;
  return d === 'approved'
    ? { ok: true, message: `eligibility approved${applies.drug ? ` for ${drugRouteLabel(session)}` : ''}` }
    : { ok: false, message: `latest eligibility decision is ${d ?? 'pending'}` };
}

export async function instrumentsDone(db: Kysely<DB>, i: SourceInput): Promise<SourceResult> {
  const wanted = i.protocol.requiredInstruments
    .filter((x) => x.cadence === 'before_each_session')
    .map((x) => x.instrument);
  if (wanted.length === 0) return { ok: true, message: 'no pre-session instruments required' };
  const r = await sql<{ instrument_id: string }>`
    select distinct instrument_id from assessments
     where clinic_id = ${i.clinicId} and patient_id = ${i.patientId} and entered_in_error_at is null
       and administered_at >= ${i.dayStart}`.execute(db);
  const have = new Set(r.rows.map((x) => x.instrument_id));
  const missing = wanted.filter((k) => !have.has(k));
  return missing.length
    ? {
        ok: false,
        message: `not completed today: ${missing.map((k) => getInstrument(k)?.name ?? k).join(', ')}`,
      }
    : { ok: true, message: 'pre-session instruments completed' };
}

/** What the patient confirmed through the visit's confirmation link (or the front desk) before the visit. */
export interface PatientConfirmation {
  at: Date;
  /** `at` in the clinic's zone, as shown (`2026-12-05 18:10 EST`). */
  atText: string;
  escortName: string | null;
  escortPhone: string | null;
  fastingConfirmed: boolean;
}

/** How far from the session's time a dosing appointment of the patient counts as this visit's. */
const SAME_VISIT_MS = 12 * 3_600_000;

/**
 * The confirmation of the session's appointment (`appointmentId`, set at check-in), or, failing that, of the
 * patient's dosing appointment closest to the session's time within 12 hours. Null when none was confirmed.
 */
export async function patientConfirmation(
  db: Kysely<DB>,
  i: { clinicId: string; patientId: string; appointmentId: string | null; around: Date },
): Promise<PatientConfirmation | null> {
  let q = db
    .selectFrom('appointments as a')
    .innerJoin('clinics as c', 'c.id', 'a.clinic_id')
    .select(['a.confirmed_at', 'a.escort_name', 'a.escort_phone', 'a.fasting_confirmed', 'c.time_zone'])
    .where('a.clinic_id', '=', i.clinicId)
    .where('a.patient_id', '=', i.patientId)
    .where('a.confirmed_at', 'is not', null);
  q = i.appointmentId
    ? q.where('a.id', '=', i.appointmentId)
    : q
        .where('a.type', '=', 'dosing')
        .where('a.status', 'in', ['booked', 'checked_in'])
        .where('a.start_at', '>=', new Date(i.around.getTime() - SAME_VISIT_MS))
        .where('a.start_at', '<=', new Date(i.around.getTime() + SAME_VISIT_MS))
        .orderBy(sql`abs(extract(epoch from (a.start_at - ${i.around}::timestamptz)))`);
  const r = await q.limit(1).executeTakeFirst();
  if (!r?.confirmed_at) return null;
  return {
    at: r.confirmed_at,
    atText: stamp(r.confirmed_at, r.time_zone),
    escortName: r.escort_name,
    escortPhone: r.escort_phone,
    fastingConfirmed: r.fasting_confirmed,
  };
}
