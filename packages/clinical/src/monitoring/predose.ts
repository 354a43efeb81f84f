/**
 * `predoseVitalsCheck`: may the dose start, given the pre-dose vitals?
 *
 * Sources (docs/clinical-sources.md#pre-dose-vitals): pre-dose hold commonly BP ≥ 160/100 or ≥ 140/90 per
 * clinic (Yip 2022, PMC9556663, argues common BP rules are over-aggressive); SPRAVATO US label: baseline
 * BP > 140 systolic or > 90 diastolic is a prescriber decision (weigh the transient rise against benefit), not an
 * automatic hold; BP before dosing (label, REMS form). Thresholds come from `protocol.vitals.predose`.
 *
 * Semantics: hold at SBP ≥ `holdSbpAtLeast` or DBP ≥ `holdDbpAtLeast` (inclusive: 160 holds, 159 does not);
 * review at SBP > `reviewSbpAbove` or DBP > `reviewDbpAbove` (strict, as the label says: 140 does not, 141 does);
 * a required parameter not measured holds; with `holdOnAlertThresholds`, any in-chair alert crossing holds.
 * The decision is the worst finding: hold > review > proceed.
 */
import type { Protocol, VitalParameter } from '../protocols/types.ts';
import { evaluateReading } from './reading.ts';
import { finite } from './time.ts';
import type { PredoseFinding, PredoseResult, VitalsReading } from './types.ts';

const LABEL: Record<VitalParameter, string> = {
  spo2: 'SpO2',
  sbp: 'Systolic BP',
  dbp: 'Diastolic BP',
  hr: 'Heart rate',
  rr: 'Respiratory rate',
  moaas: 'MOAA/S',
};

/**
 * Check pre-dose vitals against the protocol.
 *
 * @example
 * predoseVitalsCheck(defaultIntranasalEsketamineProtocol(), { sbp: 150, dbp: 85, hr: 80, spo2: 98 });
 * // { decision: 'review', findings: [{ parameter: 'sbp', value: 150, threshold: 140, action: 'review', ... }] }
 */
export function predoseVitalsCheck(protocol: Pick<Protocol, 'vitals'>, vitals: VitalsReading): PredoseResult {
  const rules = protocol.vitals.predose;
  const findings: PredoseFinding[] = [];
  const held = new Set<VitalParameter>();
  const hold = (parameter: VitalParameter, message: string, value?: number, threshold?: number): void => {
    held.add(parameter);
    findings.push({
      parameter,
      action: 'hold',
      message,
      ...(value !== undefined ? { value } : {}),
      ...(threshold !== undefined ? { threshold } : {}),
    });
  };

  for (const p of rules.required) {
    if (finite(vitals?.[p]) === undefined) hold(p, `${LABEL[p]} not measured: required before dosing`);
  }
  const sbp = finite(vitals?.sbp);
  const dbp = finite(vitals?.dbp);
  if (sbp !== undefined && sbp >= rules.holdSbpAtLeast) {
    hold('sbp', `Systolic BP ${sbp} ≥ ${rules.holdSbpAtLeast}: hold`, sbp, rules.holdSbpAtLeast);
  }
  if (dbp !== undefined && dbp >= rules.holdDbpAtLeast) {
    hold('dbp', `Diastolic BP ${dbp} ≥ ${rules.holdDbpAtLeast}: hold`, dbp, rules.holdDbpAtLeast);
  }
  if (rules.holdOnAlertThresholds) {
    for (const c of evaluateReading(protocol.vitals.alerts, vitals ?? {})) {
      if (held.has(c.parameter)) continue;
      const rel = c.direction === 'above' ? 'above' : 'below';
      hold(
        c.parameter,
        `${LABEL[c.parameter]} ${c.value} is ${rel} the alert threshold ${c.threshold}: hold`,
        c.value,
        c.threshold,
      );
    }
  }
  const review = (p: 'sbp' | 'dbp', value: number | undefined, above: number | undefined): void => {
    if (value === undefined || above === undefined || held.has(p) || value <= above) return;
    findings.push({
      parameter: p,
      value,
      threshold: above,
      action: 'review',
      message: `${LABEL[p]} ${value} > ${above}: prescriber to weigh the transient BP rise against benefit`,
    });
  };
  review('sbp', sbp, rules.reviewSbpAbove);
  review('dbp', dbp, rules.reviewDbpAbove);

  const decision = findings.some((f) => f.action === 'hold')
    ? 'hold'
    : findings.length > 0
      ? 'review'
      : 'proceed';
  return { decision, findings };
}
