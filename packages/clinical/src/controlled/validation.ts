/**
 * Validation of a proposed register movement before it is appended to the ledger.
 *
 * Enforces 21 CFR 1304.22(c) required fields (supplier name, address and DEA number on receipts; patient on
 * administrations), 21 CFR 1304.21 (accurate records: positive quantities in the container's unit),
 * docs/clinical-sources.md#register-practice (a second signature on waste and adjustments) and 21 CFR
 * 1317.95(d) / DEA-41 (two distinct witnesses on destruction).
 *
 * Errors come back in a fixed order, grouped by phase, so witness problems are always reported before
 * balance problems (nobody learns "short by 2 mg" from a form that was never witnessed):
 *   1. witnesses  2. required fields and formats  3. quantity and unit  4. consistency with the container
 *   and draw  5. container status  6. balances.
 */

import { isIsoDate } from './dates.ts';
import { Decimal, type ParseResult, parseQuantity } from './decimal.ts';
import { buildMovement, type MovementDraft, type QuantityInput } from './draft.ts';
import { isValidDeaNumber, isValidNdc } from './identifiers.ts';
import {
  type ContainerStatus,
  MOVEMENT_RULES,
  MOVEMENT_TYPES,
  type Movement,
  type MovementType,
  QUANTITY_UNITS,
  type QuantityUnit,
} from './movements.ts';

/**
 * What the ledger knows at the time of recording (build it with `contextFor` in balances.ts).
 * `undefined` = not checked; `null` = known not to exist.
 */
export interface MovementContext {
  readonly container?: {
    readonly unit: QuantityUnit;
    readonly status: ContainerStatus;
    readonly balance: Decimal;
    readonly ndc: string;
  } | null;
  readonly draw?: {
    readonly containerId: string;
    readonly patientId: string;
    readonly outstanding: Decimal;
  } | null;
}

export type MovementErrorCode =
  | 'unknown_type'
  | 'required'
  | 'witness_required'
  | 'witness_is_actor'
  | 'witnesses_identical'
  | 'invalid_value'
  | 'invalid_date'
  | 'invalid_dea_number'
  | 'invalid_ndc'
  | 'invalid_quantity'
  | 'quantity_not_positive'
  | 'quantity_zero'
  | 'quantity_not_allowed'
  | 'unit_mismatch'
  | 'ndc_mismatch'
  | 'container_exists'
  | 'unknown_container'
  | 'unknown_draw'
  | 'draw_container_mismatch'
  | 'patient_mismatch'
  | 'container_status'
  | 'would_go_negative'
  | 'exceeds_draw_outstanding';

export interface FieldError {
  readonly field: string;
  readonly code: MovementErrorCode;
  readonly message: string;
}

export type CheckResult =
  | { readonly ok: true; readonly movement: Movement }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

const blank = (v: unknown): boolean => typeof v !== 'string' || v.trim() === '';
const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function get(draft: MovementDraft, path: string): unknown {
  let value: unknown = draft;
  for (const key of path.split('.')) {
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  }
  return value;
}

/**
 * Lists everything wrong with a proposed movement, witness errors first. Empty list = valid.
 * @example
 * validateMovement({ type: 'waste', from: 'draw', drawId: 'e1', containerId: 'v1', quantity: '5',
 *   unit: 'mg', occurredAt: '2025-03-01T10:00:00Z', reason: 'residue', witnessUserId: 'u1' }, 'u1')
 * // [{ field: 'witnessUserId', code: 'witness_is_actor', ... }]
 */
export function validateMovement(
  input: MovementDraft,
  actorUserId: string,
  context: MovementContext = {},
): FieldError[] {
  const result = checkMovement(input, actorUserId, context);
  return result.ok ? [] : [...result.errors];
}

/**
 * Validates and, when valid, returns the typed {@link Movement} to append.
 * @example checkMovement(draft, 'nurse-1', contextFor(state, 'v1', '2025-03-03')) // { ok: true, movement }
 */
export function checkMovement(
  input: MovementDraft,
  actorUserId: string,
  context: MovementContext = {},
): CheckResult {
  const errors: FieldError[] = [];
  const add = (field: string, code: MovementErrorCode, message: string): void => {
    errors.push({ field, code, message });
  };
  const type = input.type;
  if (!MOVEMENT_TYPES.includes(type as MovementType)) {
    return {
      ok: false,
      errors: [
        { field: 'type', code: 'unknown_type', message: `Unknown movement type ${JSON.stringify(type)}` },
      ],
    };
  }
  const t = type as MovementType;
  const rule = MOVEMENT_RULES[t];

  // 1. Witnesses.
  if (blank(actorUserId)) add('actor', 'required', 'The recording user is required');
  if (rule.witnesses === 1) {
    const w = input.witnessUserId;
    if (blank(w)) add('witnessUserId', 'witness_required', `A witness is required to record ${t}`);
    else if (w === actorUserId)
      add('witnessUserId', 'witness_is_actor', 'The witness must be someone other than the person recording');
  }
  if (rule.witnesses === 2) {
    const ws = input.witnessUserIds ?? [];
    for (const i of [0, 1]) {
      const w = ws[i];
      if (blank(w)) add(`witnessUserIds.${i}`, 'witness_required', 'Destruction needs two witnesses');
      else if (w === actorUserId)
        add(
          `witnessUserIds.${i}`,
          'witness_is_actor',
          'A witness must be someone other than the person recording',
        );
    }
    if (ws.length > 2) add('witnessUserIds', 'invalid_value', 'Exactly two witnesses are recorded');
    if (!blank(ws[0]) && ws[0] === ws[1])
      add('witnessUserIds.1', 'witnesses_identical', 'The two witnesses must be different people');
    const names = input.dea41?.witnessNames ?? [];
    for (const i of [0, 1]) {
      if (blank(names[i]))
        add(`dea41.witnessNames.${i}`, 'witness_required', 'DEA-41 needs the printed name of both witnesses');
    }
    if (!blank(names[0]) && !blank(names[1]) && same(names[0] as string, names[1] as string)) {
      add(
        'dea41.witnessNames.1',
        'witnesses_identical',
        'The two DEA-41 witness names must be different people',
      );
    }
  }

  // 2. Required fields and formats.
  if (blank(input.containerId)) add('containerId', 'required', 'Container is required');
  if (blank(input.occurredAt)) add('occurredAt', 'required', 'Time of the movement is required');
  else if (
    !INSTANT.test(input.occurredAt as string) ||
    Number.isNaN(Date.parse(input.occurredAt as string))
  ) {
    add('occurredAt', 'invalid_date', 'Time must be ISO 8601 with a Z or ±hh:mm offset');
  }
  for (const path of rule.requires) {
    if (path === 'dea41.witnessNames') continue; // checked with the witnesses
    if (blank(get(input, path))) add(path, 'required', `${path} is required for ${t}`);
  }
  if (t === 'waste' && !blank(input.from) && input.from !== 'draw' && input.from !== 'container') {
    add('from', 'invalid_value', "Waste comes from 'draw' or 'container'");
  }
  if (t === 'waste' && input.from === 'draw' && blank(input.drawId))
    add('drawId', 'required', 'Waste from a draw must name the draw');
  for (const path of ['supplier.deaNumber', 'recipient.deaNumber'] as const) {
    const v = get(input, path);
    if (rule.requires.includes(path) && !blank(v) && !isValidDeaNumber(v))
      add(path, 'invalid_dea_number', 'Not a valid DEA registration number');
  }
  for (const path of ['container.ndc', 'dea41.ndc'] as const) {
    const v = get(input, path);
    if (rule.requires.includes(path) && !blank(v) && !isValidNdc(v))
      add(path, 'invalid_ndc', 'Not a valid NDC (4-4-2, 5-3-2, 5-4-1 or 5-4-2)');
  }
  for (const path of ['container.expiresOn', 'dea41.destroyedOn'] as const) {
    const v = get(input, path);
    if (rule.requires.includes(path) && !blank(v) && !isIsoDate(v))
      add(path, 'invalid_date', 'Date must be YYYY-MM-DD');
  }
  let concentration: Decimal | undefined;
  if (t === 'receipt' && input.container?.concentrationMgPerMl !== undefined) {
    const c = parse(input.container.concentrationMgPerMl, false);
    if (!c.ok) add('container.concentrationMgPerMl', 'invalid_quantity', c.reason);
    else if (!c.value.isPositive())
      add('container.concentrationMgPerMl', 'quantity_not_positive', 'Concentration must be positive');
    else concentration = c.value;
  }

  // 3. Quantity and unit.
  let quantity: Decimal | undefined;
  const unit = input.unit as QuantityUnit;
  if (rule.quantity === 'none') {
    if (input.quantity !== undefined) add('quantity', 'quantity_not_allowed', `${t} carries no quantity`);
  } else {
    if (input.quantity === undefined) add('quantity', 'required', 'Quantity is required');
    else {
      const q = parse(input.quantity, rule.quantity === 'signed_nonzero');
      if (!q.ok) add('quantity', 'invalid_quantity', q.reason);
      else if (rule.quantity === 'signed_nonzero' && q.value.isZero())
        add('quantity', 'quantity_zero', 'An adjustment cannot be zero');
      else if (rule.quantity === 'positive' && !q.value.isPositive())
        add('quantity', 'quantity_not_positive', 'Quantity must be greater than zero');
      else quantity = q.value;
    }
    if (blank(input.unit)) add('unit', 'required', 'Unit is required');
    else if (!QUANTITY_UNITS.includes(unit))
      add('unit', 'invalid_value', `Unit must be one of ${QUANTITY_UNITS.join(', ')}`);
  }

  // 4. Consistency with the container and draw.
  const container = context.container;
  if (t === 'receipt' && container)
    add('containerId', 'container_exists', 'This container has already been received');
  if (t !== 'receipt' && container === null)
    add('containerId', 'unknown_container', 'No receipt for this container');
  if (container && rule.quantity !== 'none' && QUANTITY_UNITS.includes(unit) && unit !== container.unit) {
    add('unit', 'unit_mismatch', `The container is counted in ${container.unit}, not ${unit}`);
  }
  if (t === 'destroy' && container && isValidNdc(input.dea41?.ndc) && input.dea41?.ndc !== container.ndc) {
    add('dea41.ndc', 'ndc_mismatch', `DEA-41 NDC must match the container (${container.ndc})`);
  }
  const usesDraw = t === 'administer' || (t === 'waste' && input.from === 'draw');
  const draw = context.draw;
  if (usesDraw && draw === null) add('drawId', 'unknown_draw', 'No draw with this id');
  if (usesDraw && draw && !blank(input.containerId) && draw.containerId !== input.containerId) {
    add('containerId', 'draw_container_mismatch', 'The draw came from a different container');
  }
  if (t === 'administer' && draw && !blank(input.patientId) && draw.patientId !== input.patientId) {
    add('patientId', 'patient_mismatch', 'The draw was made for a different patient');
  }

  // 5. Container status. Waste from a draw discards what is already in the syringe and does not touch
  // the container (like `administer`), so it is allowed whatever the vial's status — the draw that
  // emptied a vial must still be able to have its remainder wasted.
  const touchesContainer = !(t === 'waste' && input.from === 'draw');
  if (container && t !== 'receipt' && touchesContainer && !rule.allowedStatuses.includes(container.status)) {
    add(
      'containerId',
      'container_status',
      `Cannot record ${t} against a container that is ${container.status}`,
    );
  }

  // 6. Balances.
  if (quantity) {
    const containerEffect =
      typeof rule.container === 'string'
        ? rule.container
        : rule.container.byWasteSource[input.from === 'draw' ? 'draw' : 'container'];
    const decreases =
      containerEffect === 'decrease' || (containerEffect === 'signed' && quantity.isNegative());
    if (container && decreases && quantity.abs().gt(container.balance)) {
      add(
        'quantity',
        'would_go_negative',
        `Only ${container.balance.toString()} ${container.unit} left in the container`,
      );
    }
    if (usesDraw && draw && quantity.gt(draw.outstanding)) {
      add(
        'quantity',
        'exceeds_draw_outstanding',
        `Only ${draw.outstanding.toString()} of the draw is unaccounted for`,
      );
    }
  }

  if (errors.length > 0 || (rule.quantity !== 'none' && !quantity)) return { ok: false, errors };
  return { ok: true, movement: buildMovement(t, input, quantity as Decimal, concentration) };
}

function parse(value: QuantityInput, allowNegative: boolean): ParseResult {
  if (value instanceof Decimal) {
    return value.isNegative() && !allowNegative
      ? ({ ok: false, code: 'negative', reason: 'Quantity must not be negative' } as const)
      : ({ ok: true, value } as const);
  }
  return parseQuantity(value, { allowNegative });
}
