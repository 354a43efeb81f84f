/**
 * Validation of a protocol's vitals plan (cadence, MOAA/S and CADSS-6 schedule, alert thresholds, pre-dose
 * rules) and discharge criteria.
 *
 * Sources: monitoring and discharge defaults (see `sources.ts`); SPRAVATO US label and REMS 386 (pulse
 * oximetry, ≥ 120 min monitoring, sedation, dissociation and respiratory depression resolved); plausibility
 * bounds from `plausibility.ts` (UNVERIFIED).
 */
import { PROTOCOL_PLAUSIBILITY as P } from './plausibility.ts';
import { ESKETAMINE_LABEL } from './regulatory.ts';
import { type Drug, VITAL_PARAMETERS } from './types.ts';
import type { Checker, Obj } from './validate-helpers.ts';

const CROSSING_SEVERITIES = ['alert', 'critical'] as const;
const TOLERANCE_PARAMS = ['sbp', 'dbp', 'hr'] as const;

/** Check `protocol.vitals`; returns the alert MOAA/S threshold for the discharge cross-check. */
export function checkVitals(c: Checker, root: Obj, drug: Drug | undefined): { moaasAtMost?: number } {
  const v = c.obj(root.vitals, 'vitals');
  if (!v) return {};
  c.num(v, 'cadenceMin', 'vitals', P.cadenceMin);
  c.str(v, 'source', 'vitals');
  const ox = c.bool(v, 'pulseOximetryContinuous', 'vitals');
  if (drug === 'esketamine' && ox === false) {
    c.err('vitals.pulseOximetryContinuous', 'esketamine requires pulse oximetry (label boxed warning, REMS)');
  }
  const checks = c.arr(v, 'bpChecksAfterDoseMin', 'vitals', { optional: true });
  checks?.forEach((m, i) => {
    if (typeof m !== 'number' || !Number.isFinite(m) || m <= 0 || m > P.minutesAfterDose[1]) {
      c.err(`vitals.bpChecksAfterDoseMin[${i}]`, 'must be minutes after the dose');
    }
  });

  checkObservations(c, v);

  let moaasAtMost: number | undefined;
  const a = c.obj(v.alerts, 'vitals.alerts');
  if (a) {
    const path = 'vitals.alerts';
    const opt = { optional: true };
    c.num(a, 'spo2Below', path, P.spo2Below, opt);
    c.num(a, 'sbpAtLeast', path, P.sbpAtLeast, opt);
    c.num(a, 'dbpAtLeast', path, P.dbpAtLeast, opt);
    const hi = c.num(a, 'hrAbove', path, P.hrAbove, opt);
    const lo = c.num(a, 'hrBelow', path, P.hrBelow, opt);
    c.num(a, 'rrBelow', path, P.rrBelow, opt);
    moaasAtMost = c.num(a, 'moaasAtMost', path, P.moaasAtMost, { optional: true, integer: true });
    if (hi !== undefined && lo !== undefined && lo >= hi) c.err('vitals.alerts.hrBelow', 'must be < hrAbove');
    c.str(a, 'source', path);
    const sev = c.obj(a.severity, 'vitals.alerts.severity', true);
    if (sev) {
      for (const key of Object.keys(sev)) {
        if (!(VITAL_PARAMETERS as readonly string[]).includes(key))
          c.err(`${path}.severity.${key}`, 'unknown vital');
        else c.oneOf(sev, key, `${path}.severity`, CROSSING_SEVERITIES);
      }
    }
  }

  const pd = c.obj(v.predose, 'vitals.predose');
  if (pd) {
    const path = 'vitals.predose';
    const hs = c.num(pd, 'holdSbpAtLeast', path, P.predoseSbp);
    const hd = c.num(pd, 'holdDbpAtLeast', path, P.predoseDbp);
    const rs = c.num(pd, 'reviewSbpAbove', path, P.predoseSbp, { optional: true });
    const rd = c.num(pd, 'reviewDbpAbove', path, P.predoseDbp, { optional: true });
    if (rs !== undefined && hs !== undefined && rs >= hs)
      c.err(`${path}.reviewSbpAbove`, 'must be < holdSbpAtLeast');
    if (rd !== undefined && hd !== undefined && rd >= hd)
      c.err(`${path}.reviewDbpAbove`, 'must be < holdDbpAtLeast');
    if ((pd.reviewSbpAbove === undefined) !== (pd.reviewDbpAbove === undefined)) {
      c.err(`${path}.reviewSbpAbove`, 'set both reviewSbpAbove and reviewDbpAbove, or neither');
    }
    c.enumList(pd, 'required', path, VITAL_PARAMETERS);
    c.bool(pd, 'holdOnAlertThresholds', path);
    c.str(pd, 'note', path);
    c.str(pd, 'source', path);
  }
  return moaasAtMost === undefined ? {} : { moaasAtMost };
}

/** Check the optional `vitals.observations` schedule (MOAA/S interval, CADSS-6 minutes, grace). */
function checkObservations(c: Checker, v: Obj): void {
  const o = c.obj(v.observations, 'vitals.observations', true);
  if (!o) return;
  const path = 'vitals.observations';
  const every = c.num(o, 'moaasEveryMin', path, P.observationEveryMin, { integer: true });
  const grace = c.num(o, 'graceMin', path, P.observationGraceMin, { integer: true });
  if (every !== undefined && grace !== undefined && grace >= every)
    c.err(`${path}.graceMin`, 'must be less than moaasEveryMin');
  let previous = 0;
  c.arr(o, 'cadss6AtMin', path)?.forEach((m, i) => {
    const p = `${path}.cadss6AtMin[${i}]`;
    if (typeof m !== 'number' || !Number.isInteger(m) || m <= 0 || m > P.minutesAfterDose[1])
      c.err(p, `must be whole minutes after the dose (1–${P.minutesAfterDose[1]})`);
    else if (m <= previous) c.err(p, 'must be later than the minute before it');
    else previous = m;
  });
  c.bool(o, 'cadss6AtEndOfMonitoring', path);
  c.str(o, 'source', path);
}

const REMS_RESOLVED = [
  'requireSedationResolved',
  'requireDissociationResolved',
  'requireNoRespiratoryDepression',
] as const;

/**
 * Check `protocol.discharge`, including the esketamine 120-minute REMS floor. `strict` (new versions): racemic
 * ketamine needs `minMinutesAfterAdministrationEnd`, esketamine the REMS resolution checks, and the retired
 * `baselineTolerancePct` is refused (near baseline never overrides a discharge limit).
 */
export function checkDischarge(
  c: Checker,
  root: Obj,
  drug: Drug | undefined,
  alertMoaasAtMost?: number,
  strict = false,
): void {
  const d = c.obj(root.discharge, 'discharge');
  if (!d) return;
  const path = 'discharge';
  const minutes = c.num(d, 'minMinutesAfterDose', path, P.minutesAfterDose, { optional: true });
  if (drug === 'esketamine' && (minutes ?? 0) < ESKETAMINE_LABEL.minMonitoringMin) {
    c.err(
      `${path}.minMinutesAfterDose`,
      `esketamine needs ≥ ${ESKETAMINE_LABEL.minMonitoringMin} min (REMS)`,
    );
  }
  c.num(d, 'minMinutesAfterAdministrationEnd', path, P.minutesAfterDose, { optional: true });
  if (strict && drug === 'ketamine' && d.minMinutesAfterAdministrationEnd === undefined)
    c.err(`${path}.minMinutesAfterAdministrationEnd`, 'every protocol needs a minimum observation time');
  for (const key of REMS_RESOLVED) {
    const v = c.bool(d, key, path, true);
    if (strict && drug === 'esketamine' && v !== true)
      c.err(`${path}.${key}`, 'esketamine requires it before discharge (REMS)');
  }
  const moaas = c.num(d, 'moaasAtLeast', path, P.moaasAtLeast, { integer: true });
  if (moaas !== undefined && alertMoaasAtMost !== undefined && moaas <= alertMoaasAtMost) {
    c.err(`${path}.moaasAtLeast`, 'must be above the in-chair alert threshold vitals.alerts.moaasAtMost');
  }
  c.bool(d, 'requireSteadyGait', path);
  c.bool(d, 'requireNauseaControlled', path);
  c.bool(d, 'requireEscort', path);
  c.str(d, 'source', path);
  const v = c.obj(d.vitals, `${path}.vitals`);
  if (!v) return;
  const vp = `${path}.vitals`;
  c.enumList(v, 'required', vp, VITAL_PARAMETERS);
  if (strict && v.baselineTolerancePct !== undefined)
    c.err(
      `${vp}.baselineTolerancePct`,
      'no longer used: near baseline never overrides a discharge limit (use nearBaseline for an extra condition)',
    );
  c.num(v, 'baselineTolerancePct', vp, P.tolerancePct, { optional: true });
  c.enumList(v, 'baselineToleranceParameters', vp, TOLERANCE_PARAMS, { optional: true });
  const nb = c.obj(v.nearBaseline, `${vp}.nearBaseline`, true);
  if (nb) {
    c.num(nb, 'pct', `${vp}.nearBaseline`, P.tolerancePct);
    c.enumList(nb, 'parameters', `${vp}.nearBaseline`, TOLERANCE_PARAMS, { nonEmpty: true });
    c.str(nb, 'source', `${vp}.nearBaseline`);
  }
  c.num(v, 'maxAgeMin', vp, P.maxVitalsAgeMin, { optional: true });
  c.str(v, 'source', vp);
  const l = c.obj(v.limits, `${vp}.limits`);
  if (!l) return;
  const lp = `${vp}.limits`;
  const opt = { optional: true };
  c.num(l, 'sbpBelow', lp, P.dischargeSbp, opt);
  c.num(l, 'dbpBelow', lp, P.dischargeDbp, opt);
  const hrMax = c.num(l, 'hrAtMost', lp, P.dischargeHr, opt);
  const hrMin = c.num(l, 'hrAtLeast', lp, P.dischargeHr, opt);
  c.num(l, 'spo2AtLeast', lp, P.dischargeSpo2, opt);
  c.num(l, 'rrAtLeast', lp, P.dischargeRr, opt);
  if (hrMax !== undefined && hrMin !== undefined && hrMin > hrMax)
    c.err(`${lp}.hrAtLeast`, 'must be ≤ hrAtMost');
}
