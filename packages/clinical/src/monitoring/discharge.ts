/**
 * `evaluateDischarge`: is the patient ready to leave?
 *
 * Sources: REFERENCE.md §2 discharge practice — vitals back near baseline, alert (MOAA/S 5), steady gait, nausea
 * controlled, escort present; esketamine never before 2 hours after the dose (SPRAVATO US label and REMS 386,
 * monitoring ≥ 120 min from the first device). Limits and the % of baseline come from `protocol.discharge`;
 * the esketamine 120-minute floor is enforced from `ESKETAMINE_LABEL` even if a protocol says less.
 *
 * Boundary semantics: time since dose ≥ minimum passes (exactly 120 min is ready); `sbpBelow`/`dbpBelow` are
 * strict (< 160 passes, 160 fails); `hrAtMost`, `hrAtLeast`, `spo2AtLeast`, `rrAtLeast` are inclusive;
 * within ± `baselineTolerancePct` of baseline is inclusive (exactly 20 % passes), computed exactly;
 * latest vitals no older than `maxAgeMin` (inclusive) and not taken before the dose.
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
  const pct = rules.baselineTolerancePct;
  const params: VitalParameter[] = ['sbp', 'dbp', 'hr', 'spo2', 'rr'];
  for (const p of params) {
    const v = finite(latest[p]);
    if (v === undefined) {
      if (rules.required.includes(p)) fail(`vitals.${p}`, `${NAME[p]} not recorded`);
      continue;
    }
    const why = outsideLimits(p, v, rules.limits);
    if (why === null) continue;
    const b = finite(baseline?.[p]);
    const tolerant = (rules.baselineToleranceParameters as VitalParameter[]).includes(p) && pct !== undefined;
    if (tolerant && b !== undefined && withinPct(v, b, pct)) continue;
    const base = tolerant
      ? ` and not within ${pct} % of baseline${b === undefined ? ' (no baseline)' : ` ${b}`}`
      : '';
    fail(`vitals.${p}`, `${NAME[p]} ${v} is ${why}${base}`);
  }
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
  const fail = (key: string, message: string) => failing.push({ key, message });
  const c = protocol.discharge;
  const nowMs = toMs(state?.now);
  const doseMs = toMs(state?.doseStartedAt);
  if (nowMs === null) fail('now', 'Current time is not a valid date');

  const floor = protocol.drug === 'esketamine' ? ESKETAMINE_LABEL.minMonitoringMin : 0;
  const minMinutes = Math.max(c.minMinutesAfterDose ?? 0, floor);
  let earliestAt: string | undefined;
  if (minMinutes > 0) {
    if (doseMs === null)
      fail('time_since_dose', `Dose start time not recorded (minimum ${minMinutes} min after the dose)`);
    else {
      earliestAt = new Date(doseMs + minMinutes * MS_PER_MIN).toISOString();
      if (nowMs !== null && nowMs - doseMs < minMinutes * MS_PER_MIN) {
        const elapsed = Math.max(0, Math.floor((nowMs - doseMs) / MS_PER_MIN));
        fail(
          'time_since_dose',
          `Only ${elapsed} min since the dose; minimum ${minMinutes} min (not before ${formatTime(earliestAt, state.timeZone)})`,
        );
      }
    }
  }

  checkVitals(protocol, state?.latestVitals, state?.baselineVitals, nowMs, doseMs, fail);

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
