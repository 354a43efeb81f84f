/**
 * Balances derived from the register — never stored as truth, always recomputable.
 *
 * 21 CFR 1304.04 (records readily retrievable, two years) and 21 CFR 1304.22(c) (every receipt and
 * administration recorded) make the ordered ledger the source of truth;
 * docs/clinical-sources.md#register-practice adds a running balance per vial. `deriveLedger` replays entries
 * in ledger (append) order — not `occurredAt` order — and yields per-container, per-lot (NDC + lot),
 * per-product (NDC) and per-location balances, a running line per entry, per-draw reconciliation (drawn =
 * administered + wasted + outstanding), and every problem found (a sequence that goes negative, a movement
 * for an unknown container, a bad correction…). Problem entries with no sound interpretation are skipped;
 * balance problems are applied and reported.
 */

import { type LedgerEntry, resolveCorrection } from './corrections.ts';
import type { IsoDate } from './dates.ts';
import { Decimal } from './decimal.ts';
import { bookToDraw, type DrawReconciliation, type DrawTally, freezeDraw, outstandingOf } from './draws.ts';
import {
  containerDelta,
  drawDelta,
  drawIdOf,
  type Movement,
  opensContainer,
  type QuantityUnit,
} from './movements.ts';

export interface ContainerState {
  readonly id: string;
  readonly ndc: string;
  readonly lot: string;
  readonly expiresOn: IsoDate;
  readonly unit: QuantityUnit;
  readonly locationId: string;
  readonly balance: Decimal;
  readonly concentrationMgPerMl?: Decimal;
  /** `occurredAt` of the earliest effective movement that opened it (open, draw, waste from container). */
  readonly openedAt?: string;
}

export interface RunningLine {
  readonly entryId: string;
  readonly containerId: string;
  readonly unit: QuantityUnit;
  readonly containerBalance: Decimal;
  readonly lotBalance: Decimal;
  readonly productBalance: Decimal;
  /** Balance of this NDC at the container's location after the entry. */
  readonly locationBalance: Decimal;
}

export type LedgerIssueCode =
  | 'duplicate_entry_id'
  | 'duplicate_receipt'
  | 'unknown_container'
  | 'product_unit_conflict'
  | 'unit_mismatch'
  | 'unknown_draw'
  | 'draw_container_mismatch'
  | 'unknown_correction_target'
  | 'already_reversed'
  | 'correction_identity_changed'
  | 'correction_delta_mismatch'
  | 'would_go_negative'
  | 'draw_over_accounted';

export interface LedgerIssue {
  readonly entryId: string;
  /** Position in the entry list. */
  readonly index: number;
  readonly code: LedgerIssueCode;
  readonly message: string;
}

export interface LedgerState {
  readonly containers: ReadonlyMap<string, ContainerState>;
  readonly draws: ReadonlyMap<string, DrawReconciliation>;
  /** Key `${ndc}|${lot}`. */
  readonly lots: ReadonlyMap<string, Decimal>;
  /** Key NDC. A product has one unit (receipts that disagree are refused). */
  readonly products: ReadonlyMap<string, Decimal>;
  /** locationId → NDC → balance. */
  readonly locations: ReadonlyMap<string, ReadonlyMap<string, Decimal>>;
  readonly running: readonly RunningLine[];
  readonly issues: readonly LedgerIssue[];
}

interface ContainerTally {
  id: string;
  ndc: string;
  lot: string;
  expiresOn: IsoDate;
  unit: QuantityUnit;
  receiptLocationId: string;
  balance: bigint;
  concentrationMgPerMl?: Decimal | undefined;
  /** Effective opening movements: original entry id → occurredAt. */
  openers: Map<string, string>;
  /** Effective transfers in ledger order: original entry id → destination. */
  transfers: Map<string, string>;
}

/** Key used in {@link LedgerState.lots}. */
export const lotKey = (ndc: string, lot: string): string => `${ndc}|${lot}`;

const locationOf = (c: ContainerTally): string => [...c.transfers.values()].at(-1) ?? c.receiptLocationId;

/**
 * Replays the ledger in list order.
 * @example
 * const state = deriveLedger(entries);
 * state.containers.get('vial-1')?.balance.toString() // '350'
 * state.issues.filter((i) => i.code === 'would_go_negative') // entries that overdrew a container
 */
export function deriveLedger(entries: readonly LedgerEntry[]): LedgerState {
  const containers = new Map<string, ContainerTally>();
  const draws = new Map<string, DrawTally>();
  const effective = new Map<string, { movement: Movement; reversed: boolean }>();
  const seen = new Set<string>();
  const productUnits = new Map<string, QuantityUnit>();
  const lots = new Map<string, bigint>();
  const products = new Map<string, bigint>();
  const locations = new Map<string, Map<string, bigint>>();
  const running: RunningLine[] = [];
  const issues: LedgerIssue[] = [];
  const bump = <K>(map: Map<K, bigint>, key: K, by: bigint): Map<K, bigint> =>
    map.set(key, (map.get(key) ?? 0n) + by);
  /** Adds (sign 1) or removes (sign -1) a container's balance from the lot, product and location totals. */
  const contribute = (c: { ndc: string; lot: string; loc: string; balance: bigint }, sign: bigint): void => {
    if (!c.ndc) return;
    bump(lots, lotKey(c.ndc, c.lot), sign * c.balance);
    bump(products, c.ndc, sign * c.balance);
    locations.set(c.loc, bump(locations.get(c.loc) ?? new Map<string, bigint>(), c.ndc, sign * c.balance));
  };

  /** Applies one entry; false when it was skipped. */
  const step = (entry: LedgerEntry, index: number): boolean => {
    const issue = (code: LedgerIssueCode, message: string): false => {
      issues.push({ entryId: entry.id, index, code, message });
      return false;
    };
    if (seen.has(entry.id)) return issue('duplicate_entry_id', `Entry id ${entry.id} appears twice`);
    seen.add(entry.id);

    // 1. What this entry does: the movement now in force and its deltas.
    let movement = entry.movement;
    let originalId = entry.id;
    let cDelta = containerDelta(movement);
    let dDelta = drawDelta(movement);
    const link = entry.correction;
    if (link) {
      const target = effective.get(link.correctsEntryId);
      if (!target) return issue('unknown_correction_target', `No original entry ${link.correctsEntryId}`);
      if (target.reversed)
        return issue('already_reversed', `Entry ${link.correctsEntryId} is already reversed`);
      const resolved = resolveCorrection(target.movement, { ...entry, correction: link });
      if (!resolved.ok) return issue(resolved.code, resolved.message);
      if (!resolved.deltasMatch) {
        issue(
          'correction_delta_mismatch',
          'Stored correction deltas differ from the recomputed ones (applied)',
        );
      }
      ({ movement, containerDelta: cDelta, drawDelta: dDelta } = resolved);
      originalId = link.correctsEntryId;
    }

    // 2. The container and draw it touches.
    let c = containers.get(movement.containerId);
    if (movement.type === 'receipt' && !link) {
      if (c) return issue('duplicate_receipt', `Container ${movement.containerId} was already received`);
      const known = productUnits.get(movement.container.ndc);
      if (known && known !== movement.unit) {
        return issue('product_unit_conflict', `NDC ${movement.container.ndc} is counted in ${known}`);
      }
      productUnits.set(movement.container.ndc, movement.unit);
      c = {
        id: movement.containerId,
        ndc: '',
        lot: '',
        expiresOn: '',
        unit: movement.unit,
        receiptLocationId: '',
        balance: 0n,
        openers: new Map(),
        transfers: new Map(),
      };
      containers.set(c.id, c);
    }
    if (!c) return issue('unknown_container', `No receipt for container ${movement.containerId}`);
    if ('unit' in movement && movement.unit !== c.unit) {
      return issue('unit_mismatch', `Container ${c.id} is counted in ${c.unit}, not ${movement.unit}`);
    }
    const drawId = movement.type === 'draw' ? originalId : drawIdOf(movement);
    const d = drawId === undefined ? undefined : draws.get(drawId);
    if (drawId !== undefined && movement.type !== 'draw') {
      if (!d) return issue('unknown_draw', `No draw ${drawId}`);
      if (d.containerId !== c.id)
        return issue('draw_container_mismatch', `Draw ${drawId} is from another container`);
    }

    // 3. Apply: record the version in force, remove the old contribution, update, add the new one.
    const reversal = link?.kind === 'reversal';
    const version = effective.get(originalId);
    if (!version) effective.set(entry.id, { movement, reversed: false });
    else if (reversal) version.reversed = true;
    else version.movement = movement;
    contribute({ ndc: c.ndc, lot: c.lot, loc: locationOf(c), balance: c.balance }, -1n);
    c.balance += cDelta;
    if (movement.type === 'receipt') {
      const { ndc, lot, expiresOn, locationId, concentrationMgPerMl } = movement.container;
      Object.assign(c, { ndc, lot, expiresOn, receiptLocationId: locationId, concentrationMgPerMl });
    }
    if (movement.type === 'transfer') {
      if (reversal) c.transfers.delete(originalId);
      else c.transfers.set(originalId, movement.toLocationId);
    }
    if (opensContainer(movement)) {
      if (reversal) c.openers.delete(originalId);
      else c.openers.set(originalId, movement.occurredAt);
    }
    if (movement.type === 'draw' && !d) {
      const { patientId, sessionId } = movement;
      draws.set(originalId, {
        containerId: c.id,
        patientId,
        sessionId,
        unit: c.unit,
        drawn: dDelta,
        administered: 0n,
        wasted: 0n,
      });
    } else if (
      d &&
      (movement.type === 'draw' || movement.type === 'administer' || movement.type === 'waste')
    ) {
      bookToDraw(d, movement.type, dDelta);
      if (movement.type === 'draw')
        Object.assign(d, { patientId: movement.patientId, sessionId: movement.sessionId });
    }
    const loc = locationOf(c);
    contribute({ ndc: c.ndc, lot: c.lot, loc, balance: c.balance }, 1n);

    // 4. Report and record the running line.
    if (c.balance < 0n && cDelta < 0n) {
      issue(
        'would_go_negative',
        `Container ${c.id} would hold ${Decimal.fromScaled(c.balance).toString()} ${c.unit}`,
      );
    }
    const dNow = drawId === undefined ? undefined : draws.get(drawId);
    if (dNow && outstandingOf(dNow) < 0n)
      issue('draw_over_accounted', `Draw ${drawId} has more given and wasted than drawn`);
    running.push({
      entryId: entry.id,
      containerId: c.id,
      unit: c.unit,
      containerBalance: Decimal.fromScaled(c.balance),
      lotBalance: Decimal.fromScaled(lots.get(lotKey(c.ndc, c.lot)) ?? 0n),
      productBalance: Decimal.fromScaled(products.get(c.ndc) ?? 0n),
      locationBalance: Decimal.fromScaled(locations.get(loc)?.get(c.ndc) ?? 0n),
    });
    return true;
  };
  for (const [index, entry] of entries.entries()) step(entry, index);

  const dec = <K>(map: Map<K, bigint>): Map<K, Decimal> =>
    new Map([...map].map(([k, v]) => [k, Decimal.fromScaled(v)] as const));
  return {
    containers: new Map([...containers].map(([id, c]) => [id, freezeContainer(c)] as const)),
    draws: new Map([...draws].map(([id, d]) => [id, freezeDraw(id, d)] as const)),
    lots: dec(lots),
    products: dec(products),
    locations: new Map([...locations].map(([loc, inner]) => [loc, dec(inner)] as const)),
    running,
    issues,
  };
}

function freezeContainer(c: ContainerTally): ContainerState {
  const opened = [...c.openers.values()].sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  return {
    id: c.id,
    ndc: c.ndc,
    lot: c.lot,
    expiresOn: c.expiresOn,
    unit: c.unit,
    locationId: locationOf(c),
    balance: Decimal.fromScaled(c.balance),
    ...(c.concentrationMgPerMl ? { concentrationMgPerMl: c.concentrationMgPerMl } : {}),
    ...(opened ? { openedAt: opened } : {}),
  };
}

/**
 * Reconciliation of one draw after replaying the ledger, or undefined if there is no such draw.
 * @example reconcileDraw(entries, 'e-draw-1') // { drawn: 50, administered: 35, wasted: 10, outstanding: 5, status: 'outstanding' }
 */
export function reconcileDraw(
  entries: readonly LedgerEntry[],
  drawId: string,
): DrawReconciliation | undefined {
  return deriveLedger(entries).draws.get(drawId);
}

/**
 * The first entry after which a container balance is below zero, or undefined if the sequence never
 * goes negative.
 * @example firstNegative([receipt10, draw6, draw6])?.entryId // id of the second draw
 */
export function firstNegative(entries: readonly LedgerEntry[]): LedgerIssue | undefined {
  return deriveLedger(entries).issues.find((i) => i.code === 'would_go_negative');
}
