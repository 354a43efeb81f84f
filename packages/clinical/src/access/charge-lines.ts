/**
 * The services a clinic prices and the rule that turns what happened — a discharged dosing session or a visit —
 * into charge lines (code, modifiers, units). Sources: docs/clinical-sources.md#charge-lines.
 * - IV infusion: CPT 96365 for the first hour (an infusion of more than 15 minutes, up to 90); 96366 for each
 *   further hour, counted when more than 30 minutes beyond the last full hour; 15 minutes or less is an IV push,
 *   96374 (CPT infusion time rules). Ketamine itself: HCPCS J3490 (unclassified drug), one unit.
 * - IM injection: CPT 96372 and J3490.
 * - Intranasal esketamine: HCPCS G2082 up to 56 mg, G2083 above 56 mg (each includes the 2 hours of observation
 *   and the drug).
 * - Psychotherapy by time (CPT time rules): 16–37 min 90832, 38–52 min 90834, 53 min or more 90837; under 16
 *   minutes nothing is billed as psychotherapy.
 * - E/M by total time on the day (CPT 2021 office E/M): established 10/20/30/40 min → 99212/99213/99214/99215;
 *   new patient 30/45/60 min → 99203/99204/99205.
 * - Sublingual or oral ketamine (KAP): an established-patient E/M by the prescriber's time (default 99213 when
 *   no time is given); the drug is usually prescribed, not supplied, so no drug line.
 */
import type { Drug, Indication, Route } from '../protocols/types.ts';

export const SERVICE_KEYS: readonly [
  'consultation',
  'iv_infusion',
  'im_injection',
  'spravato_session',
  'kap_session',
  'integration_session',
  'therapy_session',
  'induction_course_6',
] = [
  'consultation',
  'iv_infusion',
  'im_injection',
  'spravato_session',
  'kap_session',
  'integration_session',
  'therapy_session',
  'induction_course_6',
];
export type ServiceKey = (typeof SERVICE_KEYS)[number];

export const SERVICE_LABELS: Readonly<Record<ServiceKey, string>> = {
  consultation: 'Consultation',
  iv_infusion: 'IV ketamine infusion',
  im_injection: 'IM ketamine injection',
  spravato_session: 'Spravato session',
  kap_session: 'Ketamine-assisted psychotherapy session',
  integration_session: 'Integration session',
  therapy_session: 'Therapy session',
  induction_course_6: 'Induction course of six infusions',
};

export interface ChargeLine {
  code: string;
  modifiers: string[];
  units: number;
}

export interface ChargePlan {
  serviceKey: ServiceKey;
  lines: ChargeLine[];
}

export interface DischargedSession {
  route: Route;
  drug: Drug;
  doseMg: number;
  /** Minutes from the infusion's start to its stop (IV only); null when not recorded. */
  infusionMinutes: number | null;
  /** The prescriber's time on the day (KAP), when known. */
  prescriberMinutes?: number | null;
}

const line = (code: string, units = 1): ChargeLine => ({ code, modifiers: [], units });

/** Units of CPT 96366 for an infusion of `minutes`: each hour past the first, counted past 30 minutes. */
export function additionalInfusionHours(minutes: number): number {
  return minutes <= 90 ? 0 : Math.ceil((minutes - 90) / 60);
}

/** Psychotherapy code by session minutes, or null under 16 minutes. */
export function psychotherapyCode(minutes: number): string | null {
  if (minutes >= 53) return '90837';
  if (minutes >= 38) return '90834';
  if (minutes >= 16) return '90832';
  return null;
}

/** Office E/M code by total time on the day, or null below the lowest level's time. */
export function evaluationCode(minutes: number, newPatient: boolean): string | null {
  if (newPatient) {
    if (minutes >= 60) return '99205';
    if (minutes >= 45) return '99204';
    if (minutes >= 30) return '99203';
    return null;
  }
  if (minutes >= 40) return '99215';
  if (minutes >= 30) return '99214';
  if (minutes >= 20) return '99213';
  if (minutes >= 10) return '99212';
  return null;
}

/** The charge lines of a discharged dosing session. */
export function sessionChargePlan(s: DischargedSession): ChargePlan {
  switch (s.route) {
    case 'iv': {
      const minutes = s.infusionMinutes ?? 40;
      if (minutes <= 15) return { serviceKey: 'iv_infusion', lines: [line('96374'), line('J3490')] };
      const extra = additionalInfusionHours(minutes);
      return {
        serviceKey: 'iv_infusion',
        lines: [line('96365'), ...(extra > 0 ? [line('96366', extra)] : []), line('J3490')],
      };
    }
    case 'im':
      return { serviceKey: 'im_injection', lines: [line('96372'), line('J3490')] };
    case 'intranasal':
      return { serviceKey: 'spravato_session', lines: [line(s.doseMg > 56 ? 'G2083' : 'G2082')] };
    case 'sublingual':
    case 'oral': {
      const code = evaluationCode(s.prescriberMinutes ?? 20, false) ?? '99212';
      return { serviceKey: 'kap_session', lines: [line(code)] };
    }
  }
}

export type VisitKind = 'consultation' | 'integration' | 'therapy' | 'follow_up';

/** The charge lines of a visit by its kind and length, or null when nothing is billable (too short). */
export function visitChargePlan(kind: VisitKind, minutes: number, newPatient = false): ChargePlan | null {
  if (kind === 'integration' || kind === 'therapy') {
    const code = psychotherapyCode(minutes);
    if (!code) return null;
    return {
      serviceKey: kind === 'integration' ? 'integration_session' : 'therapy_session',
      lines: [line(code)],
    };
  }
  const code = evaluationCode(minutes, kind === 'consultation' ? newPatient : false);
  return code ? { serviceKey: 'consultation', lines: [line(code)] } : null;
}

/** Default ICD-10-CM code per indication (the clinician refines the episode and severity). */
export const INDICATION_DIAGNOSIS: Readonly<Record<Indication, string>> = {
  trd: 'F33.9',
  mdd_with_suicidal_ideation: 'F32.9',
  depression: 'F32.9',
  anxiety: 'F41.1',
  ptsd: 'F43.10',
  alcohol_use_disorder: 'F10.20',
  opioid_use_disorder: 'F11.20',
};

/** Diagnosis codes for a list of indications, without repeats, in order. */
export function diagnosisCodesFor(indications: readonly string[]): string[] {
  const out: string[] = [];
  for (const i of indications) {
    const code = (INDICATION_DIAGNOSIS as Record<string, string | undefined>)[i];
    if (code && !out.includes(code)) out.push(code);
  }
  return out;
}

/** The discount in cents of `amountCents` at `percent` (rounded half up to the cent). */
export function discountCents(amountCents: number, percent: number): number {
  return Math.round((amountCents * percent) / 100);
}
