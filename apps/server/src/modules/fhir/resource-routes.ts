/**
 * GET /fhir/R4/{type}/{id} — read: 200 the resource; 404 OperationOutcome for an unknown id or another clinic's.
 * GET /fhir/R4/{type}?… — search: 200 a searchset Bundle; 400 OperationOutcome naming a bad parameter.
 * Callers: the type's readers and the system clients whose scopes cover it (access.ts), enforced by the route
 * policy; records a system client may not receive under 42 CFR Part 2 are absent and read as 404 (part2.ts), and
 * those it receives under a disclosure consent carry the § 2.32 notice and are entered in the accounting of
 * disclosures in the request's transaction (release.ts). Every answer is audited in the request's transaction
 * (audit-reads.ts). The same two routes serve every type
 * from its source (resource-source.ts).
 */
import { FhirIdParams, FhirResource, FhirSearchBundle, FhirSearchQuery } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely, RawBuilder } from 'kysely';
import { notFound } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { type FhirCaller, fhirCaller, readPolicy } from './access.ts';
import { auditFhirAccess, type Disclosed } from './audit-reads.ts';
import { fhirBase, searchBundle } from './bundle.ts';
import { parseDateParam } from './date-param.ts';
import { part2Releasable, recordPart2Disclosures } from './part2.ts';
import { patientsByIds } from './patient-resource.ts';
import { type Released, release } from './release.ts';
import { findPage, idIs, type ResourceSource, type SourceRow } from './resource-source.ts';
import { parseSearch } from './search-params.ts';
import { allOf, anyOf, dateSql, parseTokens, referencedPatient } from './search-sql.ts';

function condition<Row extends SourceRow>(
  source: ResourceSource<Row>,
  name: string,
  value: string,
  caller: FhirCaller,
  now: Date,
): RawBuilder<unknown> {
  if (name === '_id') return anyOf(parseTokens(name, value).map((t) => idIs(source, t.code)));
  if (name === '_lastUpdated')
    return dateSql('last_updated', parseDateParam(name, value, caller.timeZone, now));
  return source.condition(name, value, caller.timeZone, now);
}

/**
 * The resources `_include` adds for a page of rows: the other source's rows the include names, filtered by the
 * same Part 2 rule as a search of that type and released the same way.
 */
async function includedFor<Row extends SourceRow>(
  trx: Kysely<DB>,
  source: ResourceSource<Row>,
  caller: FhirCaller,
  include: string[],
  rows: Row[],
  now: Date,
): Promise<Released & { disclosed: Disclosed[] }> {
  const asked = source.include?.(caller, include, rows);
  if (!asked) return { resources: [], releases: [], disclosed: [] };
  const found = await findPage(trx, asked.source, caller.clinicId, {
    where: allOf([asked.where, part2Releasable(asked.source, caller, now)]),
    limit: rows.length,
    offset: 0,
  });
  const released = await release(trx, asked.source, caller, found.rows, now);
  return { ...released, disclosed: found.rows.map((r) => asked.source.disclosed(r)) };
}

export function resourceRoutes<Row extends SourceRow>(
  app: ZodApp,
  ctx: ModuleContext,
  source: ResourceSource<Row>,
) {
  const { type } = source;
  app.get(
    `/${type}/:id`,
    {
      config: { policy: readPolicy(type) },
      schema: { params: FhirIdParams, response: { 200: FhirResource }, tags: ['fhir'] },
    },
    async (req) => {
      const caller = fhirCaller(req);
      const now = ctx.clock.now();
      return ctx.db.transaction().execute(async (trx) => {
        const where = allOf([idIs(source, req.params.id), part2Releasable(source, caller, now)]);
        const [row] = (await findPage(trx, source, caller.clinicId, { where, limit: 1, offset: 0 })).rows;
        if (!row) throw notFound(type);
        const released = await release(trx, source, caller, [row], now);
        await recordPart2Disclosures(trx, caller, 'read', released.releases, now);
        await auditFhirAccess(trx, ctx.audit, caller, {
          interaction: 'read',
          fhirType: type,
          disclosed: [source.disclosed(row)],
          empty: { ...source.audit, patientId: null },
        });
        const [resource] = released.resources;
        if (!resource) throw new Error('a row read was not mapped');
        return resource;
      });
    },
  );

  app.get(
    `/${type}`,
    {
      config: { policy: readPolicy(type) },
      schema: { querystring: FhirSearchQuery, response: { 200: FhirSearchBundle }, tags: ['fhir'] },
    },
    async (req) => {
      const caller = fhirCaller(req);
      const search = parseSearch(type, req.query);
      const now = ctx.clock.now();
      const conds: RawBuilder<unknown>[] = [];
      let asked: string | null = null;
      for (const [name, values] of search.filters) {
        for (const value of values) {
          conds.push(condition(source, name, value, caller, now));
          if (name === 'patient' || name === 'subject') asked = referencedPatient(name, value);
        }
      }
      return ctx.db.transaction().execute(async (trx) => {
        const { rows, total } = await findPage(trx, source, caller.clinicId, {
          where: allOf([...conds, part2Releasable(source, caller, now)]),
          limit: search.count,
          offset: search.offset,
        });
        const matches = await release(trx, source, caller, rows, now);
        const included = await includedFor(trx, source, caller, search.include, rows, now);
        await recordPart2Disclosures(trx, caller, 'search', [...matches.releases, ...included.releases], now);
        // An id of another clinic's patient is never written to this clinic's audit log.
        const [own] = asked ? await patientsByIds(trx, caller.clinicId, [asked]) : [];
        await auditFhirAccess(trx, ctx.audit, caller, {
          interaction: 'search',
          fhirType: type,
          disclosed: [...rows.map((r) => source.disclosed(r)), ...included.disclosed],
          empty: { ...source.audit, patientId: own?.id ?? null },
        });
        return searchBundle({
          base: fhirBase(req, ctx.config),
          type,
          query: req.query,
          search,
          total,
          matches: matches.resources,
          included: included.resources,
        });
      });
    },
  );
}
