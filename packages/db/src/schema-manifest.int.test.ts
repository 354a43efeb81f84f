/**
 * The migrated schema matches the Kysely table types: information_schema (every table of the schema the
 * migrations made, each column's nullability and type family) is compared with `COLUMN_MANIFEST`, which
 * the type checker ties to `DB`. A column in the database missing from the types, one in the types missing
 * from the database, a nullability or a type family that differs, fails here.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLUMN_MANIFEST } from './columns.ts';
import type { Database } from './open-database.ts';
import { openTestDatabase, testBackends } from './testing/index.ts';

/** information_schema data_type → the manifest's family. */
const FAMILY: Record<string, string> = {
  text: 'text',
  'character varying': 'text',
  uuid: 'uuid',
  smallint: 'int',
  integer: 'int',
  bigint: 'int',
  'double precision': 'float',
  numeric: 'numeric',
  boolean: 'bool',
  date: 'date',
  'timestamp with time zone': 'timestamptz',
  'time without time zone': 'time',
  json: 'json',
  jsonb: 'json',
};

/** `table.column` → spec ('text', 'uuid?', …), with the data type named when no family maps it. */
function specsOf(
  rows: readonly { table_name: string; column_name: string; is_nullable: string; data_type: string }[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rows) {
    const family = FAMILY[r.data_type] ?? `unmapped(${r.data_type})`;
    out[`${r.table_name}.${r.column_name}`] = `${family}${r.is_nullable === 'YES' ? '?' : ''}`;
  }
  return out;
}

function manifestSpecs(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [table, columns] of Object.entries(COLUMN_MANIFEST))
    for (const [column, spec] of Object.entries(columns)) out[`${table}.${column}`] = spec;
  return out;
}

describe.each(testBackends())('migrated schema against the table types on %s', (backend) => {
  let d: Database;
  beforeAll(async () => {
    d = await openTestDatabase(backend);
  });
  afterAll(() => d.close());

  it('has the same tables, columns, nullability and type families as COLUMN_MANIFEST', async () => {
    const r = await sql<{ table_name: string; column_name: string; is_nullable: string; data_type: string }>`
      select c.table_name, c.column_name, c.is_nullable, c.data_type
        from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
       where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
       order by c.table_name, c.ordinal_position`.execute(d.db);
    const db = specsOf(r.rows);
    const types = manifestSpecs();
    expect(Object.keys(db).length).toBeGreaterThan(100);
    const missingInTypes = Object.keys(db).filter((k) => !(k in types));
    const missingInDb = Object.keys(types).filter((k) => !(k in db));
    const differing = Object.keys(db)
      .filter((k) => k in types && db[k] !== types[k])
      .map((k) => `${k}: database ${db[k]}, types ${types[k]}`);
    expect({ missingInTypes, missingInDb, differing }).toEqual({
      missingInTypes: [],
      missingInDb: [],
      differing: [],
    });
  });
});
