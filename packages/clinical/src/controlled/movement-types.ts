/**
 * Shapes of controlled-substance register movements (validated form).
 *
 * Field choices follow 21 CFR 1304.22(c) (receipts: date, quantity, supplier name, address and DEA number;
 * administrations: date, patient, substance, form, quantity, who administered — the recorder), 21 CFR
 * 1317.95(d) and DEA Form 41 (destruction: date, method, two witnesses, NDC, form, quantity) and the
 * register practice in docs/clinical-sources.md#register-practice (NDC, lot, expiry, vial, drawn / given /
 * wasted, two signatures on waste). Effects live in `movements.ts`; validation from raw input in
 * `validation.ts`.
 */

import type { IsoDate } from './dates.ts';
import type { Decimal } from './decimal.ts';

export const MOVEMENT_TYPES = [
  'receipt',
  'open',
  'draw',
  'administer',
  'waste',
  'return',
  'transfer',
  'adjust',
  'destroy',
] as const;
export type MovementType = (typeof MOVEMENT_TYPES)[number];

/** Unit a container is counted in. `each` = discrete dosage units (tablets, capsules, troches, devices). */
export const QUANTITY_UNITS = ['mg', 'mL', 'each'] as const;
export type QuantityUnit = (typeof QUANTITY_UNITS)[number];

export type WasteSource = 'draw' | 'container';

/** Container status; rules in `balances.ts` (`containerStatus`). */
export type ContainerStatus = 'sealed' | 'open' | 'empty' | 'expired' | 'quarantined';

/** A DEA registrant on the other side of a receipt or a return. */
export interface Registrant {
  readonly name: string;
  readonly address: string;
  readonly deaNumber: string;
}

/** What a receipt says about the container it creates. */
export interface ContainerDescriptor {
  readonly ndc: string;
  readonly lot: string;
  /** Last day of use (normalise manufacturer "EXP 05/2026" to 2026-05-31). */
  readonly expiresOn: IsoDate;
  readonly locationId: string;
  /** Dosage form as labelled, e.g. "injectable solution", "tablet". */
  readonly form?: string;
  /** For solutions: mg per mL, for conversions only. */
  readonly concentrationMgPerMl?: Decimal;
}

/** DEA Form 41 fields captured with a destruction. The quantity is the movement's own quantity. */
export interface Dea41Data {
  readonly destroyedOn: IsoDate;
  /** e.g. "rendered non-retrievable with a chemical digestion kit". */
  readonly method: string;
  readonly witnessNames: readonly [string, string];
  readonly ndc: string;
  /** Dosage form, e.g. "injectable solution". */
  readonly form: string;
  readonly location?: string;
}

interface Base {
  readonly containerId: string;
  /** When it happened (ISO 8601 instant with offset). The ledger order, not this, drives balances. */
  readonly occurredAt: string;
}
interface Quantified extends Base {
  readonly quantity: Decimal;
  readonly unit: QuantityUnit;
}

export interface ReceiptMovement extends Quantified {
  readonly type: 'receipt';
  readonly supplier: Registrant;
  readonly container: ContainerDescriptor;
  readonly invoiceNumber?: string;
}
export interface OpenMovement extends Base {
  readonly type: 'open';
}
export interface DrawMovement extends Quantified {
  readonly type: 'draw';
  readonly patientId: string;
  readonly sessionId?: string;
}
export interface AdministerMovement extends Quantified {
  readonly type: 'administer';
  /** Ledger entry id of the draw this dose came from. */
  readonly drawId: string;
  readonly patientId: string;
  readonly sessionId?: string;
  readonly route?: string;
}
export interface WasteMovement extends Quantified {
  readonly type: 'waste';
  readonly from: WasteSource;
  /** Required when `from` is `draw`. */
  readonly drawId?: string;
  readonly reason: string;
  readonly witnessUserId: string;
}
export interface ReturnMovement extends Quantified {
  readonly type: 'return';
  readonly recipient: Registrant;
  readonly reason?: string;
}
export interface TransferMovement extends Base {
  readonly type: 'transfer';
  readonly toLocationId: string;
}
export interface AdjustMovement extends Quantified {
  readonly type: 'adjust';
  /** Signed, non-zero: positive adds to the balance. */
  readonly quantity: Decimal;
  readonly reason: string;
  readonly witnessUserId: string;
}
export interface DestroyMovement extends Quantified {
  readonly type: 'destroy';
  readonly witnessUserIds: readonly [string, string];
  readonly dea41: Dea41Data;
}

export type Movement =
  | ReceiptMovement
  | OpenMovement
  | DrawMovement
  | AdministerMovement
  | WasteMovement
  | ReturnMovement
  | TransferMovement
  | AdjustMovement
  | DestroyMovement;
