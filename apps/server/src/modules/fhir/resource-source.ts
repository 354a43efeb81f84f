/**
 * What the FHIR interface needs to know to serve one resource type from the record: the clinic's rows as one
 * SQL relation (with the FHIR logical id in `id` and the time of the last change in `last_updated`), a stable
 * search order, the conditions of its own search parameters, the mapper, and what each row discloses for the
 * audit log. Read and search are then the same for every type (resource-routes.ts): a read is a search by id.
 */
import type { AuditCategory, AuditResourceType, FhirResource } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { FhirCaller, FhirResourceType } from './access.ts';
import type { Disclosed } from './audit-reads.ts';
import { isUuid, type ParamCondition } from './search-sql.ts';

export interface SourceRow {
  id: string;
  last_updated: Date | null;
}

export interface ResourceSource<Row extends SourceRow> {
  type: FhirResourceType;
  /** The clinic's rows, unordered, with `id` (text) and `last_updated` columns. */
  relation(clinicId: string): RawBuilder<unknown>;
  /**
   * The relation's column holding the id of the patient a row is about (the patient's own for Patient), or null
   * for a type about no patient. Disclosure rules about a patient (part2.ts) filter on it.
   */
  patientColumn: string | null;
  /** A total order over the relation's columns (paging relies on it). */
  order: RawBuilder<unknown>;
  /** The condition one value of one of the type's own search parameters puts on the relation. */
  condition: ParamCondition;
  /** The condition for one logical id (reads and `_id`); by default `id = …`. A source whose ids are built from
   * a key gives a condition on the key instead, so the database finds the row by its index. */
  idCondition?(id: string): RawBuilder<unknown>;
  toResource(row: Row): FhirResource;
  disclosed(row: Row): Disclosed;
  /** What a search that disclosed nothing records in the audit log. */
  audit: { resourceType: AuditResourceType; category: AuditCategory | null };
  /**
   * What `_include` adds for a page of rows (only types the caller may read): the rows of another source that
   * match `where`, found and released as a search of that type would be (resource-routes.ts). Null for none.
   */
  include?(
    caller: FhirCaller,
    include: string[],
    rows: Row[],
  ): { source: ResourceSource<SourceRow>; where: RawBuilder<unknown> } | null;
}

/** `disclosed` for a source whose every row is one record of one kind about the row's `patient_id`. */
export function aboutItsPatient<Row extends SourceRow & { patient_id: string }>(audit: {
  resourceType: AuditResourceType;
  category: AuditCategory | null;
}): (row: Row) => Disclosed {
  return (row) => ({ patientId: row.patient_id, ...audit, id: row.id });
}

/** The `condition` of a type with no parameters beyond `_id` and `_lastUpdated`. */
export function noOwnParameters(type: FhirResourceType): ParamCondition {
  return (name) => {
    throw new Error(`${type} has no search parameter ${name}`);
  };
}

/**
 * The id condition of a source whose logical id is a row's uuid, exposed by its relation as the `pk` column: the
 * database finds the row by its primary key, and an id that is no uuid finds nothing.
 */
export function uuidPk(id: string): RawBuilder<unknown> {
  return isUuid(id) ? sql`pk = ${id.toLowerCase()}::uuid` : sql`false`;
}

/** The condition that selects one logical id of a source. */
export function idIs<Row extends SourceRow>(source: ResourceSource<Row>, id: string): RawBuilder<unknown> {
  return source.idCondition ? source.idCondition(id) : sql`id = ${id}`;
}

/** One page of a source's rows matching `where`, in its order, and the number of all matches. */
export async function findPage<Row extends SourceRow>(
  db: Kysely<DB>,
  source: ResourceSource<Row>,
  clinicId: string,
  q: { where: RawBuilder<unknown>; limit: number; offset: number },
): Promise<{ rows: Row[]; total: number }> {
  const relation = source.relation(clinicId);
  const total = await sql<{ n: number }>`
    with r as (${relation}) select count(*)::int as n from r where ${q.where}`.execute(db);
  const rows =
    q.limit === 0
      ? []
      : (
          await sql<Row>`
    with r as (${relation})
    select * from r where ${q.where} order by ${source.order} limit ${q.limit} offset ${q.offset}`.execute(db)
        ).rows;
  return { rows, total: total.rows[0]?.n ?? 0 };
}
