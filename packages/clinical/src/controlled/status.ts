/**
 * Container status rules and the validation context built from derived balances.
 *
 * Status supports 21 CFR 1304.11(e)(3) (opened vs. sealed containers are inventoried differently), 21 CFR
 * 1304.22(c) (what may be administered) and 21 CFR 1301.71 (security: a container under investigation is
 * held). Rules, first match wins:
 *   1. `quarantined` — the caller holds it (open or escalated count discrepancy, suspected tampering, recall).
 *   2. `empty`       — balance ≤ 0.
 *   3. `expired`     — today is after `expiresOn`, or, when a beyond-use period is configured (e.g. 28 days
 *                      for a multi-dose vial per USP <797> unless the labelling says otherwise), today is
 *                      after opened date + that many days.
 *   4. `open`        — an open, draw or waste-from-container movement is in force.
 *   5. `sealed`      — otherwise.
 */

import type { ContainerState, LedgerState } from './balances.ts';
import { addDays, compareDates, type IsoDate, localDate } from './dates.ts';
import type { ContainerStatus } from './movements.ts';
import type { MovementContext } from './validation.ts';

export interface StatusOptions {
  /** Held by the clinic (see rule 1). */
  readonly quarantined?: boolean;
  /** Beyond-use period after first opening, in days, evaluated in the clinic's time zone. */
  readonly beyondUse?: { readonly days: number; readonly timeZone: string };
}

/**
 * @example containerStatus(state.containers.get('v1')!, '2025-06-01') // 'open'
 */
export function containerStatus(
  container: ContainerState,
  today: IsoDate,
  options: StatusOptions = {},
): ContainerStatus {
  if (options.quarantined) return 'quarantined';
  if (!container.balance.isPositive()) return 'empty';
  if (compareDates(today, container.expiresOn) > 0) return 'expired';
  if (container.openedAt && options.beyondUse) {
    const openedOn = localDate(container.openedAt, options.beyondUse.timeZone);
    if (compareDates(today, addDays(openedOn, options.beyondUse.days)) > 0) return 'expired';
  }
  return container.openedAt ? 'open' : 'sealed';
}

/** The date after which a container may no longer be used (earlier of expiry and beyond-use), if any. */
export function lastUseDate(container: ContainerState, beyondUse?: StatusOptions['beyondUse']): IsoDate {
  if (!container.openedAt || !beyondUse) return container.expiresOn;
  const bud = addDays(localDate(container.openedAt, beyondUse.timeZone), beyondUse.days);
  return compareDates(bud, container.expiresOn) < 0 ? bud : container.expiresOn;
}

/**
 * Builds the {@link MovementContext} for validating a new movement against the current ledger.
 * @example checkMovement(draft, actor, contextFor(deriveLedger(entries), 'v1', '2025-06-01', { drawId: 'e7' }))
 */
export function contextFor(
  state: LedgerState,
  containerId: string,
  today: IsoDate,
  options: StatusOptions & { readonly drawId?: string } = {},
): MovementContext {
  const c = state.containers.get(containerId);
  const container = c
    ? { unit: c.unit, status: containerStatus(c, today, options), balance: c.balance, ndc: c.ndc }
    : null;
  if (options.drawId === undefined) return { container };
  const d = state.draws.get(options.drawId);
  return {
    container,
    draw: d ? { containerId: d.containerId, patientId: d.patientId, outstanding: d.outstanding } : null,
  };
}
