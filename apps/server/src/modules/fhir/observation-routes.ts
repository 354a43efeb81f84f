/**
 * GET /fhir/R4/Observation/{id} — read (200 Observation; 404 OperationOutcome for an unknown id or another
 * clinic's).
 * GET /fhir/R4/Observation?… — search by `_id`, `patient`/`subject`, `code`, `category`, `date`, `status`,
 * `_lastUpdated`, with `_count`/`_offset` paging and `_include=Observation:patient` (200 searchset).
 * Roles: those that read vitals and assessments through the API (access.ts); `_include` adds patients only for
 * a caller who may read Patient. Each answer is audited (audit-reads.ts).
 */
import { FhirIdParams, FhirResource, FhirSearchBundle, FhirSearchQuery } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { badField, forbidden, notFound } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { type FhirCaller, fhirCaller, readPolicy } from './access.ts';
import { auditFhirAccess, type Disclosed } from './audit-reads.ts';
import { fhirBase, searchBundle } from './bundle.ts';
import { LOINC, OBSERVATION_CATEGORY } from './codes.ts';
import { parseDateParam } from './date-param.ts';
import { findObservations, type ObservationRow } from './observation-index.ts';
import { toFhirObservation } from './observation-resource.ts';
import { patientsByIds, toFhirPatient } from './patient-resource.ts';
import { parseSearch } from './search-params.ts';
import { allOf, dateSql, parseTokens, referencedPatient } from './search-sql.ts';

/** FHIR R4 observation-status codes (a value outside them is a bad request; those never produced match nothing). */
const OBSERVATION_STATUSES = new Set([
  'registered',
  'preliminary',
  'final',
  'amended',
  'corrected',
  'cancelled',
  'entered-in-error',
  'unknown',
]);

/** What the audit log calls the record an observation row was read from. */
function disclosed(row: ObservationRow): Disclosed {
  const base = { patientId: row.patient_id, id: row.src };
  if (row.kind === 'instrument') return { ...base, resourceType: 'assessment', category: 'assessment' };
  if (row.kind === 'weight') return { ...base, resourceType: 'weight_observation', category: 'vital_signs' };
  return { ...base, resourceType: 'session_vitals', category: 'vital_signs' };
}

const anyOf = (conds: RawBuilder<unknown>[]) =>
  conds.length ? sql`(${sql.join(conds, sql` or `)})` : sql`false`;

/** The condition one value of a search parameter puts on the `obs` relation (observation-index.ts). */
function condition(name: string, value: string, caller: FhirCaller, now: Date): RawBuilder<unknown> {
  switch (name) {
    case '_id':
      return anyOf(parseTokens(name, value).map((t) => sql`id = ${t.code}`));
    case 'patient':
    case 'subject': {
      const id = referencedPatient(name, value);
      return id ? sql`patient_id = ${id}` : sql`false`;
    }
    case 'code':
      return anyOf(
        parseTokens(name, value).map((t) => {
          if (t.system === null || (t.system !== undefined && t.system !== LOINC)) return sql`false`;
          return t.code === '' ? sql`true` : sql`${t.code} = any(codes)`;
        }),
      );
    case 'category':
      return anyOf(
        parseTokens(name, value).map((t) => {
          if (t.system === null || (t.system !== undefined && t.system !== OBSERVATION_CATEGORY))
            return sql`false`;
          return t.code === '' ? sql`true` : sql`category = ${t.code}`;
        }),
      );
    case 'status':
      return anyOf(
        parseTokens(name, value).map((t) => {
          if (!OBSERVATION_STATUSES.has(t.code))
            throw badField(
              `querystring.${name}`,
              `${t.code} is not an observation status (R4 observation-status)`,
            );
          return sql`status = ${t.code}`;
        }),
      );
    case 'date':
      return dateSql('effective', parseDateParam(name, value, caller.timeZone, now));
    case '_lastUpdated':
      return dateSql('last_updated', parseDateParam(name, value, caller.timeZone, now));
    default:
      throw new Error(`search parameter ${name} has no condition`);
  }
}

/** The patients an _include adds: those the page's observations name, for a caller who may read Patient. */
async function included(trx: Kysely<DB>, caller: FhirCaller, include: string[], rows: ObservationRow[]) {
  if (include.length === 0) return [];
  if (!caller.mayRead('Patient')) throw forbidden('your role may not read Patient (_include)');
  return patientsByIds(trx, caller.clinicId, [...new Set(rows.map((r) => r.patient_id))]);
}

export function observationRoutes(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/Observation/:id',
    {
      config: { policy: readPolicy('Observation') },
      schema: { params: FhirIdParams, response: { 200: FhirResource }, tags: ['fhir'] },
    },
    async (req) => {
      const caller = fhirCaller(req);
      return ctx.db.transaction().execute(async (trx) => {
        const { rows } = await findObservations(trx, caller.clinicId, {
          where: sql`id = ${req.params.id}`,
          limit: 1,
          offset: 0,
        });
        const [row] = rows;
        if (!row) throw notFound('Observation');
        await auditFhirAccess(trx, ctx.audit, caller, {
          interaction: 'read',
          fhirType: 'Observation',
          disclosed: [disclosed(row)],
          empty: { resourceType: 'session_vitals', category: 'vital_signs', patientId: null },
        });
        return toFhirObservation(row);
      });
    },
  );

  app.get(
    '/Observation',
    {
      config: { policy: readPolicy('Observation') },
      schema: { querystring: FhirSearchQuery, response: { 200: FhirSearchBundle }, tags: ['fhir'] },
    },
    async (req) => {
      const caller = fhirCaller(req);
      const search = parseSearch('Observation', req.query);
      const now = ctx.clock.now();
      const conds: RawBuilder<unknown>[] = [];
      let asked: string | null = null;
      for (const [name, values] of search.filters) {
        for (const value of values) {
          conds.push(condition(name, value, caller, now));
          if (name === 'patient' || name === 'subject') asked = referencedPatient(name, value);
        }
      }
      return ctx.db.transaction().execute(async (trx) => {
        const { rows, total } = await findObservations(trx, caller.clinicId, {
          where: allOf(conds),
          limit: search.count,
          offset: search.offset,
        });
        const patients = await included(trx, caller, search.include, rows);
        // An id of another clinic's patient is never written to this clinic's audit log.
        const [own] = asked ? await patientsByIds(trx, caller.clinicId, [asked]) : [];
        await auditFhirAccess(trx, ctx.audit, caller, {
          interaction: 'search',
          fhirType: 'Observation',
          disclosed: [
            ...rows.map(disclosed),
            ...patients.map((p) => ({
              patientId: p.id,
              id: p.id,
              resourceType: 'patient' as const,
              category: 'demographics' as const,
            })),
          ],
          empty: { resourceType: 'session_vitals', category: 'vital_signs', patientId: own?.id ?? null },
        });
        return searchBundle({
          base: fhirBase(req, ctx.config),
          type: 'Observation',
          query: req.query,
          search,
          total,
          matches: rows.map(toFhirObservation),
          included: patients.map(toFhirPatient),
        });
      });
    },
  );
}
