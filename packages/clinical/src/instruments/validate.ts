/**
 * Runtime validator for instrument definitions (types.ts). Clinics add their own instruments in the
 * same format, so a definition is checked before anything is scored with it: first its shape
 * (`validate-shape.ts`), then its meaning (`validate-rules.ts`). No dependencies.
 */
import type { DefinitionError, InstrumentDefinition } from './types.ts';
import { ruleErrors } from './validate-rules.ts';
import { shapeErrors } from './validate-shape.ts';

/**
 * Every problem with a candidate definition, each with a path; an empty list means it is valid.
 *
 * @example
 * validateDefinition(phq9) // []
 * validateDefinition({ ...phq9, bands: [{ min: 0, max: 4, label: 'minimal' }] })
 * // [{ path: 'bands[0].max', message: 'last band must end at the highest score 27' }]
 */
export function validateDefinition(def: unknown): DefinitionError[] {
  const shape = shapeErrors(def);
  if (shape.length > 0) return shape;
  return ruleErrors(def as InstrumentDefinition);
}

/**
 * Type guard: true when `def` is a valid `InstrumentDefinition`.
 *
 * @example
 * if (isInstrumentDefinition(json)) scoreAssessment(json, answers);
 */
export function isInstrumentDefinition(def: unknown): def is InstrumentDefinition {
  return validateDefinition(def).length === 0;
}

/** Thrown by `assertValidDefinition`; `errors` lists every problem. */
export class InvalidDefinitionError extends Error {
  constructor(readonly errors: readonly DefinitionError[]) {
    super(
      `invalid instrument definition: ${errors.map((e) => `${e.path || '(root)'}: ${e.message}`).join('; ')}`,
    );
    this.name = 'InvalidDefinitionError';
  }
}

/**
 * Throws `InvalidDefinitionError` unless `def` is valid.
 *
 * @example
 * assertValidDefinition(clinicJson); // now typed as InstrumentDefinition
 */
export function assertValidDefinition(def: unknown): asserts def is InstrumentDefinition {
  const errors = validateDefinition(def);
  if (errors.length > 0) throw new InvalidDefinitionError(errors);
}

const checked = new WeakMap<object, readonly DefinitionError[]>();

/** Cached validation for definitions that are scored repeatedly (definitions are treated as immutable). */
export function cachedDefinitionErrors(def: InstrumentDefinition): readonly DefinitionError[] {
  if (typeof def !== 'object' || def === null) return validateDefinition(def);
  let errors = checked.get(def);
  if (!errors) {
    errors = validateDefinition(def);
    checked.set(def, errors);
  }
  return errors;
}
