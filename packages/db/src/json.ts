/**
 * The one way to write a json/jsonb column: `toJson(value)` serializes a value of the column's type into
 * the JSON text the column accepts (`Json<T>` in schema.ts). Writing text rather than the object is
 * deliberate: the `pg` driver turns a JS array into a SQL array, so a jsonb array written as an object
 * would fail or change meaning.
 */

declare const jsonOf: unique symbol;

/** JSON text known to hold a `T`. A plain string is not one: build it with `toJson`. */
export type JsonText<T> = string & { readonly [jsonOf]: T };

/** Serializes `value` for a json/jsonb column of type `T`. */
export function toJson<T>(value: T): JsonText<T> {
  return JSON.stringify(value) as JsonText<T>;
}
