/**
 * `evaluateDischarge`: is the patient ready to leave?
 *
 * Sources: discharge practice — vitals within the protocol's discharge limits, alert (MOAA/S 5), steady gait,
 * nausea controlled, escort present; esketamine never before 2 hours after the first device and only once
 * sedation and dissociation have resolved and there is no respiratory depression (SPRAVATO US label and REMS
 * 386, 12/2024); racemic ketamine: the protocol's minimum observation after the end of administration (product
 * default, see `SOURCES.observationMinimum`). The esketamine floors are enforced from `ESKETAMINE_LABEL` even if
 * a protocol says less.
 *
 * The discharge limits are absolute: being near baseline never passes a value outside them (the old "within
 * 20 % of baseline" alternative misread the modified Aldrete score, Aldrete 1995). A protocol may add
 * `nearBaseline` as an extra condition; a stored `baselineTolerancePct` has no effect.
 *
 * Boundary semantics: time since dose (or since the end of administration) ≥ minimum passes (exactly 120 min is
 * ready); `sbpBelow`/`dbpBelow` are strict (< 160 passes, 160 fails); `hrAtMost`, `hrAtLeast`, `spo2AtLeast`,
 * `rrAtLeast` are inclusive; within ± `nearBaseline.pct` of baseline is inclusive, computed exactly; latest
 * vitals no older than `maxAgeMin` (inclusive) and not taken before the dose.
 */
import { cmp, mul, toRational } from '../dosing/decimal.ts';
import { ESKETAMINE_LABEL } from '../protocols/regulatory.ts';
import type { DischargeVitalLimits, Protocol, VitalParameter } from '../protocols/types.ts';
import { formatTime } from '../time-format.ts';
import { finite, MS_PER_MIN, toMs } from './time.ts';
import type { DischargeFailure, DischargeResult, DischargeState, VitalsReading } from './types.ts';

const NAME: Record<VitalParameter, string> = {
  spo2: 'SpO2',
  sbp: 'Systolic BP',
  dbp: 'Diastolic BP',
  hr: 'Heart rate',
  rr: 'Respiratory rate',
  moaas: 'MOAA/S',
};

/** Why a value is outside the discharge limits, or null when inside (or no limit applies). */
function outsideLimits(p: VitalParameter, v: number, l: DischargeVitalLimits): string | null {
  if (p === 'sbp' && l.sbpBelow !== undefined && !(v < l.sbpBelow)) return `not below ${l.sbpBelow}`;
  if (p === 'dbp' && l.dbpBelow !== undefined && !(v < l.dbpBelow)) return `not below ${l.dbpBelow}`;
  if (p === 'hr' && l.hrAtMost !== undefined && v > l.hrAtMost) return `above ${l.hrAtMost}`;
  if (p === 'hr' && l.hrAtLeast !== undefined && v < l.hrAtLeast) return `below ${l.hrAtLeast}`;
  if (p === 'spo2' && l.spo2AtLeast !== undefined && v < l.spo2AtLeast) return `below ${l.spo2AtLeast}`;
  if (p === 'rr' && l.rrAtLeast !== undefined && v < l.rrAtLeast) return `below ${l.rrAtLeast}`;
  return null;
}

/** |v − b| × 100 ≤ pct × b, in exact decimal arithmetic. */
function withinPct(v: number, b: number, pct: number): boolean {
  if (b <= 0) return false;
  const rv = toRational(v);
  const rb = toRational(b);
  const delta = rv.num * rb.den - rb.num * rv.den;
  const absDelta = { num: delta < 0n ? -delta : delta, den: rv.den * rb.den };
  return cmp(mul(absDelta, toRational(100)), mul(toRational(pct), rb)) <= 0;
}

function checkVitals(
  protocol: Pick<Protocol, 'discharge'>,
  latest: VitalsReading | undefined,
  baseline: VitalsReading | undefined,
  nowMs: number | null,
  doseMs: number | null,
  fail: (key: string, message: string) => void,
): void {
  const rules = protocol.discharge.vitals;
  if (!latest) {
    fail('vitals_missing', 'No vitals recorded since the dose');
    return;
  }
  if (rules.maxAgeMin !== undefined) {
    const taken = toMs(latest.takenAt);
    if (taken === null) fail('vitals_time', 'Time of the latest vitals not recorded');
    else {
      if (nowMs !== null && nowMs - taken > rules.maxAgeMin * MS_PER_MIN) {
        fail('vitals_stale', `Latest vitals are older than ${rules.maxAgeMin} min: repeat them`);
      }
      if (doseMs !== null && taken < doseMs)
        fail('vitals_before_dose', 'Latest vitals were taken before the dose');
    }
  }
  const near = rules.nearBaseline;
  const params: VitalParameter[] = ['sbp', 'dbp', 'hr', 'spo2', 'rr'];
  for (const p of params) {
    const v = finite(latest[p]);
    if (v === undefined) {
      if (rules.required.includes(p)) fail(`vitals.${p}`, `${NAME[p]} not recorded`);
      continue;
    }
    const why = outsideLimits(p, v, rules.limits);
    if (why !== null) {
      fail(`vitals.${p}`, `${NAME[p]} ${v} is ${why} (discharge limit)`);
      continue;
    }
    if (!near || !(near.parameters as VitalParameter[]).includes(p)) continue;
    const b = finite(baseline?.[p]);
    if (b === undefined) fail(`vitals.${p}.baseline`, `${NAME[p]}: no baseline to compare with`);
    else if (!withinPct(v, b, near.pct))
      fail(`vitals.${p}.baseline`, `${NAME[p]} ${v} is not within ${near.pct} % of baseline ${b}`);
  }
}

/** Minutes-from-a-time rule; returns the earliest allowed time (ISO) when the start time is known. */
function minimumTime(
  key: string,
  minMinutes: number,
  fromMs: number | null,
  nowMs: number | null,
  what: { missing: string; since: string; notYet: string },
  fail: (key: string, message: string) => void,
  timeZone: string | undefined,
): number | undefined {
  if (minMinutes <= 0) return undefined;
  if (fromMs === null) {
    fail(key, `${what.missing} (minimum ${minMinutes} min ${what.since})`);
    return undefined;
  }
  const earliest = fromMs + minMinutes * MS_PER_MIN;
  const notBefore = `not before ${formatTime(new Date(earliest).toISOString(), timeZone)}`;
  if (nowMs !== null && nowMs < fromMs)
    fail(key, `${what.notYet}; minimum ${minMinutes} min after it (${notBefore})`);
  else if (nowMs !== null && nowMs < earliest) {
    const elapsed = Math.floor((nowMs - fromMs) / MS_PER_MIN);
    fail(key, `Only ${elapsed} min ${what.since}; minimum ${minMinutes} min (${notBefore})`);
  }
  return earliest;
}

/**
 * Evaluate discharge readiness. Every failing criterion is listed.
 *
 * @example
 * evaluateDischarge(defaultIntranasalEsketamineProtocol(), {
 *   latestVitals: { sbp: 130, dbp: 80, hr: 75, spo2: 98, takenAt: '2025-06-01T11:55:00Z' },
 *   latestMoaas: 5, gait: 'steady', nausea: 'none', escortPresent: true,
 *   doseStartedAt: '2025-06-01T10:00:00Z', now: '2025-06-01T11:59:00Z',
 * });
 * // { ready: false, failing: [{ key: 'time_since_dose', message: 'Only 119 min since the dose; ...' }], ... }
 */
export function evaluateDischarge(
  protocol: Pick<Protocol, 'discharge' | 'drug'>,
  state: DischargeState,
): DischargeResult {
  const failing: DischargeFailure[] = [];
  const fail = (key: string, message: string): void => {
    failing.push({ key, message });
  };
  const c = protocol.discharge;
  const nowMs = toMs(state?.now);
  const doseMs = toMs(state?.doseStartedAt);
  if (nowMs === null) fail('now', 'Current time is not a valid date');

  const esketamine = protocol.drug === 'esketamine';
  const floor = esketamine ? ESKETAMINE_LABEL.minMonitoringMin : 0;
  const fromDose = minimumTime(
    'time_since_dose',
    Math.max(c.minMinutesAfterDose ?? 0, floor),
    doseMs,
    nowMs,
    {
      missing: 'Dose start time not recorded',
      since: 'since the dose',
      notYet: 'The dose has not started yet',
    },
    fail,
    state?.timeZone,
  );
  const fromEnd = minimumTime(
    'time_since_administration_end',
    c.minMinutesAfterAdministrationEnd ?? 0,
    toMs(state?.administrationEndedAt),
    nowMs,
    {
      missing: 'End of administration not recorded',
      since: 'since the end of administration',
      notYet: 'Administration has not ended yet',
    },
    fail,
    state?.timeZone,
  );
  const earliest = Math.max(fromDose ?? 0, fromEnd ?? 0);
  const earliestAt = earliest > 0 ? new Date(earliest).toISOString() : undefined;

  checkVitals(protocol, state?.latestVitals, state?.baselineVitals, nowMs, doseMs, fail);
  const a = state?.recovery;
  if ((esketamine || c.requireSedationResolved) && a?.sedationResolved !== true)
    fail('sedation', 'Sedation not confirmed as resolved');
  if ((esketamine || c.requireDissociationResolved) && a?.dissociationResolved !== true)
    fail('dissociation', 'Dissociation not confirmed as resolved');
  if ((esketamine || c.requireNoRespiratoryDepression) && a?.respiratoryDepression !== false)
    fail('respiratory_depression', 'Absence of respiratory depression not confirmed');

  const moaas = finite(state?.latestMoaas) ?? finite(state?.latestVitals?.moaas);
  if (moaas === undefined) fail('moaas', 'MOAA/S not recorded');
  else if (moaas < c.moaasAtLeast) fail('moaas', `MOAA/S ${moaas} is below ${c.moaasAtLeast}`);
  if (c.requireSteadyGait && state?.gait !== 'steady') fail('gait', 'Steady gait not confirmed');
  if (c.requireNauseaControlled && state?.nausea !== 'none' && state?.nausea !== 'controlled') {
    fail('nausea', 'Nausea not confirmed as controlled');
  }
  if (c.requireEscort && state?.escortPresent !== true) fail('escort', 'Escort not confirmed present');

  return { ready: failing.length === 0, failing, ...(earliestAt ? { earliestAt } : {}) };
}
