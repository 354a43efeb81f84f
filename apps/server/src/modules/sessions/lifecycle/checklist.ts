/**
 * The pre-dose checklist: the protocol's items (docs/clinical-sources.md#pre-dose-checklist-and-fasting;
 * `defaultChecklist()`), each either attested by staff (fasting, escort with name and phone, pregnancy test
 * or not applicable, REMS enrolment) or derived from data (consents, plan, eligibility, instruments, baseline
 * vitals via `predoseVitalsCheck`). Esketamine adds "prescriber on site" (SPRAVATO REMS 386,
 * docs/clinical-sources.md#spravato-rems-requirements).
 * Every blocking item that is not passed blocks dosing unless a prescriber overrides it with a reason —
 * except a plan, eligibility decision or consent made for another drug or route, which no override passes.
 * REMS enrolment is attested with the patient's REMS enrolment identifier and date and the setting's
 * certification (clinic settings), copied onto the session when attested.
 * What the patient confirmed before the visit (confirmation link: escort's name and phone, fasting) is shown
 * on the escort and fasting items and offered as the escort's prefill, but does not pass them: fasting and the
 * escort's presence are facts of the day, which the nurse checks and attests.
 */
import { predoseVitalsCheck } from '@plasticity/clinical/monitoring';
import type { ChecklistItem } from '@plasticity/clinical/protocols';
import type { RemsEnrolment } from '@plasticity/contracts';
import { sql } from 'kysely';
import { type Executor, protocolOf, type SessionRow } from '../shared/load.ts';
import {
  consentsValid,
  eligibilityCurrent,
  instrumentsDone,
  type PatientConfirmation,
  patientConfirmation,
  planApproved,
  type SourceInput,
  type SourceResult,
} from './checklist-sources.ts';

export interface Attestation {
  status: 'done' | 'not_applicable';
  note?: string;
  by: string;
  at: string;
  /** REMS enrolment: what was checked (the patient's enrolment, the setting's certification). */
  rems?: RemsEnrolment;
}

export interface ChecklistResult {
  key: string;
  label: string;
  kind: string;
  blocking: boolean;
  allowNotApplicable: boolean;
  /** Whether staff set it (attested) or it is derived from records. */
  attested: boolean;
  passed: boolean;
  /** False when a failing item cannot be overridden (a record for another drug or route). */
  overridable: boolean;
  message: string;
  attestation: Attestation | null;
  source: string;
  /** What the patient confirmed before the visit for this item (escort, fasting), for the nurse to check. */
  prefill?: ChecklistPrefill;
}

export interface ChecklistPrefill {
  confirmedByPatientAt: string;
  escortName?: string;
  escortPhone?: string;
}

/** The escort and fasting items' prefill and the sentence added to their message, from the patient's confirmation. */
function fromPatient(
  key: string,
  c: PatientConfirmation | null,
): { prefill: ChecklistPrefill; note: string } | null {
  if (!c) return null;
  const at = c.at.toISOString();
  if (key === 'escort' && c.escortName && c.escortPhone)
    return {
      prefill: { confirmedByPatientAt: at, escortName: c.escortName, escortPhone: c.escortPhone },
      note: `the patient named ${c.escortName} (${c.escortPhone}) on ${c.atText}: check and confirm`,
    };
  if (key === 'fasting' && c.fastingConfirmed)
    return {
      prefill: { confirmedByPatientAt: at },
      note: `confirmed by the patient on ${c.atText}: check and confirm`,
    };
  return null;
}

/** Items set by staff on the checklist; the rest are derived. */
export const ATTESTED_KEYS = new Set([
  'fasting',
  'escort',
  'pregnancy_test',
  'rems_enrolled',
  'prescriber_on_site',
]);

export const PRESCRIBER_ON_SITE: ChecklistItem = {
  key: 'prescriber_on_site',
  label: 'Prescriber on site for the session',
  kind: 'regulatory',
  blocking: true,
  source: 'SPRAVATO REMS 386 (certified setting; prescriber on site)',
};

export function checklistItems(s: SessionRow): ChecklistItem[] {
  const p = protocolOf(s);
  const items = [...(p.checklist ?? [])];
  if (p.drug === 'esketamine' && !items.some((i) => i.key === PRESCRIBER_ON_SITE.key))
    items.push(PRESCRIBER_ON_SITE);
  return items;
}

/**
 * Baseline vitals: the latest reading taken before dosing, checked against the protocol's pre-dose rules. A
 * bedside monitor's reading counts only once a nurse has confirmed it (validation of device data), as for
 * discharge (discharge-state.ts).
 */
async function baselineVitals(db: Executor, s: SessionRow): Promise<SourceResult> {
  const v = await db
    .selectFrom('session_vitals')
    .select(['sbp', 'dbp', 'hr', 'spo2', 'rr', 'at'])
    .where('session_id', '=', s.id)
    .where('clinic_id', '=', s.clinic_id)
    .where('entered_in_error_at', 'is', null)
    .where((eb) => eb.or([eb('source', '=', 'manual'), eb('confirmed_at', 'is not', null)]))
    .orderBy('at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!v) return { ok: false, message: 'no baseline vitals recorded' };
  const reading = Object.fromEntries(
    Object.entries({ sbp: v.sbp, dbp: v.dbp, hr: v.hr, spo2: v.spo2, rr: v.rr }).filter(
      ([, x]) => x !== null,
    ),
  );
  const r = predoseVitalsCheck(protocolOf(s), reading);
  if (r.decision === 'proceed') return { ok: true, message: 'baseline vitals within pre-dose limits' };
  const prefix = r.decision === 'review' ? 'prescriber decision needed: ' : '';
  return { ok: false, message: prefix + r.findings.map((f) => f.message).join('; ') };
}

/** REMS enrolment passes only with the patient's enrolment and the setting's certification on record. */
function remsEnrolled(att: Attestation | null): SourceResult {
  if (att?.status !== 'done') return { ok: false, message: "record the patient's REMS enrolment" };
  const r = att.rems;
  if (!r) return { ok: false, message: 'REMS enrolment identifier not recorded' };
  return {
    ok: true,
    message:
      `patient REMS enrolment ${r.patientEnrolmentId} (enrolled ${r.enrolledOn}); ` +
      `setting certification ${r.settingCertificationId} (certified ${r.settingCertifiedOn})`,
  };
}

export async function evaluateChecklist(db: Executor, s: SessionRow, now: Date): Promise<ChecklistResult[]> {
  const state = (s.checklist ?? {}) as Record<string, Attestation>;
  const input: SourceInput = {
    clinicId: s.clinic_id,
    patientId: s.patient_id,
    planId: s.plan_id,
    protocol: protocolOf(s),
    dayStart: new Date(now.getTime() - 24 * 3600_000),
  };
  const confirmed = await patientConfirmation(db, {
    clinicId: s.clinic_id,
    patientId: s.patient_id,
    appointmentId: s.appointment_id,
    around: s.scheduled_at,
  });
  const out: ChecklistResult[] = [];
  for (const item of checklistItems(s)) {
    const att = state[item.key] ?? null;
    let res: SourceResult;
    switch (item.key) {
      case 'consents_valid':
        res = await consentsValid(db, input);
        break;
      case 'plan_approved':
        res = await planApproved(db, input);
        break;
      case 'eligibility_current':
        res = await eligibilityCurrent(db, input);
        break;
      case 'pre_session_instruments':
        res = await instrumentsDone(db, input);
        break;
      case 'baseline_vitals':
        res = await baselineVitals(db, s);
        break;
      case 'escort':
        res =
          att?.status === 'done' && s.escort
            ? { ok: true, message: 'escort confirmed' }
            : { ok: false, message: 'escort not confirmed (name and phone)' };
        break;
      case 'rems_enrolled':
        res = remsEnrolled(att);
        break;
      case 'prescriber_on_site':
        res = s.prescriber_on_site_id
          ? { ok: true, message: 'prescriber on site recorded' }
          : { ok: false, message: 'no prescriber on site recorded' };
        break;
      default:
        res = att
          ? { ok: true, message: att.status === 'not_applicable' ? 'not applicable' : 'confirmed' }
          : { ok: false, message: 'not confirmed' };
    }
    const patient = fromPatient(item.key, confirmed);
    if (patient && !res.ok) res = { ...res, message: `${res.message}; ${patient.note}` };
    out.push({
      ...(patient ? { prefill: patient.prefill } : {}),
      key: item.key,
      label: item.label,
      kind: item.kind,
      blocking: item.blocking,
      allowNotApplicable: item.allowNotApplicable === true,
      attested: ATTESTED_KEYS.has(item.key),
      passed: res.ok,
      overridable: res.ok || res.overridable !== false,
      message: res.message,
      attestation: att,
      source: item.source,
    });
  }
  return out;
}

/** Serialises check-ins of one patient (one open session at a time) inside the caller's transaction. */
export async function lockPatient(trx: Executor, clinicId: string, patientId: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${`dosing-session:${clinicId}:${patientId}`}))`.execute(
    trx,
  );
}
