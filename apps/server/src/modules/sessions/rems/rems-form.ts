/**
 * The SPRAVATO REMS Patient Monitoring Form (REMS 386; REFERENCE.md §3), pre-filled from the session and
 * completed by the clinician: patient name, DOB, sex; first treatment and enrolment flags; concomitant
 * benzodiazepines, non-benzodiazepine hypnotics, psychostimulants, MAOIs, opioids; monitoring clinician's
 * contact; setting address; treatment date; dose 56/84/other and lot; minutes from first device to end of
 * monitoring (≥ 120); minutes at which the patient would have been ready without the 2-hour rule; vitals
 * acceptable pre-dose and at completion; BP pre-dose, ~40 min and before completion; sedation, dissociation
 * and respiratory depression observed; serious adverse events. Due within 7 days of the session
 * (`sessions.remsFormDueDays`). Clinician entries override the pre-filled values; concomitant medications are
 * pre-filled from the patient's active medication list.
 */
import { predoseVitalsCheck } from '@plasticity/clinical/monitoring';
import { concomitantFromList } from '../../medications/concomitant.ts';
import { evaluateSessionDischarge } from '../discharge/discharge-state.ts';
import { type Executor, iso, protocolOf, type SessionRow } from '../shared/load.ts';

export const REMS_STATUSES_FROM = ['dosing', 'monitoring', 'recovery', 'discharged'];

type Bp = { at: string; sbp: number | null; dbp: number | null } | null;

export async function remsForm(db: Executor, s: SessionRow, now: Date, timeZone: string) {
  const p = protocolOf(s);
  const entered = (s.rems_form ?? {}) as Record<string, unknown>;
  const [patient, clinic, adm, vitals, obs, prior, prescriber] = await Promise.all([
    db
      .selectFrom('patients')
      .select(['first_name', 'last_name', 'date_of_birth', 'sex'])
      .where('clinic_id', '=', s.clinic_id)
      .where('id', '=', s.patient_id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('clinics')
      .select(['name', 'address'])
      .where('id', '=', s.clinic_id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('session_administrations')
      .select(['dose_mg', 'lot', 'started_at'])
      .where('session_id', '=', s.id)
      .where('entered_in_error_at', 'is', null)
      .orderBy('started_at')
      .execute(),
    db
      .selectFrom('session_vitals')
      .select(['at', 'sbp', 'dbp', 'hr', 'spo2', 'rr'])
      .where('session_id', '=', s.id)
      .where('entered_in_error_at', 'is', null)
      .orderBy('at')
      .execute(),
    db
      .selectFrom('session_observations')
      .select(['kind', 'data'])
      .where('session_id', '=', s.id)
      .where('entered_in_error_at', 'is', null)
      .execute(),
    db
      .selectFrom('dosing_sessions')
      .select('id')
      .where('clinic_id', '=', s.clinic_id)
      .where('patient_id', '=', s.patient_id)
      .where('status', '=', 'discharged')
      .where('id', '!=', s.id)
      .where('protocol', '@>', JSON.stringify({ drug: 'esketamine' }) as never)
      .executeTakeFirst(),
    s.prescriber_on_site_id
      ? db
          .selectFrom('users')
          .select(['display_name', 'email'])
          .where('id', '=', s.prescriber_on_site_id)
          .executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  const doseMs = s.dose_started_at ? new Date(s.dose_started_at).getTime() : null;
  const pre = doseMs === null ? vitals : vitals.filter((v) => new Date(v.at).getTime() < doseMs);
  const post = doseMs === null ? [] : vitals.filter((v) => new Date(v.at).getTime() >= doseMs);
  const bp = (v: (typeof vitals)[number] | undefined): Bp =>
    v ? { at: new Date(v.at).toISOString(), sbp: v.sbp, dbp: v.dbp } : null;
  const near40 =
    doseMs === null
      ? undefined
      : [...post]
          .filter((v) => v.sbp !== null)
          .sort(
            (x, y) =>
              Math.abs(new Date(x.at).getTime() - doseMs - 40 * 60_000) -
              Math.abs(new Date(y.at).getTime() - doseMs - 40 * 60_000),
          )[0];
  const baseline = pre.at(-1);
  const preOk = baseline
    ? predoseVitalsCheck(
        p,
        Object.fromEntries(Object.entries(baseline).filter(([k, v]) => k !== 'at' && v !== null)),
      ).decision !== 'hold'
    : null;
  const discharge = s.discharged_at ? await evaluateSessionDischarge(db, s, new Date(s.discharged_at)) : null;
  const totalDose = adm.reduce((x, y) => x + Number(y.dose_mg), 0);
  const moaas = obs.filter((o) => o.kind === 'moaas').map((o) => (o.data as { score: number }).score);
  const cadss = obs.filter((o) => o.kind === 'cadss6').map((o) => (o.data as { total: number }).total);
  const alerts = p.vitals.alerts;
  const respDep = post.some(
    (v) =>
      (v.spo2 !== null && alerts.spo2Below !== undefined && v.spo2 < alerts.spo2Below) ||
      (v.rr !== null && alerts.rrBelow !== undefined && v.rr < alerts.rrBelow),
  );
  const treatmentDate = s.dose_started_at
    ? new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }).format(new Date(s.dose_started_at))
    : null;
  const address = clinic.address as Record<string, string>;
  const assess = (s.discharge_assessment ?? {}) as { readyWithoutTwoHourRuleMin?: number };
  const pick = <T>(key: string, fallback: T): T =>
    entered[key] !== undefined ? (entered[key] as T) : fallback;
  return {
    sessionId: s.id,
    status: s.discharged_at ? 'final' : 'draft',
    submittedAt: iso(s.rems_submitted_at),
    patient: {
      name: `${patient.first_name} ${patient.last_name}`,
      dateOfBirth: patient.date_of_birth,
      sex: patient.sex,
    },
    firstTreatment: pick('firstTreatment', !prior),
    enrolmentConfirmed: pick(
      'enrolmentConfirmed',
      (s.checklist as Record<string, unknown>)?.rems_enrolled !== undefined,
    ),
    concomitant: pick<Record<string, boolean>>('concomitant', {
      ...(await concomitantFromList(db, s.clinic_id, s.patient_id)),
    }),
    monitoringClinician: pick(
      'monitoringClinician',
      prescriber ? { name: prescriber.display_name, email: prescriber.email } : {},
    ),
    settingAddress: pick(
      'settingAddress',
      [clinic.name, address.line1, address.city, address.state, address.postalCode]
        .filter(Boolean)
        .join(', '),
    ),
    treatmentDate,
    dose: {
      mg: totalDose || null,
      category: totalDose === 56 ? '56' : totalDose === 84 ? '84' : totalDose ? 'other' : null,
      lots: [...new Set(adm.map((x) => x.lot).filter(Boolean))],
    },
    totalMonitoringMin:
      doseMs !== null && s.discharged_at
        ? Math.floor((new Date(s.discharged_at).getTime() - doseMs) / 60_000)
        : null,
    readyToLeaveMin: pick('readyToLeaveMin', assess.readyWithoutTwoHourRuleMin ?? null),
    vitalsAcceptablePreDose: preOk,
    vitalsAcceptableAtCompletion: discharge
      ? discharge.failing.filter((f) => f.key.startsWith('vitals')).length === 0
      : null,
    bp: {
      preDose: bp(pre.filter((v) => v.sbp !== null).at(-1)),
      at40Min: bp(near40),
      beforeCompletion: bp(post.filter((v) => v.sbp !== null).at(-1)),
    },
    sedation: pick(
      'sedation',
      moaas.some((m) => m < 5),
    ),
    dissociation: pick(
      'dissociation',
      cadss.some((t) => t > 0),
    ),
    respiratoryDepression: pick('respiratoryDepression', respDep),
    seriousAdverseEvents: pick(
      'seriousAdverseEvents',
      obs
        .filter((o) => o.kind === 'adverse_event' && (o.data as { serious: boolean }).serious)
        .map((o) => (o.data as { description: string }).description)
        .join('; ') || 'None',
    ),
    generatedAt: now.toISOString(),
  };
}

export type RemsForm = Awaited<ReturnType<typeof remsForm>>;
