/**
 * The raw shape of a proposed movement and its conversion to a typed {@link Movement}.
 *
 * Field names mirror the 21 CFR 1304.22(c) record (supplier, patient, quantity, who administered) and the
 * DEA-41 destruction record; `validation.ts` decides whether a draft is complete before `buildMovement`
 * runs.
 */

import type { Decimal } from './decimal.ts';
import type { Movement, MovementType, QuantityUnit } from './movements.ts';

export type QuantityInput = Decimal | number | string;

/** Raw, unvalidated movement as submitted (e.g. a parsed JSON body). */
export interface MovementDraft {
  readonly type?: string;
  readonly containerId?: string;
  readonly occurredAt?: string;
  readonly quantity?: QuantityInput;
  readonly unit?: string;
  readonly patientId?: string;
  readonly sessionId?: string;
  readonly drawId?: string;
  readonly route?: string;
  readonly from?: string;
  readonly reason?: string;
  readonly witnessUserId?: string;
  readonly witnessUserIds?: readonly string[];
  readonly supplier?: { readonly name?: string; readonly address?: string; readonly deaNumber?: string };
  readonly recipient?: { readonly name?: string; readonly address?: string; readonly deaNumber?: string };
  readonly invoiceNumber?: string;
  readonly container?: {
    readonly ndc?: string;
    readonly lot?: string;
    readonly expiresOn?: string;
    readonly locationId?: string;
    readonly form?: string;
    readonly concentrationMgPerMl?: QuantityInput;
  };
  readonly toLocationId?: string;
  readonly dea41?: {
    readonly destroyedOn?: string;
    readonly method?: string;
    readonly witnessNames?: readonly string[];
    readonly ndc?: string;
    readonly form?: string;
    readonly location?: string;
  };
}

const opt = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
  (value === undefined || (typeof value === 'string' && value.trim() === '')
    ? {}
    : { [key]: value }) as Partial<Record<K, V>>;

/**
 * Builds the typed movement from a draft. Call only after `checkMovement` found no errors (it does this for
 * you); fields are taken as present and the quantity already parsed.
 * @example buildMovement('open', { containerId: 'v1', occurredAt: '2025-03-03T15:00:00Z' }, Decimal.ZERO, undefined)
 * // { type: 'open', containerId: 'v1', occurredAt: '2025-03-03T15:00:00Z' }
 */
export function buildMovement(
  t: MovementType,
  d: MovementDraft,
  quantity: Decimal,
  concentration: Decimal | undefined,
): Movement {
  const base = { containerId: d.containerId as string, occurredAt: d.occurredAt as string };
  const q = { ...base, quantity, unit: d.unit as QuantityUnit };
  const s = (v: string | undefined): string => v as string;
  switch (t) {
    case 'receipt': {
      const c = d.container ?? {};
      const supplier = {
        name: s(d.supplier?.name),
        address: s(d.supplier?.address),
        deaNumber: s(d.supplier?.deaNumber),
      };
      const container = {
        ndc: s(c.ndc),
        lot: s(c.lot),
        expiresOn: s(c.expiresOn),
        locationId: s(c.locationId),
        ...opt('form', c.form),
        ...opt('concentrationMgPerMl', concentration),
      };
      return { type: t, ...q, supplier, container, ...opt('invoiceNumber', d.invoiceNumber) };
    }
    case 'open':
      return { type: t, ...base };
    case 'draw':
      return { type: t, ...q, patientId: s(d.patientId), ...opt('sessionId', d.sessionId) };
    case 'administer':
      return {
        type: t,
        ...q,
        drawId: s(d.drawId),
        patientId: s(d.patientId),
        ...opt('sessionId', d.sessionId),
        ...opt('route', d.route),
      };
    case 'waste':
      return {
        type: t,
        ...q,
        from: d.from as 'draw' | 'container',
        ...opt('drawId', d.from === 'draw' ? d.drawId : undefined),
        reason: s(d.reason),
        witnessUserId: s(d.witnessUserId),
      };
    case 'return':
      return {
        type: t,
        ...q,
        recipient: {
          name: s(d.recipient?.name),
          address: s(d.recipient?.address),
          deaNumber: s(d.recipient?.deaNumber),
        },
        ...opt('reason', d.reason),
      };
    case 'transfer':
      return { type: t, ...base, toLocationId: s(d.toLocationId) };
    case 'adjust':
      return { type: t, ...q, reason: s(d.reason), witnessUserId: s(d.witnessUserId) };
    case 'destroy': {
      const x = d.dea41 ?? {};
      const names = x.witnessNames ?? [];
      const dea41 = {
        destroyedOn: s(x.destroyedOn),
        method: s(x.method),
        witnessNames: [s(names[0]), s(names[1])] as const,
        ndc: s(x.ndc),
        form: s(x.form),
        ...opt('location', x.location),
      };
      const ws = d.witnessUserIds ?? [];
      return { type: t, ...q, witnessUserIds: [s(ws[0]), s(ws[1])] as const, dea41 };
    }
  }
}
