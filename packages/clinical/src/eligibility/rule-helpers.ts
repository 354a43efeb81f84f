/**
 * Shorthands for writing default rules as data. Sources: none clinical.
 */
import type { IntakeField } from './fields.ts';
import type { Condition } from './types.ts';

export const isTrue = (field: IntakeField): Condition => ({ field, op: 'true' });
export const isFalse = (field: IntakeField): Condition => ({ field, op: 'eq', value: false });
export const gte = (field: IntakeField, value: number): Condition => ({ field, op: 'gte', value });
export const lt = (field: IntakeField, value: number): Condition => ({ field, op: 'lt', value });
/** Strictly greater than, in the closed language: ≥ value and not = value (false when unknown). */
export const gt = (field: IntakeField, value: number): Condition => ({
  all: [gte(field, value), { not: { field, op: 'eq', value } }],
});
export const all = (...c: Condition[]): Condition => ({ all: c });
export const any = (...c: Condition[]): Condition => ({ any: c });
export const not = (c: Condition): Condition => ({ not: c });
