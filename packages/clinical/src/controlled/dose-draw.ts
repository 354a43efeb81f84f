/**
 * A dose drawn from a register container: which product may serve which protocol drug, and the drawn /
 * given / wasted quantities in the container's own unit, checked against the dose in mg.
 *
 * docs/clinical-sources.md#register-practice: per dose the register holds drawn / given / wasted, and waste
 * carries two signatures; 21 CFR 1304.22(c): each administration is recorded with its quantity. A solution
 * counted in mL is given as a volume, and the volume times the product's labelled concentration must be
 * exactly the dose in mg — a mismatch means the record is wrong, so it is refused rather than rounded. A
 * container counted in mg (e.g. a box of esketamine nasal-spray devices) is drawn and given in mg: the dose
 * itself, no remainder.
 */

import { type Decimal, parseQuantity } from './decimal.ts';
import type { QuantityInput } from './draft.ts';
import type { QuantityUnit } from './movement-types.ts';

/**
 * Brand names that name one active substance (FDA labels: KETALAR is ketamine hydrochloride injection;
 * SPRAVATO is esketamine nasal spray).
 */
const BRANDS: Readonly<Record<string, string>> = { ketalar: 'ketamine', spravato: 'esketamine' };

/**
 * True when a register product's drug name (free text, e.g. "Ketamine HCl", "Esketamine (Spravato)")
 * names `drug` as a whole word or through a brand above. Word matching keeps "esketamine" from
 * counting as "ketamine".
 * @example productIsDrug('Ketamine HCl', 'ketamine') // true
 * @example productIsDrug('Esketamine (Spravato)', 'ketamine') // false
 */
export function productIsDrug(productDrug: string, drug: string): boolean {
  const want = drug.trim().toLowerCase();
  if (!want) return false;
  return productDrug
    .toLowerCase()
    .split(/[^a-z]+/)
    .some((w) => w === want || BRANDS[w] === want);
}

export interface DoseDrawInput {
  /** The container's counting unit. */
  readonly unit: QuantityUnit;
  /** The product's labelled concentration (mg/mL); needed for containers counted in mL. */
  readonly concentrationMgPerMl: Decimal | null;
  readonly doseMg: QuantityInput;
  /** Volume given (mL). */
  readonly volumeMl?: QuantityInput | undefined;
  /** Volume drawn (mL); defaults to the volume given. */
  readonly drawnMl?: QuantityInput | undefined;
  /** A concentration stated with the dose; must be the product's. */
  readonly statedConcentrationMgPerMl?: QuantityInput | undefined;
}

export type DoseDrawField = 'containerId' | 'doseMg' | 'volumeMl' | 'drawnMl' | 'concentrationMgPerMl';

export interface DoseDrawError {
  readonly field: DoseDrawField;
  readonly message: string;
}

/** Quantities in the container's unit: drawn = given + waste. */
export interface DoseDraw {
  readonly unit: QuantityUnit;
  readonly drawn: Decimal;
  readonly given: Decimal;
  readonly waste: Decimal;
}

export type DoseDrawResult =
  | { readonly ok: true; readonly draw: DoseDraw }
  | { readonly ok: false; readonly errors: readonly DoseDrawError[] };

/**
 * Plans the register's draw, administration and waste for one dose, or says which field is wrong.
 * @example planDoseDraw({ unit: 'mL', concentrationMgPerMl: Decimal.of(50), doseMg: 35, volumeMl: 0.7, drawnMl: 0.8 })
 * // { ok: true, draw: { unit: 'mL', drawn: 0.8, given: 0.7, waste: 0.1 } }
 */
export function planDoseDraw(input: DoseDrawInput): DoseDrawResult {
  const errors: DoseDrawError[] = [];
  const add = (field: DoseDrawField, message: string): void => {
    errors.push({ field, message });
  };
  const positive = (field: DoseDrawField, v: QuantityInput | undefined): Decimal | undefined => {
    if (v === undefined) return undefined;
    const r = typeof v === 'object' ? { ok: true as const, value: v } : parseQuantity(v);
    if (!r.ok) add(field, r.reason);
    else if (!r.value.isPositive()) add(field, 'must be greater than zero');
    else return r.value;
    return undefined;
  };
  const dose = positive('doseMg', input.doseMg);
  const given = positive('volumeMl', input.volumeMl);
  const drawnMl = positive('drawnMl', input.drawnMl);
  const stated = positive('concentrationMgPerMl', input.statedConcentrationMgPerMl);
  if (errors.length > 0) return { ok: false, errors };

  if (input.unit === 'mg') {
    if (input.drawnMl !== undefined)
      add('drawnMl', 'this container is counted in mg: the dose is drawn and given in mg, with no remainder');
    if (input.volumeMl !== undefined)
      add('volumeMl', 'this container is counted in mg: give the dose in mg, not a volume');
    if (errors.length > 0 || !dose) return { ok: false, errors };
    return { ok: true, draw: { unit: 'mg', drawn: dose, given: dose, waste: dose.sub(dose) } };
  }
  if (input.unit !== 'mL') {
    add('containerId', `a container counted in ${input.unit} cannot be drawn for a dose in mg`);
    return { ok: false, errors };
  }
  const conc = input.concentrationMgPerMl;
  if (!conc?.isPositive()) {
    add('containerId', 'the product has no concentration on file, so the volume cannot be checked');
    return { ok: false, errors };
  }
  if (stated && !stated.eq(conc))
    add('concentrationMgPerMl', `the container holds ${conc.toString()} mg/mL, not ${stated.toString()}`);
  if (!given) add('volumeMl', 'the volume given is required when the dose is drawn from a vial');
  if (given && dose) {
    const mg = given.mul(conc, 'half-up');
    if (!mg.eq(dose)) {
      const ml = dose.div(conc, 'half-up');
      add(
        'volumeMl',
        `${given.toString()} mL at ${conc.toString()} mg/mL is ${mg.toString()} mg, not the ${dose.toString()} mg dose (${dose.toString()} mg is ${ml.toString()} mL)`,
      );
    }
  }
  const drawn = drawnMl ?? given;
  if (drawn && given && drawn.lt(given)) add('drawnMl', 'must be at least the volume given');
  if (errors.length > 0 || !drawn || !given) return { ok: false, errors };
  return { ok: true, draw: { unit: 'mL', drawn, given, waste: drawn.sub(given) } };
}
