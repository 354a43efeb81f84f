/**
 * Validation of a protocol's dose rule, rounding and drug/route pairing.
 *
 * Sources: SPRAVATO US label and REMS 386 (esketamine intranasal, 28 mg devices, doses 56/84 mg; 28 mg only
 * under the non-US label option, EU SmPC; 84 mg the highest dose); IV infusion over a set duration (Psychiatric
 * Times, 0.5 mg/kg over 40 min); dosing weight (Devine 1974, Traynor 1995, Sanacora et al. 2017); plausibility
 * bounds from `plausibility.ts` (UNVERIFIED).
 *
 * `strict` (new protocol versions) also requires what every protocol must now carry: an mg cap and a
 * dosing-weight rule on weight-based doses, an mg cap on fixed doses, and esketamine doses within the US label
 * unless the non-US option is on. Versions stored before these existed still validate without `strict`.
 */
import { isMultipleOf } from '../dosing/decimal.ts';
import { PROTOCOL_PLAUSIBILITY as P } from './plausibility.ts';
import { ESKETAMINE_LABEL, esketamineLabelAllows } from './regulatory.ts';
import type { Drug, Route } from './types.ts';
import { type Checker, join, type Obj } from './validate-helpers.ts';

const DOSE_KINDS = ['weight_based', 'fixed', 'flat_range'] as const;
const WEIGHT_BASES = ['actual', 'ideal', 'adjusted'] as const;

/** Check `protocol.dose` for its kind, with ordering rules (default ≤ max ≤ ceiling, and so on). */
export function checkDose(
  c: Checker,
  root: Obj,
  drug: Drug | undefined,
  route: Route | undefined,
  strict = false,
): void {
  const d = c.obj(root.dose, 'dose');
  if (!d) return;
  const kind = c.oneOf(d, 'kind', 'dose', DOSE_KINDS);
  c.str(d, 'source', 'dose');
  if (drug === 'esketamine' && kind !== undefined && kind !== 'fixed') {
    c.err('dose.kind', 'esketamine uses fixed device doses (kind "fixed")');
  }
  if (route === 'iv' && kind !== undefined && kind !== 'weight_based') {
    c.err('dose.kind', 'IV protocols are weight-based (kind "weight_based")');
  }
  if (kind === 'weight_based') checkWeightBased(c, d, strict);
  if (kind === 'fixed') checkFixed(c, d, drug, strict);
  if (kind === 'flat_range') checkFlat(c, d);
}

function checkWeightBased(c: Checker, d: Obj, strict: boolean): void {
  const opt = { exclusiveMin: true };
  const def = c.num(d, 'defaultMgPerKg', 'dose', P.mgPerKg, opt);
  const min = c.num(d, 'minMgPerKg', 'dose', P.mgPerKg, { ...opt, optional: true });
  const max = c.num(d, 'protocolMaxMgPerKg', 'dose', P.mgPerKg, opt);
  const ceil = c.num(d, 'absoluteCeilingMgPerKg', 'dose', P.mgPerKg, opt);
  if (strict && d.absoluteMaxMg === undefined) c.err('dose.absoluteMaxMg', 'every protocol needs an mg cap');
  c.num(d, 'absoluteMaxMg', 'dose', P.mg, { ...opt, optional: true });
  if (strict && d.dosingWeight === undefined)
    c.err('dose.dosingWeight', 'every weight-based protocol needs a dosing-weight rule');
  const w8 = c.obj(d.dosingWeight, 'dose.dosingWeight', true);
  if (w8) {
    const p = 'dose.dosingWeight';
    c.oneOf(w8, 'basis', p, WEIGHT_BASES);
    c.num(w8, 'obeseBmiAtLeast', p, P.bmi);
    c.oneOf(w8, 'obeseBasis', p, WEIGHT_BASES);
    c.num(w8, 'adjustedExcessFraction', p, [0, 1]);
    c.str(w8, 'source', p);
  }
  if (min !== undefined && def !== undefined && min > def) {
    c.err('dose.minMgPerKg', `must be ≤ defaultMgPerKg (${min} > ${def})`);
  }
  if (def !== undefined && max !== undefined && def > max) {
    c.err('dose.defaultMgPerKg', `must be ≤ protocolMaxMgPerKg (${def} > ${max})`);
  }
  if (max !== undefined && ceil !== undefined && max > ceil) {
    c.err('dose.protocolMaxMgPerKg', `must be ≤ absoluteCeilingMgPerKg (${max} > ${ceil})`);
  }
  const w = c.obj(d.plausibleWeightKg, 'dose.plausibleWeightKg');
  if (w) {
    const lo = c.num(w, 'min', 'dose.plausibleWeightKg', P.weightKg);
    const hi = c.num(w, 'max', 'dose.plausibleWeightKg', P.weightKg);
    if (lo !== undefined && hi !== undefined && lo >= hi)
      c.err('dose.plausibleWeightKg', 'min must be < max');
  }
}

function checkFixed(c: Checker, d: Obj, drug: Drug | undefined, strict: boolean): void {
  const per = c.num(d, 'mgPerDevice', 'dose', P.mg, { exclusiveMin: true });
  c.num(d, 'minutesBetweenDevices', 'dose', [0, 60], { optional: true });
  if (strict && d.absoluteMaxMg === undefined) c.err('dose.absoluteMaxMg', 'every protocol needs an mg cap');
  const cap = c.num(d, 'absoluteMaxMg', 'dose', P.mg, { exclusiveMin: true, optional: true });
  const nonUs = c.bool(d, 'nonUsLabelDosesAllowed', 'dose', true);
  if (drug === 'esketamine' && cap !== undefined && cap > ESKETAMINE_LABEL.maxDoseMg)
    c.err('dose.absoluteMaxMg', `esketamine doses are at most ${ESKETAMINE_LABEL.maxDoseMg} mg (label)`);
  const list = c.arr(d, 'allowedMg', 'dose', { nonEmpty: true }) ?? [];
  const allowed: number[] = [];
  list.forEach((v, i) => {
    const p = `dose.allowedMg[${i}]`;
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > P.mg[1]) {
      c.err(p, `must be a number in (0, ${P.mg[1]}]`);
      return;
    }
    if (allowed.includes(v)) c.err(p, `duplicate ${v}`);
    if (per !== undefined && !isMultipleOf(v, per))
      c.err(p, `${v} mg is not a whole number of ${per} mg devices`);
    if (drug === 'esketamine' && !ESKETAMINE_LABEL.allowedDosesMg.includes(v)) {
      c.err(p, `esketamine doses are ${ESKETAMINE_LABEL.allowedDosesMg.join(', ')} mg only (label)`);
    } else if (drug === 'esketamine' && strict && !esketamineLabelAllows(v, nonUs)) {
      c.err(p, `${v} mg is not a US label dose: allowed only with nonUsLabelDosesAllowed (non-US label)`);
    }
    if (cap !== undefined && v > cap) c.err(p, `${v} mg is above the mg cap absoluteMaxMg (${cap} mg)`);
    allowed.push(v);
  });
  const def = c.num(d, 'defaultMg', 'dose', P.mg, { exclusiveMin: true });
  if (def !== undefined && list.length > 0 && !allowed.includes(def)) {
    c.err('dose.defaultMg', 'must be one of allowedMg');
  }
  if (drug === 'esketamine' && per !== undefined && per !== ESKETAMINE_LABEL.mgPerDevice) {
    c.err('dose.mgPerDevice', `esketamine devices hold ${ESKETAMINE_LABEL.mgPerDevice} mg (label)`);
  }
}

function checkFlat(c: Checker, d: Obj): void {
  const opt = { exclusiveMin: true };
  const min = c.num(d, 'minMg', 'dose', P.mg, opt);
  const def = c.num(d, 'defaultMg', 'dose', P.mg, opt);
  const max = c.num(d, 'maxMg', 'dose', P.mg, opt);
  const abs = c.num(d, 'absoluteMaxMg', 'dose', P.mg, opt);
  if (min !== undefined && def !== undefined && min > def) c.err('dose.minMg', `must be ≤ defaultMg`);
  if (def !== undefined && max !== undefined && def > max) c.err('dose.defaultMg', `must be ≤ maxMg`);
  if (max !== undefined && abs !== undefined && max > abs) c.err('dose.maxMg', `must be ≤ absoluteMaxMg`);
}

/** Check drug/route pairing, IV duration and rounding increments. */
export function checkAdministration(
  c: Checker,
  root: Obj,
  drug: Drug | undefined,
  route: Route | undefined,
): void {
  if (drug === 'esketamine' && route !== undefined && route !== ESKETAMINE_LABEL.route) {
    c.err('route', 'esketamine is given intranasally (label)');
  }
  const duration = c.num(root, 'durationMin', '', P.durationMin, { optional: true });
  if (route === 'iv' && duration === undefined && root.durationMin === undefined) {
    c.err('durationMin', 'IV protocols need an infusion duration');
  }
  const r = c.obj(root.rounding, 'rounding');
  if (r) {
    c.num(r, 'doseMg', 'rounding', P.roundingDoseMg);
    c.num(r, 'volumeMl', 'rounding', P.roundingVolumeMl);
    c.num(r, 'rateMlPerHour', 'rounding', P.roundingRateMlPerHour);
    c.str(r, 'source', 'rounding');
  }
  const age = c.obj(root.minAgeYears, 'minAgeYears');
  if (age) {
    c.num(age, 'value', 'minAgeYears', P.minAgeYears);
    c.str(age, 'source', join('', 'minAgeYears'));
  }
}
