/**
 * `calculateDose`: dose, volume, IV pump rate and esketamine devices from an order and a protocol. Pure.
 *
 * Sources: the protocol's limits (IV racemic ketamine 0.5 mg/kg over 40 min — Psychiatric Times; max 0.75 —
 * Andrade 2017; ceiling 1.0 mg/kg — Fava et al. 2020; mg caps; IM max 60 mg — NCT05468047; KAP flat ranges;
 * SPRAVATO 56/84 mg, 28 mg per device) and its dosing-weight rule (`weight.ts`: Devine 1974, Traynor 1995,
 * Sanacora et al. 2017); age < 18 contraindicated in practice. Limits come from the protocol, never from this
 * file; the esketamine US-label doses are enforced in `limits.ts`.
 *
 * Weight-based: the mg/kg applies to the dosing weight (actual, ideal or adjusted, see `weight.ts`), shown in
 * `dosingWeight` with its reason. `doseMg` checks a dose given in mg (what is actually given) against the same
 * maximum, ceiling and mg cap, as mg ÷ dosing weight.
 *
 * Arithmetic is exact decimal (see `decimal.ts`), rounded half up: dose to `rounding.doseMg` (0.1 mg),
 * volume = dose ÷ concentration to `rounding.volumeMl` (0.01 mL), rate to `rounding.rateMlPerHour` (0.1 mL/h).
 * The rate is computed from the exact drug volume (dose ÷ concentration, not the rounded volume) or from the
 * whole bag when `bagVolumeMl` is given, so rounding is applied once per output.
 */
import type { Protocol } from '../protocols/types.ts';
import { validateProtocol } from '../protocols/validate.ts';
import {
  checkAge,
  checkNumericFields,
  checkWeight,
  describe,
  echo,
  isPositive,
  parseTime,
} from './checks.ts';
import { div, mul, roundToIncrement, toRational } from './decimal.ts';
import { fixed, flatRange, type KindResult, readOverride, weightBased, weightBasedGiven } from './limits.ts';
import {
  DOSING_DEFAULTS,
  type DoseContext,
  type DoseInput,
  type DoseInputsUsed,
  type DoseResult,
} from './types.ts';
import { chooseDosingWeight, type DosingWeight, type Sex } from './weight.ts';

const SEXES: readonly Sex[] = ['female', 'male', 'other', 'unknown'];

const NUMERIC_FIELDS = [
  'weightKg',
  'mgPerKg',
  'fixedMg',
  'concentrationMgPerMl',
  'durationMin',
  'bagVolumeMl',
  'ageYears',
  'heightCm',
  'doseMg',
] as const;

/**
 * Calculate a dose under a protocol. Never throws for bad numbers and never returns NaN: invalid input gives
 * `blocked: true` with a reason naming the field.
 *
 * @example
 * calculateDose(
 *   { weightKg: 70, concentrationMgPerMl: 10, bagVolumeMl: 100, ageYears: 40 },
 *   defaultIvKetamineProtocol(),
 *   { now: '2025-06-01T10:00:00Z', weightMeasuredAt: '2025-05-30T09:00:00Z' },
 * );
 * // { doseMg: 35, volumeMl: 3.5, rateMlPerHour: 150, blocked: false, overridden: false, ... }
 */
export function calculateDose(input: DoseInput, protocol: Protocol, ctx: DoseContext): DoseResult {
  const raw = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const reasons: string[] = [];
  const warnings: string[] = [];
  const inputs: DoseInputsUsed = {
    protocolId: typeof protocol?.id === 'string' ? protocol.id : '',
    protocolVersion: echo(protocol?.version) ?? 0,
    doseKind: null,
    maxWeightAgeDays: null,
  };
  let dosingWeight: DosingWeight | undefined;
  const result = (dose: number, extra: Partial<DoseResult> = {}): DoseResult => {
    const blocked = reasons.length > 0;
    return {
      doseMg: Number.isFinite(dose) ? dose : 0,
      ...(blocked ? {} : extra),
      ...(dosingWeight ? { dosingWeight } : {}),
      warnings,
      blocked,
      reasons,
      overridden: extra.overridden ?? false,
      inputs,
    };
  };

  const valid = validateProtocol(protocol);
  if (!valid.ok) {
    for (const e of valid.errors.slice(0, 5)) reasons.push(`protocol invalid at ${e.path}: ${e.message}`);
    return result(0);
  }
  const { dose: rule, rounding } = protocol;
  inputs.doseKind = rule.kind;
  if (typeof input !== 'object' || input === null) reasons.push('input must be an object');

  checkNumericFields(raw, NUMERIC_FIELDS, reasons);
  for (const f of NUMERIC_FIELDS) if (raw[f] !== undefined) inputs[f] = echo(raw[f]);
  let sex: Sex | undefined;
  if (raw.sex !== undefined) {
    if (typeof raw.sex === 'string' && (SEXES as readonly string[]).includes(raw.sex)) sex = raw.sex as Sex;
    else reasons.push(`sex must be one of ${SEXES.join(', ')} (got ${describe(raw.sex)})`);
    inputs.sex = sex ?? null;
  }

  const now = parseTime(ctx?.now);
  if (now === null) reasons.push(`now is not a valid date (got ${describe(ctx?.now)})`);
  const maxAge = ctx?.maxWeightAgeDays ?? DOSING_DEFAULTS.maxWeightAgeDays.value;
  if (!isPositive(maxAge))
    reasons.push(`maxWeightAgeDays must be a finite number greater than 0 (got ${describe(maxAge)})`);
  inputs.maxWeightAgeDays = isPositive(maxAge) ? maxAge : null;

  checkAge(raw.ageYears, protocol.minAgeYears.value, reasons, warnings);
  const override = readOverride(raw.override);
  if (override.present) inputs.override = override.echo ?? null;

  let kind: KindResult;
  if (rule.kind === 'weight_based') {
    const w = checkWeight(
      {
        weightKg: raw.weightKg,
        plausible: rule.plausibleWeightKg,
        measuredAt: ctx?.weightMeasuredAt,
        now,
        maxWeightAgeDays: inputs.maxWeightAgeDays,
      },
      reasons,
      warnings,
    );
    if (w.weightMeasuredAt !== undefined) inputs.weightMeasuredAt = w.weightMeasuredAt;
    if (w.weightAgeDays !== undefined) inputs.weightAgeDays = w.weightAgeDays;
    const height = isPositive(raw.heightCm) ? raw.heightCm : undefined;
    if (w.weightKg !== undefined)
      dosingWeight = chooseDosingWeight(rule.dosingWeight, w.weightKg, height, sex, warnings);
    ignored(raw, ['fixedMg'], 'weight-based', warnings);
    if (raw.doseMg !== undefined) {
      if (raw.mgPerKg !== undefined) warnings.push('mgPerKg ignored: the given doseMg is checked instead');
      inputs.mgPerKgFrom = 'dose_mg';
      if (!isPositive(raw.doseMg)) kind = { doseMg: 0, overridden: false };
      else {
        const given = weightBasedGiven(
          rule,
          raw.doseMg,
          dosingWeight?.kg,
          rounding,
          override,
          reasons,
          warnings,
        );
        inputs.mgPerKg = given.mgPerKg;
        kind = given;
      }
    } else {
      const fromInput = raw.mgPerKg !== undefined;
      const mgPerKg = fromInput ? raw.mgPerKg : rule.defaultMgPerKg;
      inputs.mgPerKg = echo(mgPerKg);
      inputs.mgPerKgFrom = fromInput ? 'input' : 'protocol_default';
      kind = weightBased(rule, mgPerKg, dosingWeight?.kg, rounding, override, reasons, warnings);
    }
  } else {
    const fromInput = raw.fixedMg !== undefined;
    const mg = fromInput ? raw.fixedMg : rule.defaultMg;
    inputs.fixedMg = echo(mg);
    inputs.fixedMgFrom = fromInput ? 'input' : 'protocol_default';
    if (!fromInput) warnings.push(`fixedMg not given: protocol default ${rule.defaultMg} mg used`);
    ignored(
      raw,
      ['weightKg', 'mgPerKg', 'heightCm', 'doseMg'],
      rule.kind === 'fixed' ? 'fixed-dose' : 'flat-range',
      warnings,
    );
    if (rule.kind === 'fixed') {
      ignored(raw, ['concentrationMgPerMl', 'durationMin', 'bagVolumeMl'], 'fixed-dose', warnings);
      if (override.present) warnings.push('override does not apply to fixed doses: ignored');
      kind = fixed(rule, mg, reasons, protocol.drug);
    } else {
      kind = flatRange(rule, mg, rounding, override, reasons, warnings);
    }
  }
  if (override.present && !kind.exceededMax && rule.kind !== 'fixed') {
    warnings.push('override given but no protocol maximum was exceeded: ignored');
  }

  const outputs: Partial<DoseResult> = { overridden: kind.overridden };
  if (kind.devices !== undefined) outputs.devices = kind.devices;
  if (rule.kind !== 'fixed' && kind.doseMg > 0)
    addVolumeAndRate(protocol, raw, kind.doseMg, inputs, outputs, reasons, warnings);
  return result(kind.doseMg, outputs);
}

function ignored(raw: Record<string, unknown>, fields: string[], what: string, warnings: string[]): void {
  for (const f of fields)
    if (raw[f] !== undefined) warnings.push(`${f} is not used by ${what} protocols: ignored`);
}

/** Volume from concentration; IV rate from the bag or the drug volume over the duration. */
function addVolumeAndRate(
  protocol: Protocol,
  raw: Record<string, unknown>,
  doseMg: number,
  inputs: DoseInputsUsed,
  out: Partial<DoseResult>,
  reasons: string[],
  warnings: string[],
): void {
  const { rounding } = protocol;
  const conc = isPositive(raw.concentrationMgPerMl) ? raw.concentrationMgPerMl : undefined;
  const drugVolume = conc === undefined ? undefined : div(toRational(doseMg), toRational(conc));
  if (drugVolume) out.volumeMl = roundToIncrement(drugVolume, rounding.volumeMl);

  if (protocol.route !== 'iv') {
    ignored(raw, ['durationMin', 'bagVolumeMl'], `${protocol.route}`, warnings);
    return;
  }
  const fromInput = raw.durationMin !== undefined;
  const duration = fromInput ? raw.durationMin : protocol.durationMin;
  if (duration !== undefined) {
    inputs.durationMin = echo(duration);
    inputs.durationFrom = fromInput ? 'input' : 'protocol';
  }
  if (!isPositive(duration)) return; // invalid input already reported; protocol duration is validated
  const perHour = div(toRational(60), toRational(duration));
  if (isPositive(raw.bagVolumeMl)) {
    const bag = toRational(raw.bagVolumeMl);
    if (drugVolume && bag.num * drugVolume.den < drugVolume.num * bag.den) {
      reasons.push(`bagVolumeMl ${raw.bagVolumeMl} is smaller than the drug volume (${out.volumeMl} mL)`);
      return;
    }
    out.rateMlPerHour = roundToIncrement(mul(bag, perHour), rounding.rateMlPerHour);
  } else if (drugVolume) {
    out.rateMlPerHour = roundToIncrement(mul(drugVolume, perHour), rounding.rateMlPerHour);
  } else {
    warnings.push('no concentrationMgPerMl or bagVolumeMl: volume and rate not calculated');
  }
}
