/**
 * Preparing a stored protocol version for its next version: the values every new version must carry (mg cap,
 * dosing-weight rule, minimum observation after administration, the esketamine REMS recovery checks) and the
 * integration visit window (24–72 h, docs/clinical-sources.md#integration-window) are filled from the current
 * Plasticity defaults when the stored version predates them, and the retired "within 20 % of baseline"
 * alternative is removed (near baseline never overrides a discharge limit). Each change is listed so
 * the medical director sees it before saving. Sources: the defaults' own citations in
 * `@plasticity/clinical/protocols` (Fava et al. 2020; Devine 1974; Traynor 1995; Sanacora et al. 2017;
 * SPRAVATO US label and REMS 386).
 */
import { defaultProtocolFor, type Protocol, type Route } from '@plasticity/clinical/protocols';

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A deep copy of `stored` ready to be edited into the next version, and what was filled or removed. */
export function prepareNextVersion(stored: unknown): { protocol: Json; changes: string[] } {
  const p: Json = isObj(stored) ? structuredClone(stored) : {};
  const changes: string[] = [];
  const route = p.route as Route | undefined;
  let defaults: Protocol | undefined;
  try {
    defaults = route ? defaultProtocolFor(route) : undefined;
  } catch {
    defaults = undefined;
  }
  if (!defaults) return { protocol: p, changes };
  const dose = isObj(p.dose) ? p.dose : undefined;
  const dd = defaults.dose;
  if (dose && dose.kind === dd.kind && dd.kind !== 'flat_range') {
    if (dose.absoluteMaxMg === undefined && dd.absoluteMaxMg !== undefined) {
      dose.absoluteMaxMg = dd.absoluteMaxMg;
      changes.push(`mg cap set to the default ${dd.absoluteMaxMg} mg`);
    }
    if (dd.kind === 'weight_based' && dose.dosingWeight === undefined && dd.dosingWeight) {
      dose.dosingWeight = structuredClone(dd.dosingWeight);
      changes.push('dosing-weight rule set to the default (actual weight; ideal body weight at BMI ≥ 30)');
    }
    if (dd.kind === 'fixed' && p.drug === 'esketamine' && dose.nonUsLabelDosesAllowed === undefined) {
      dose.nonUsLabelDosesAllowed = false;
      const allowed = Array.isArray(dose.allowedMg) ? (dose.allowedMg as unknown[]) : [];
      if (allowed.includes(28)) {
        dose.allowedMg = allowed.filter((m) => m !== 28);
        if (dose.defaultMg === 28) dose.defaultMg = 56;
        changes.push('28 mg removed: it is a non-US label dose (turn on the non-US label option to keep it)');
      }
    }
  }
  const discharge = isObj(p.discharge) ? p.discharge : undefined;
  const dc = defaults.discharge;
  if (discharge) {
    if (discharge.minMinutesAfterAdministrationEnd === undefined && dc.minMinutesAfterAdministrationEnd) {
      discharge.minMinutesAfterAdministrationEnd = dc.minMinutesAfterAdministrationEnd;
      changes.push(
        `minimum observation after administration set to ${dc.minMinutesAfterAdministrationEnd} min`,
      );
    }
    for (const key of [
      'requireSedationResolved',
      'requireDissociationResolved',
      'requireNoRespiratoryDepression',
    ] as const) {
      if (discharge[key] === undefined && dc[key] !== undefined) {
        discharge[key] = dc[key];
        if (key === 'requireSedationResolved') changes.push('REMS recovery checks added to discharge');
      }
    }
    const vitals = isObj(discharge.vitals) ? discharge.vitals : undefined;
    if (vitals && (vitals.baselineTolerancePct !== undefined || vitals.baselineToleranceParameters)) {
      delete vitals.baselineTolerancePct;
      delete vitals.baselineToleranceParameters;
      changes.push('"within 20 % of baseline" removed: near baseline never overrides a discharge limit');
    }
  }
  if (p.integration === undefined && defaults.integration) {
    p.integration = structuredClone(defaults.integration);
    changes.push(
      `integration visit window set to the default ${defaults.integration.fromHours}–${defaults.integration.toHours} h after discharge`,
    );
  }
  return { protocol: p, changes };
}
