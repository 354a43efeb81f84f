/**
 * Validation of a protocol's dose rule, rounding and drug/route pairing.
 *
 * Sources: SPRAVATO US label and REMS 386 (esketamine intranasal, 28 mg devices, doses 28/56/84 mg only);
 * REFERENCE.md §2 (IV infusion over a set duration); plausibility bounds from `plausibility.ts` (UNVERIFIED).
 */
import { isMultipleOf } from '../dosing/decimal.ts';
import { PROTOCOL_PLAUSIBILITY as P } from './plausibility.ts';
import { ESKETAMINE_LABEL } from './regulatory.ts';
import type { Drug, Route } from './types.ts';
import { type Checker, join, type Obj } from './validate-helpers.ts';

const DOSE_KINDS = ['weight_based', 'fixed', 'flat_range'] as const;

/** Check `protocol.dose` for its kind, with ordering rules (default ≤ max ≤ ceiling, and so on). */
export function checkDose(c: Checker, root: Obj, drug: Drug | undefined, route: Route | undefined): void {
  const d = c.obj(root.dose, 'dose');
  if (!d) return;
  const kind = c.oneOf(d, 'kind', 'dose', DOSE_KINDS);
  c.str(d, 'source', 'dose');
  if (drug === 'esketamine' && kind !== undefined && kind !== 'fixed') {
    c.err('dose.kind', 'esketamine uses fixed device doses (kind "fixed")');
  }
  if (route === 'iv' && kind !== undefined && kind !== 'weight_based') {
    c.err('dose.kind', 'IV protocols are weight-based (dose per kg)');
  }
  if (kind === 'weight_based') checkWeightBased(c, d);
  if (kind === 'fixed') checkFixed(c, d, drug);
  if (kind === 'flat_range') checkFlat(c, d);
}

function checkWeightBased(c: Checker, d: Obj): void {
  const opt = { exclusiveMin: true };
  const def = c.num(d, 'defaultMgPerKg', 'dose', P.mgPerKg, opt);
  const min = c.num(d, 'minMgPerKg', 'dose', P.mgPerKg, { ...opt, optional: true });
  const max = c.num(d, 'protocolMaxMgPerKg', 'dose', P.mgPerKg, opt);
  const ceil = c.num(d, 'absoluteCeilingMgPerKg', 'dose', P.mgPerKg, opt);
  c.num(d, 'absoluteMaxMg', 'dose', P.mg, { ...opt, optional: true });
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

function checkFixed(c: Checker, d: Obj, drug: Drug | undefined): void {
  const per = c.num(d, 'mgPerDevice', 'dose', P.mg, { exclusiveMin: true });
  c.num(d, 'minutesBetweenDevices', 'dose', [0, 60], { optional: true });
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
    }
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
