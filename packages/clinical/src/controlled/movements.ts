/**
 * Movement types of the controlled-substance register and their effect on balances, declared as data.
 *
 * Follows 21 CFR 1304.22(c) (receipt: date, quantity, supplier name, address and DEA number; each
 * administration: date, patient, substance, form, quantity, who administered), 21 CFR 1304.21 (complete and
 * accurate records of every receipt and disposal), 21 CFR 1317.95(d) / DEA-41 (destruction by two
 * authorized employees witnessing) and the practice rules in docs/clinical-sources.md#register-practice (NDC,
 * lot, expiry, vial, drawn / given / wasted, running balance, two signatures on waste).
 *
 * Draw / administer / waste accounting model
 * ------------------------------------------
 * The container balance is *what is physically left in the vial*, so a physical count can verify it.
 * - `draw` takes drug out of the container into a syringe: container balance decreases by the amount drawn.
 * - `administer` records how much of one draw was given to the patient: container balance unchanged; the
 *   draw's outstanding amount decreases.
 * - `waste` has a source:
 *   - `from: 'draw'` discards the unused remainder of a draw (syringe residue, cancelled dose). Container
 *     unchanged; the draw's outstanding amount decreases. A draw is reconciled when
 *     drawn = administered + wasted, and anything still outstanding is drug in someone's hands that must be
 *     accounted for — the diversion window this model makes visible.
 *   - `from: 'container'` discards drug straight from the vial (beyond-use, contaminated, broken):
 *     container balance decreases.
 *   Both need a reason and a witness who is not the person recording (two signatures on waste).
 * - `adjust` is a signed count correction with a reason and a co-signing witness.
 * - `transfer` moves the whole container to another location (net 0); `open` marks sealed → open (0).
 * - `return` (to supplier / reverse distributor) and `destroy` (DEA-41) decrease the balance.
 */

import { Decimal } from './decimal.ts';
import type { ContainerStatus, Movement, MovementType, WasteSource } from './movement-types.ts';

export * from './movement-types.ts';

/** How a movement changes a balance. `signed` uses the movement's signed quantity. */
export type Effect = 'increase' | 'decrease' | 'none' | 'signed';
/** Waste's effect depends on its source. */
export type SourcedEffect = Effect | { readonly byWasteSource: Readonly<Record<WasteSource, Effect>> };

export interface MovementRule {
  /** Effect on the container balance (what is in the vial). */
  readonly container: SourcedEffect;
  /** Effect on the outstanding amount of the referenced draw (a draw itself creates it). */
  readonly draw: SourcedEffect;
  readonly quantity: 'positive' | 'signed_nonzero' | 'none';
  /** Number of witnesses other than the recorder. */
  readonly witnesses: 0 | 1 | 2;
  /** Fields that must be present (dot paths). */
  readonly requires: readonly string[];
  /** Container statuses the movement may be recorded against (`new` = container must not exist yet). */
  readonly allowedStatuses: readonly (ContainerStatus | 'new')[];
  /** Marks the container opened (status sealed → open). */
  readonly opens: boolean | { readonly byWasteSource: Readonly<Record<WasteSource, boolean>> };
  readonly summary: string;
}

const USABLE: readonly ContainerStatus[] = ['sealed', 'open'];
const HAS_STOCK: readonly ContainerStatus[] = ['sealed', 'open', 'expired', 'quarantined'];
const ANY: readonly ContainerStatus[] = ['sealed', 'open', 'empty', 'expired', 'quarantined'];

/** The rule table. Tests assert every row. */
export const MOVEMENT_RULES: { readonly [T in MovementType]: MovementRule } = {
  receipt: {
    container: 'increase',
    draw: 'none',
    quantity: 'positive',
    witnesses: 0,
    requires: [
      'supplier.name',
      'supplier.address',
      'supplier.deaNumber',
      'container.ndc',
      'container.lot',
      'container.expiresOn',
      'container.locationId',
    ],
    allowedStatuses: ['new'],
    opens: false,
    summary: 'Drug received from a supplier creates the container (1304.22(c)).',
  },
  open: {
    container: 'none',
    draw: 'none',
    quantity: 'none',
    witnesses: 0,
    requires: [],
    allowedStatuses: ['sealed'],
    opens: true,
    summary: 'Seal broken: sealed → open; balance unchanged.',
  },
  draw: {
    container: 'decrease',
    draw: 'increase',
    quantity: 'positive',
    witnesses: 0,
    requires: ['patientId'],
    allowedStatuses: USABLE,
    opens: true,
    summary: 'Drug drawn into a syringe for a patient; a draw from a sealed vial opens it.',
  },
  administer: {
    container: 'none',
    draw: 'decrease',
    quantity: 'positive',
    witnesses: 0,
    requires: ['drawId', 'patientId'],
    allowedStatuses: ANY,
    opens: false,
    summary: 'Dose given out of a draw; the recorder is who administered (1304.22(c)).',
  },
  waste: {
    container: { byWasteSource: { draw: 'none', container: 'decrease' } },
    draw: { byWasteSource: { draw: 'decrease', container: 'none' } },
    quantity: 'positive',
    witnesses: 1,
    requires: ['from', 'reason'],
    allowedStatuses: HAS_STOCK,
    opens: { byWasteSource: { draw: false, container: true } },
    summary: 'Drug discarded, from a draw remainder or straight from the container; witnessed.',
  },
  return: {
    container: 'decrease',
    draw: 'none',
    quantity: 'positive',
    witnesses: 0,
    requires: ['recipient.name', 'recipient.address', 'recipient.deaNumber'],
    allowedStatuses: HAS_STOCK,
    opens: false,
    summary: 'Returned to the supplier or a reverse distributor.',
  },
  transfer: {
    container: 'none',
    draw: 'none',
    quantity: 'none',
    witnesses: 0,
    requires: ['toLocationId'],
    allowedStatuses: HAS_STOCK,
    opens: false,
    summary: 'Whole container moved to another storage location; net 0.',
  },
  adjust: {
    container: 'signed',
    draw: 'none',
    quantity: 'signed_nonzero',
    witnesses: 1,
    requires: ['reason'],
    allowedStatuses: ANY,
    opens: false,
    summary: 'Signed count correction with a reason and a co-signature.',
  },
  destroy: {
    container: 'decrease',
    draw: 'none',
    quantity: 'positive',
    witnesses: 2,
    requires: ['dea41.destroyedOn', 'dea41.method', 'dea41.witnessNames', 'dea41.ndc', 'dea41.form'],
    allowedStatuses: HAS_STOCK,
    opens: false,
    summary: 'Destroyed on DEA-41 before two witnesses.',
  },
};

function resolve<T>(value: T | { readonly byWasteSource: Readonly<Record<WasteSource, T>> }, m: Movement): T {
  if (typeof value === 'object' && value !== null && 'byWasteSource' in value) {
    return value.byWasteSource[m.type === 'waste' ? m.from : 'container'];
  }
  return value as T;
}

function signedDelta(effect: Effect, m: Movement): bigint {
  if (effect === 'none' || !('quantity' in m)) return 0n;
  const q = m.quantity.scaled;
  return effect === 'increase' || effect === 'signed' ? q : -q;
}

/**
 * Signed change to the container balance, in millionths of the container's unit.
 * @example containerDelta({ type: 'draw', quantity: Decimal.of(2), ... }) // -2_000_000n
 */
export function containerDelta(m: Movement): bigint {
  return signedDelta(resolve(MOVEMENT_RULES[m.type].container, m), m);
}

/** Signed change to the outstanding amount of the draw `m` refers to (or creates, for a draw). */
export function drawDelta(m: Movement): bigint {
  return signedDelta(resolve(MOVEMENT_RULES[m.type].draw, m), m);
}

/** True when the movement opens a sealed container. */
export function opensContainer(m: Movement): boolean {
  return resolve(MOVEMENT_RULES[m.type].opens, m);
}

/** The draw a movement accounts against, if any. */
export function drawIdOf(m: Movement): string | undefined {
  if (m.type === 'administer') return m.drawId;
  if (m.type === 'waste' && m.from === 'draw') return m.drawId;
  return undefined;
}

export type ApplyResult =
  | { readonly ok: true; readonly balance: Decimal }
  | {
      readonly ok: false;
      readonly code: 'would_go_negative';
      readonly balance: Decimal;
      readonly shortBy: Decimal;
    };

/**
 * Applies a movement to a container balance; refuses instead of going below zero.
 * @example applyMovement(Decimal.of(1), draw2mg) // { ok: false, code: 'would_go_negative', shortBy: 1 }
 */
export function applyMovement(balance: Decimal, movement: Movement): ApplyResult {
  const next = balance.scaled + containerDelta(movement);
  if (next < 0n) return { ok: false, code: 'would_go_negative', balance, shortBy: Decimal.fromScaled(-next) };
  return { ok: true, balance: Decimal.fromScaled(next) };
}
