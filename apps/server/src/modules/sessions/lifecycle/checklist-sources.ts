/**
 * What the pre-dose checklist asks of other modules, behind one narrow interface: are the required consents
 * signed and not withdrawn, is a treatment plan approved, is the eligibility decision current, are the
 * pre-session instruments completed today? Each answer queries the owning module's tables when they exist
 * (plans: `plan_*`; measurement: `assessments`) and otherwise fails clearly ("… not available") rather than
 * pretending. Read-only; runs outside the caller's transaction so a missing table cannot abort it.
 */
import { getInstrument } from '@plasticity/clinical/instruments';
import type { Protocol } from '@plasticity/clinical/protocols';
import { CONSENT_KIND_LABELS, type ConsentKind } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import { type Kysely, sql } from 'kysely';
import { tableExists } from '../shared/protocol-lookup.ts';

export interface SourceResult {
  ok: boolean;
  message: string;
}

export interface SourceInput {
  clinicId: string;
  patientId: string;
  planId: string | null;
  protocol: Protocol;
  /** Start of the session's clinic day (instruments must be completed on or after it). */
  dayStart: Date;
}

export async function consentsValid(db: Kysely<DB>, i: SourceInput): Promise<SourceResult> {
  if (!(await tableExists(db, 'plan_consent_signatures')))
    return { ok: false, message: 'consent records not available' };
  const r = await sql<{ kind: string }>`
    select distinct kind from plan_consent_signatures
     where clinic_id = ${i.clinicId} and patient_id = ${i.patientId} and withdrawn_at is null`.execute(db);
  const have = new Set(r.rows.map((x) => x.kind));
  const missing = i.protocol.requiredConsents.filter((k) => !have.has(k));
  return missing.length
    ? {
        ok: false,
        message: `consent not signed: ${missing.map((k) => CONSENT_KIND_LABELS[k as ConsentKind] ?? k).join(', ')}`,
      }
    : { ok: true, message: 'required consents signed' };
}

export async function planApproved(db: Kysely<DB>, i: SourceInput): Promise<SourceResult> {
  if (!(await tableExists(db, 'plan_treatment_plans')))
    return { ok: false, message: 'no approved plan found (plans not available)' };
  const r = await sql<{ id: string }>`
    select id from plan_treatment_plans
     where clinic_id = ${i.clinicId} and patient_id = ${i.patientId} and entered_in_error_at is null
       and status in ('approved', 'active') ${i.planId ? sql`and id = ${i.planId}::uuid` : sql``}
     limit 1`.execute(db);
  return r.rows.length
    ? { ok: true, message: 'treatment plan approved' }
    : { ok: false, message: 'no approved plan found' };
}

export async function eligibilityCurrent(db: Kysely<DB>, i: SourceInput): Promise<SourceResult> {
  if (!(await tableExists(db, 'plan_eligibility_decisions')))
    return { ok: false, message: 'no eligibility decision found (not available)' };
  const r = await sql<{ decision: string | null }>`
    select decision from plan_eligibility_decisions
     where clinic_id = ${i.clinicId} and patient_id = ${i.patientId} and entered_in_error_at is null
     order by evaluated_at desc limit 1`.execute(db);
  const d = r.rows[0]?.decision;
  if (!r.rows.length) return { ok: false, message: 'no eligibility decision found' };
  return d === 'approved'
    ? { ok: true, message: 'eligibility approved' }
    : { ok: false, message: `latest eligibility decision is ${d ?? 'pending'}` };
}

export async function instrumentsDone(db: Kysely<DB>, i: SourceInput): Promise<SourceResult> {
  const wanted = i.protocol.requiredInstruments
    .filter((x) => x.cadence === 'before_each_session')
    .map((x) => x.instrument);
  if (wanted.length === 0) return { ok: true, message: 'no pre-session instruments required' };
  if (!(await tableExists(db, 'assessments')))
    return { ok: false, message: 'instrument results not available' };
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
