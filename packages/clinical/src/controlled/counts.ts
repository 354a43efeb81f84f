/**
 * Physical counts against the ledger, and the life of a discrepancy.
 *
 * 21 CFR 1304.04 and 1304.21 require complete and accurate records; 21 CFR 1301.71 requires effective
 * controls against diversion; 21 CFR 1301.76(b) requires a theft or significant loss to be reported. A count
 * is made by two people (a counter and a different witness), compared per container with the balance
 * derived from the ledger, and every difference becomes a discrepancy:
 *
 *   open ──resolve (explanation)──▶ resolved
 *     └──escalate (possible loss)──▶ escalated ──resolve (explanation / DEA-106 reference)──▶ resolved
 *
 * A count never changes the ledger: if the ledger was wrong, record an `adjust` (witnessed) and cite it in
 * the resolution.
 */

import type { ContainerState } from './balances.ts';
import { Decimal } from './decimal.ts';
import type { QuantityUnit } from './movements.ts';

export interface CountLine {
  readonly containerId: string;
  readonly quantity: Decimal;
  readonly unit: QuantityUnit;
}

export interface PhysicalCount {
  readonly countedAt: string;
  readonly counterUserId: string;
  readonly witnessUserId: string;
  /** `full`: every container (at `locationId`, if given) must appear; one not counted counts as 0. */
  readonly scope: 'full' | 'partial';
  readonly locationId?: string;
  readonly lines: readonly CountLine[];
}

export type DiscrepancyStatus = 'open' | 'resolved' | 'escalated';

export interface Discrepancy {
  readonly containerId: string;
  readonly unit: QuantityUnit;
  /** Ledger balance at the time of the count. */
  readonly expected: Decimal;
  readonly counted: Decimal;
  /** counted − expected: negative is a shortage (possible loss), positive an overage. */
  readonly difference: Decimal;
  readonly kind: 'shortage' | 'overage';
  /** `not_in_ledger`: found but never received; `not_counted`: in the ledger, missing from a full count. */
  readonly cause: 'mismatch' | 'not_in_ledger' | 'not_counted';
  readonly countedAt: string;
  readonly counterUserId: string;
  readonly witnessUserId: string;
  readonly status: DiscrepancyStatus;
  readonly resolution?: {
    readonly explanation: string;
    readonly by: string;
    readonly at: string;
    readonly adjustmentEntryId?: string;
  };
  readonly escalation?: { readonly note: string; readonly by: string; readonly at: string };
}

export type CountErrorCode = 'witness_required' | 'witness_is_counter' | 'duplicate_line' | 'unit_mismatch';
export interface CountError {
  readonly field: string;
  readonly code: CountErrorCode;
  readonly message: string;
}

export type CountComparison =
  | { readonly ok: true; readonly matched: readonly string[]; readonly discrepancies: readonly Discrepancy[] }
  | { readonly ok: false; readonly errors: readonly CountError[] };

/**
 * Compares a two-person count with ledger balances (e.g. `[...deriveLedger(entries).containers.values()]`).
 * @example
 * compareCount({ countedAt, counterUserId: 'a', witnessUserId: 'b', scope: 'partial',
 *   lines: [{ containerId: 'v1', quantity: Decimal.of('9.5'), unit: 'mL' }] }, containers)
 * // { ok: true, matched: [], discrepancies: [{ containerId: 'v1', difference: -0.5, kind: 'shortage', status: 'open', ... }] }
 */
export function compareCount(count: PhysicalCount, ledger: Iterable<ContainerState>): CountComparison {
  const errors: CountError[] = [];
  if (!count.witnessUserId?.trim())
    errors.push({ field: 'witnessUserId', code: 'witness_required', message: 'A count needs a witness' });
  else if (count.witnessUserId === count.counterUserId) {
    errors.push({
      field: 'witnessUserId',
      code: 'witness_is_counter',
      message: 'The witness must be someone other than the counter',
    });
  }
  const byId = new Map([...ledger].map((c) => [c.id, c] as const));
  const seen = new Set<string>();
  count.lines.forEach((line, i) => {
    if (seen.has(line.containerId))
      errors.push({
        field: `lines.${i}`,
        code: 'duplicate_line',
        message: `${line.containerId} counted twice`,
      });
    seen.add(line.containerId);
    const c = byId.get(line.containerId);
    if (c && c.unit !== line.unit)
      errors.push({
        field: `lines.${i}.unit`,
        code: 'unit_mismatch',
        message: `${c.id} is counted in ${c.unit}`,
      });
  });
  if (errors.length > 0) return { ok: false, errors };

  const base = {
    countedAt: count.countedAt,
    counterUserId: count.counterUserId,
    witnessUserId: count.witnessUserId,
    status: 'open' as const,
  };
  const matched: string[] = [];
  const discrepancies: Discrepancy[] = [];
  const record = (
    containerId: string,
    unit: QuantityUnit,
    expected: Decimal,
    counted: Decimal,
    cause: Discrepancy['cause'],
  ): void => {
    const difference = counted.sub(expected);
    if (difference.isZero()) return void matched.push(containerId);
    discrepancies.push({
      containerId,
      unit,
      expected,
      counted,
      difference,
      kind: difference.isNegative() ? 'shortage' : 'overage',
      cause,
      ...base,
    });
  };
  for (const line of count.lines) {
    const c = byId.get(line.containerId);
    if (c) record(c.id, c.unit, c.balance, line.quantity, 'mismatch');
    else record(line.containerId, line.unit, Decimal.ZERO, line.quantity, 'not_in_ledger');
  }
  if (count.scope === 'full') {
    for (const c of byId.values()) {
      const inScope = count.locationId === undefined || c.locationId === count.locationId;
      if (inScope && !seen.has(c.id) && !c.balance.isZero())
        record(c.id, c.unit, c.balance, Decimal.ZERO, 'not_counted');
    }
  }
  return { ok: true, matched, discrepancies };
}

/** Allowed status changes, as data. */
export const DISCREPANCY_TRANSITIONS: { readonly [S in DiscrepancyStatus]: readonly DiscrepancyStatus[] } = {
  open: ['resolved', 'escalated'],
  escalated: ['resolved'],
  resolved: [],
};

export type TransitionResult =
  | { readonly ok: true; readonly discrepancy: Discrepancy }
  | {
      readonly ok: false;
      readonly code: 'invalid_transition' | 'explanation_required';
      readonly message: string;
    };

/**
 * Closes a discrepancy with an explanation (e.g. "spill witnessed by B, waste entry e42 recorded").
 * @example resolveDiscrepancy(d, { explanation: 'miscounted; recount matches', by: 'u2', at: now })
 */
export function resolveDiscrepancy(
  d: Discrepancy,
  resolution: {
    readonly explanation: string;
    readonly by: string;
    readonly at: string;
    readonly adjustmentEntryId?: string;
  },
): TransitionResult {
  if (!DISCREPANCY_TRANSITIONS[d.status].includes('resolved')) {
    return { ok: false, code: 'invalid_transition', message: `A ${d.status} discrepancy cannot be resolved` };
  }
  if (!resolution.explanation?.trim())
    return { ok: false, code: 'explanation_required', message: 'Explain the discrepancy to resolve it' };
  return { ok: true, discrepancy: { ...d, status: 'resolved', resolution } };
}

/**
 * Escalates an open discrepancy as a possible theft or significant loss (see `loss.ts` for deadlines).
 * @example escalateDiscrepancy(d, { note: '2 mL unaccounted, no spill reported', by: 'u2', at: now })
 */
export function escalateDiscrepancy(
  d: Discrepancy,
  escalation: { readonly note: string; readonly by: string; readonly at: string },
): TransitionResult {
  if (!DISCREPANCY_TRANSITIONS[d.status].includes('escalated')) {
    return {
      ok: false,
      code: 'invalid_transition',
      message: `A ${d.status} discrepancy cannot be escalated`,
    };
  }
  if (!escalation.note?.trim())
    return { ok: false, code: 'explanation_required', message: 'Say why this is a possible loss' };
  return { ok: true, discrepancy: { ...d, status: 'escalated', escalation } };
}

/**
 * Containers to hold as `quarantined` (see `containerStatus`): any with an open or escalated discrepancy.
 * @example containerStatus(c, today, { quarantined: heldContainers(discrepancies).has(c.id) })
 */
export function heldContainers(discrepancies: Iterable<Discrepancy>): Set<string> {
  const held = new Set<string>();
  for (const d of discrepancies) if (d.status !== 'resolved') held.add(d.containerId);
  return held;
}
