/** Types of the column manifest (columns.ts): what each column's TypeScript type allows it to be. */
import type { SelectType } from 'kysely';
import type { DB } from './schema.ts';

/** PostgreSQL type families: int (smallint, integer, bigint), float (double precision), json (json, jsonb). */
export type ColumnFamily =
  | 'text'
  | 'uuid'
  | 'int'
  | 'float'
  | 'numeric'
  | 'bool'
  | 'date'
  | 'timestamptz'
  | 'time'
  | 'json';

type IsUnknown<V> = unknown extends V ? true : false;

/** The families a column's selected TypeScript type can come from (see schema.ts for the mapping). */
type FamiliesOf<V> =
  IsUnknown<V> extends true
    ? 'json'
    : [V] extends [Date]
      ? 'timestamptz'
      : [V] extends [boolean]
        ? 'bool'
        : [V] extends [number]
          ? 'int' | 'float'
          : [V] extends [string]
            ? 'text' | 'uuid' | 'numeric' | 'date' | 'time'
            : 'json';

type SpecOf<V> =
  IsUnknown<V> extends true
    ? ColumnFamily | `${ColumnFamily}?`
    : null extends V
      ? `${FamiliesOf<Exclude<V, null>>}?`
      : FamiliesOf<V>;

/** Every table of `DB`, every column, each with the specs its TypeScript type allows. */
export type ColumnManifest = {
  [T in keyof DB]: { [C in keyof DB[T]]-?: SpecOf<SelectType<DB[T][C]>> };
};
