/**
 * Test builders for the controlled-substance register (not exported from the barrel). Quantities follow
 * 21 CFR 1304.22(c): every movement names its container, quantity and unit.
 */

import type { CorrectionLink, LedgerEntry } from './corrections.ts';
import { correctionOf } from './corrections.ts';
import { Decimal } from './decimal.ts';
import type { MovementDraft } from './draft.ts';
import type { ContainerStatus, Movement, QuantityUnit, Registrant } from './movements.ts';
import { type MovementContext, validateMovement } from './validation.ts';

export const AT = '2025-03-03T15:00:00Z';
export const NDC = '0409-2051-05';
export const SUPPLIER: Registrant = {
  name: 'Acme Wholesale',
  address: '1 Main St, Denver CO',
  deaNumber: 'AB1234563',
};
const q = (v: string | number): Decimal => Decimal.of(v);

export const receipt = (
  containerId: string,
  quantity: string | number,
  over: { unit?: QuantityUnit; ndc?: string; lot?: string; expiresOn?: string; locationId?: string } = {},
): Movement => ({
  type: 'receipt',
  containerId,
  occurredAt: AT,
  quantity: q(quantity),
  unit: over.unit ?? 'mg',
  supplier: SUPPLIER,
  container: {
    ndc: over.ndc ?? NDC,
    lot: over.lot ?? 'L1',
    expiresOn: over.expiresOn ?? '2026-12-31',
    locationId: over.locationId ?? 'safe-a',
  },
});
export const open = (containerId: string, occurredAt = AT): Movement => ({
  type: 'open',
  containerId,
  occurredAt,
});
export const draw = (containerId: string, quantity: string | number, patientId = 'p1'): Movement => ({
  type: 'draw',
  containerId,
  occurredAt: AT,
  quantity: q(quantity),
  unit: 'mg',
  patientId,
});
export const administer = (
  containerId: string,
  drawId: string,
  quantity: string | number,
  patientId = 'p1',
): Movement => ({
  type: 'administer',
  containerId,
  occurredAt: AT,
  quantity: q(quantity),
  unit: 'mg',
  drawId,
  patientId,
});
export const wasteFromDraw = (containerId: string, drawId: string, quantity: string | number): Movement => ({
  type: 'waste',
  from: 'draw',
  drawId,
  containerId,
  occurredAt: AT,
  quantity: q(quantity),
  unit: 'mg',
  reason: 'residue',
  witnessUserId: 'w1',
});
export const wasteFromContainer = (containerId: string, quantity: string | number): Movement => ({
  type: 'waste',
  from: 'container',
  containerId,
  occurredAt: AT,
  quantity: q(quantity),
  unit: 'mg',
  reason: 'broken',
  witnessUserId: 'w1',
});
export const adjust = (containerId: string, quantity: string | number): Movement => ({
  type: 'adjust',
  containerId,
  occurredAt: AT,
  quantity: q(quantity),
  unit: 'mg',
  reason: 'count',
  witnessUserId: 'w1',
});
export const transfer = (containerId: string, toLocationId: string): Movement => ({
  type: 'transfer',
  containerId,
  occurredAt: AT,
  toLocationId,
});
export const returned = (containerId: string, quantity: string | number): Movement => ({
  type: 'return',
  containerId,
  occurredAt: AT,
  quantity: q(quantity),
  unit: 'mg',
  recipient: SUPPLIER,
});
export const destroy = (containerId: string, quantity: string | number): Movement => ({
  type: 'destroy',
  containerId,
  occurredAt: AT,
  quantity: q(quantity),
  unit: 'mg',
  witnessUserIds: ['w1', 'w2'],
  dea41: {
    destroyedOn: '2025-03-03',
    method: 'chemical digestion',
    witnessNames: ['Ann Lee', 'Bo Kim'],
    ndc: NDC,
    form: 'injectable solution',
  },
});

export const entry = (id: string, movement: Movement, correction?: CorrectionLink): LedgerEntry => ({
  id,
  recordedAt: AT,
  recordedBy: 'u1',
  movement,
  ...(correction ? { correction } : {}),
});

/** A correction entry built with `correctionOf` (reversal when `corrected` is omitted). */
export function correction(id: string, target: LedgerEntry, corrected?: Movement): LedgerEntry {
  const plan = correctionOf(target, corrected);
  if (!plan.ok) throw new Error(plan.message);
  return entry(id, plan.movement, { ...plan.correction, reason: 'entered in error', witnessUserId: 'w1' });
}

// Drafts for validation tests.

export const ACTOR = 'nurse-1';
const DRAFT_AT = '2025-03-03T15:00:00-07:00';
const base: { containerId: string; occurredAt: string } = { containerId: 'v1', occurredAt: DRAFT_AT };

/** One valid draft per movement type (`wasteDraw` and `wasteContainer` for the two waste sources). */
export const VALID: Record<string, MovementDraft> = {
  receipt: {
    type: 'receipt',
    ...base,
    quantity: '500',
    unit: 'mg',
    supplier: SUPPLIER,
    invoiceNumber: 'INV-9',
    container: {
      ndc: NDC,
      lot: 'L1',
      expiresOn: '2026-12-31',
      locationId: 'safe-a',
      concentrationMgPerMl: 50,
    },
  },
  open: { type: 'open', ...base },
  draw: { type: 'draw', ...base, quantity: 50, unit: 'mg', patientId: 'p1', sessionId: 's1' },
  administer: { type: 'administer', ...base, quantity: '35', unit: 'mg', drawId: 'e2', patientId: 'p1' },
  wasteDraw: {
    type: 'waste',
    ...base,
    from: 'draw',
    drawId: 'e2',
    quantity: '15',
    unit: 'mg',
    reason: 'residue',
    witnessUserId: 'nurse-2',
  },
  wasteContainer: {
    type: 'waste',
    ...base,
    from: 'container',
    quantity: '15',
    unit: 'mg',
    reason: 'past BUD',
    witnessUserId: 'nurse-2',
  },
  return: { type: 'return', ...base, quantity: '100', unit: 'mg', recipient: SUPPLIER },
  transfer: { type: 'transfer', ...base, toLocationId: 'safe-b' },
  adjust: {
    type: 'adjust',
    ...base,
    quantity: '-2.5',
    unit: 'mg',
    reason: 'count variance',
    witnessUserId: 'nurse-2',
  },
  destroy: {
    type: 'destroy',
    ...base,
    quantity: '20',
    unit: 'mg',
    witnessUserIds: ['nurse-2', 'md-1'],
    dea41: {
      destroyedOn: '2025-03-03',
      method: 'chemical digestion',
      witnessNames: ['Ann Lee', 'Bo Kim'],
      ndc: NDC,
      form: 'injectable solution',
    },
  },
};

export const container = (
  status: ContainerStatus = 'open',
  balance = '100',
): MovementContext['container'] => ({
  unit: 'mg',
  status,
  balance: Decimal.of(balance),
  ndc: NDC,
});
export const drawCtx = (
  outstanding = '50',
  over: Partial<{ containerId: string; patientId: string }> = {},
): NonNullable<MovementContext['draw']> => ({
  containerId: 'v1',
  patientId: 'p1',
  outstanding: Decimal.of(outstanding),
  ...over,
});

export const codes = (draft: MovementDraft, ctx: MovementContext = {}, actor = ACTOR): string[] =>
  validateMovement(draft, actor, ctx).map((e) => `${e.field}:${e.code}`);
