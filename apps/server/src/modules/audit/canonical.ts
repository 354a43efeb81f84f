/**
 * The audit report's view of drifted stored values (`AUDIT_DRIFTED` in @plasticity/contracts): stored rows
 * are never rewritten, so the report maps them in SQL when it filters and exports, and in TypeScript when it
 * returns rows.
 */
import { AUDIT_DRIFTED, storedAuditValues } from '@plasticity/contracts';
import { type RawBuilder, sql } from 'kysely';

type Field = keyof typeof AUDIT_DRIFTED;
const COLUMN = { resourceType: 'resource_type', category: 'category' } as const;

/** The column's canonical value as an SQL expression (a CASE over the drifted values). */
export function canonicalColumnSql(field: Field): RawBuilder<string | null> {
  const ref = sql.ref(COLUMN[field]);
  const pairs = Object.entries(AUDIT_DRIFTED[field]);
  if (pairs.length === 0) return sql<string | null>`${ref}`;
  const whens = sql.join(
    pairs.map(([from, to]) => sql`when ${from}::text then ${to}::text`),
    sql` `,
  );
  return sql<string | null>`(case ${ref} ${whens} else ${ref} end)`;
}

/** The stored values a filter on `canonical` must match. */
export const storedValuesFor = (field: Field, canonical: string): string[] =>
  storedAuditValues(field, canonical);
