/**
 * The SPRAVATO REMS Patient Monitoring Form (REMS 386; docs/clinical-sources.md#spravato-rems-requirements),
 * pre-filled from the session and completed by the clinician: patient name, DOB, sex; first treatment and
 * enrolment flags; concomitant benzodiazepines, non-benzodiazepine hypnotics, psychostimulants, MAOIs,
 * opioids; monitoring clinician's contact; setting address; treatment date; dose 56/84/other and lot; minutes
 * from first device to end of monitoring (≥ 120); minutes at which the patient would have been ready without
 * the 2-hour rule; vitals acceptable pre-dose and at completion; BP pre-dose, ~40 min and before completion;
 * sedation, dissociation and respiratory depression observed; serious adverse events. Due within 7 days of
 * the session (`sessions.remsFormDueDays`). Clinician entries override the pre-filled values.
 *
 * The BP "about 40 minutes after the dose" is the reading closest to 40 minutes within 30–50 minutes after
 * the first device (`remsBpAbout40Min`); with none it stays blank and is listed in `flags`. The patient's
 * REMS enrolment and the setting's certification come from the session's checklist. Every time is given
 * as ISO and, in `…Local`, in the clinic's zone and format (`formatClinicDateTime`).
 */
import { predoseVitalsCheck, remsBpAbout40Min } from '@plasticity/clinical/monitoring';
import type { RemsEnrolment, RemsFormView, SessionStatus } from '@plasticity/contracts';
import { clinicDate, formatClinicDateTime } from '../../../platform/time-format.ts';
import { concomitantFromList, type RemsConcomitantAnswers } from '../../medications/concomitant.ts';
import { evaluateSessionDischarge } from '../discharge/discharge-state.ts';
import { type Executor, iso, protocolOf, type SessionRow } from '../shared/load.ts';

export const REMS_STATUSES_FROM: SessionStatus[] = ['dosing', 'monitoring', 'recovery', 'discharged'];

/** Whether a session has a REMS form: an esketamine session from dosing on. */
export const hasRemsForm = (s: SessionRow): boolean =>
  protocolOf(s).drug === 'esketamine' && REMS_STATUSES_FROM.includes(s.status);

type Bp = RemsFormView['bp']['preDose'];

export async function remsForm(
  db: Executor,
  s: SessionRow,
  now: Date,
  timeZone: string,
): Promise<RemsFormView> {
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
      .select(['at', 'sbp', 'dbp', 'hr', 'spo2', 'rr', 'source', 'confirmed_at'])
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
  // The first device: the earliest administration still standing (the session's dose start otherwise).
  const firstDevice = adm[0]?.started_at ?? s.dose_started_at;
  const doseMs = firstDevice ? new Date(firstDevice).getTime() : null;
  const pre = doseMs === null ? vitals : vitals.filter((v) => new Date(v.at).getTime() < doseMs);
  const post = doseMs === null ? [] : vitals.filter((v) => new Date(v.at).getTime() >= doseMs);
  const local = (d: Date | string) => formatClinicDateTime(d, timeZone) as string;
  const bp = (v: (typeof vitals)[number] | undefined): Bp =>
    v
      ? {
          at: new Date(v.at).toISOString(),
          atLocal: local(v.at),
          sbp: v.sbp,
          dbp: v.dbp,
          minutesAfterFirstDevice:
            doseMs === null ? null : Math.round((new Date(v.at).getTime() - doseMs) / 60_000),
          ...provenance(v),
        }
      : null;
  const provenance = (v: { source: 'manual' | 'device'; confirmed_at: Date | null }) => ({
    source: v.source,
    confirmed: v.source === 'manual' || v.confirmed_at !== null,
  });
  const near40 = remsBpAbout40Min(post, firstDevice);
  const flags: RemsFormView['flags'] = [];
  if (near40.flag) flags.push({ field: 'bp.at40Min', message: near40.flag });
  const baseline = pre.at(-1);
  const preOk = baseline
    ? predoseVitalsCheck(
        p,
        Object.fromEntries(
          (['sbp', 'dbp', 'hr', 'spo2', 'rr'] as const)
            .filter((k) => baseline[k] !== null)
            .map((k) => [k, baseline[k]]),
        ),
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
  const treatmentDate = firstDevice ? clinicDate(firstDevice, timeZone) : null;
  const enrolment =
    (s.checklist as Record<string, { status?: string; rems?: RemsEnrolment }>)?.rems_enrolled?.rems ?? null;
  const address = clinic.address as Record<string, string>;
  const assess = (s.discharge_assessment ?? {}) as { readyWithoutTwoHourRuleMin?: number };
  const pick = <T>(key: string, fallback: T): T =>
    entered[key] !== undefined ? (entered[key] as T) : fallback;
  const entered40 = near40.reading;
  const row40 = entered40 && post.find((v) => new Date(v.at).toISOString() === entered40.at);
  const bpShown = [
    bp(pre.filter((v) => v.sbp !== null).at(-1)),
    bp(post.filter((v) => v.sbp !== null).at(-1)),
  ];
  // A monitor's reading on the form is the nurse's to check: it is marked, and flagged until confirmed.
  for (const [field, b] of [
    ['bp.preDose', bpShown[0]],
    ['bp.at40Min', row40 ? provenance(row40) : null],
    ['bp.beforeCompletion', bpShown[1]],
  ] as const) {
    if (b && !b.confirmed)
      flags.push({ field, message: 'from the bedside monitor; not yet confirmed by a nurse' });
  }
  return {
    sessionId: s.id,
    status: s.discharged_at ? 'final' : 'draft',
    timeZone,
    submittedAt: iso(s.rems_submitted_at),
    submittedAtLocal: formatClinicDateTime(s.rems_submitted_at, timeZone),
    patient: {
      name: `${patient.first_name} ${patient.last_name}`,
      dateOfBirth: patient.date_of_birth,
      sex: patient.sex,
    },
    firstTreatment: pick('firstTreatment', !prior),
    enrolmentConfirmed: pick('enrolmentConfirmed', enrolment !== null),
    enrolment,
    concomitant: {
      ...(await concomitantFromList(db, s.clinic_id, s.patient_id)),
      ...(entered.concomitant as Partial<RemsConcomitantAnswers> | undefined),
    },
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
    firstDeviceAt: iso(firstDevice),
    firstDeviceAtLocal: formatClinicDateTime(firstDevice, timeZone),
    dose: {
      mg: totalDose || null,
      category: totalDose === 56 ? '56' : totalDose === 84 ? '84' : totalDose ? 'other' : null,
      lots: [...new Set(adm.map((x) => x.lot).filter((l): l is string => Boolean(l)))],
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
      preDose: bpShown[0] ?? null,
      at40Min: entered40
        ? {
            ...entered40,
            atLocal: local(entered40.at),
            ...(row40 ? provenance(row40) : { source: 'manual' as const, confirmed: true }),
          }
        : null,
      beforeCompletion: bpShown[1] ?? null,
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
    flags,
    generatedAt: now.toISOString(),
    generatedAtLocal: local(now),
  };
}

export type RemsForm = RemsFormView;
