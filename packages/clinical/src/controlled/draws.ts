/**
 * Draw reconciliation: every milligram drawn into a syringe is either administered or wasted.
 *
 * 21 CFR 1304.22(c) requires each administration to be recorded with its quantity;
 * docs/clinical-sources.md#register-practice adds drawn / given / wasted per dose. A draw is reconciled when
 * drawn = administered + wasted (waste from the draw). Anything still outstanding is drug outside the vial
 * and not yet accounted for.
 */

import { Decimal } from './decimal.ts';
import type { QuantityUnit } from './movements.ts';

export type DrawStatus = 'outstanding' | 'reconciled' | 'over_accounted';

/** Reconciliation of one draw: outstanding = drawn − administered − wasted. */
export interface DrawReconciliation {
  /** Ledger entry id of the draw. */
  readonly drawId: string;
  readonly containerId: string;
  readonly patientId: string;
  readonly sessionId?: string;
  readonly unit: QuantityUnit;
  readonly drawn: Decimal;
  readonly administered: Decimal;
  readonly wasted: Decimal;
  readonly outstanding: Decimal;
  readonly status: DrawStatus;
}

/** Running totals in millionths, mutated during a replay. */
export interface DrawTally {
  containerId: string;
  patientId: string;
  sessionId?: string | undefined;
  unit: QuantityUnit;
  drawn: bigint;
  administered: bigint;
  wasted: bigint;
}

/** Outstanding amount of a tally, in millionths. */
export const outstandingOf = (d: DrawTally): bigint => d.drawn - d.administered - d.wasted;

/**
 * Books a change to a draw's outstanding amount. `delta` is the movement's draw delta (positive for a draw,
 * negative for an administration or waste; reversed for corrections).
 */
export function bookToDraw(d: DrawTally, kind: 'draw' | 'administer' | 'waste', delta: bigint): void {
  if (kind === 'draw') d.drawn += delta;
  else if (kind === 'administer') d.administered -= delta;
  else d.wasted -= delta;
}

/**
 * Immutable view of a tally.
 * @example freezeDraw('e2', tally).status // 'reconciled' when drawn = administered + wasted
 */
export function freezeDraw(drawId: string, d: DrawTally): DrawReconciliation {
  const outstanding = outstandingOf(d);
  return {
    drawId,
    containerId: d.containerId,
    patientId: d.patientId,
    ...(d.sessionId ? { sessionId: d.sessionId } : {}),
    unit: d.unit,
    drawn: Decimal.fromScaled(d.drawn),
    administered: Decimal.fromScaled(d.administered),
    wasted: Decimal.fromScaled(d.wasted),
    outstanding: Decimal.fromScaled(outstanding),
    status: outstanding > 0n ? 'outstanding' : outstanding === 0n ? 'reconciled' : 'over_accounted',
  };
}
