/**
 * GET /fhir/R4/Patient/{id} — read (200 Patient; 404 OperationOutcome for an unknown id or another clinic's).
 * GET /fhir/R4/Patient?… — search by `_id`, `_lastUpdated`, with `_count`/`_offset` paging (200 searchset).
 * Roles: those that read a patient through the API (access.ts). Each answer is audited (audit-reads.ts).
 */
import { FhirIdParams, FhirResource, FhirSearchBundle, FhirSearchQuery } from '@plasticity/contracts';
import { sql } from 'kysely';
import { notFound } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { fhirCaller, readPolicy } from './access.ts';
import { auditFhirAccess } from './audit-reads.ts';
import { fhirBase, searchBundle } from './bundle.ts';
import { parseDateParam } from './date-param.ts';
import { patientsByIds, toFhirPatient } from './patient-resource.ts';
import { parseSearch } from './search-params.ts';
import { allOf, dateSql, isUuid, parseTokens } from './search-sql.ts';

const demographics = { resourceType: 'patient', category: 'demographics' } as const;

export function patientRoutes(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/Patient/:id',
    {
      config: { policy: readPolicy('Patient') },
      schema: { params: FhirIdParams, response: { 200: FhirResource }, tags: ['fhir'] },
    },
    async (req) => {
      const caller = fhirCaller(req);
      const id = req.params.id.toLowerCase();
      return ctx.db.transaction().execute(async (trx) => {
        const [row] = isUuid(id) ? await patientsByIds(trx, caller.clinicId, [id]) : [];
        if (!row) throw notFound('Patient');
        await auditFhirAccess(trx, ctx.audit, caller, {
          interaction: 'read',
          fhirType: 'Patient',
          disclosed: [{ ...demographics, patientId: row.id, id: row.id }],
          empty: { ...demographics, patientId: null },
        });
        return toFhirPatient(row);
      });
    },
  );

  app.get(
    '/Patient',
    {
      config: { policy: readPolicy('Patient') },
      schema: { querystring: FhirSearchQuery, response: { 200: FhirSearchBundle }, tags: ['fhir'] },
    },
    async (req) => {
      const caller = fhirCaller(req);
      const search = parseSearch('Patient', req.query);
      const conds = [sql`clinic_id = ${caller.clinicId}`];
      for (const [name, values] of search.filters) {
        for (const value of values) {
          if (name === '_id') {
            const ids = parseTokens(name, value)
              .map((t) => t.code.toLowerCase())
              .filter(isUuid);
            conds.push(ids.length ? sql`id in (${sql.join(ids)})` : sql`false`);
          } else if (name === '_lastUpdated') {
            conds.push(dateSql('updated_at', parseDateParam(name, value, caller.timeZone, ctx.clock.now())));
          }
        }
      }
      const where = allOf(conds);
      return ctx.db.transaction().execute(async (trx) => {
        const total = await sql<{
          n: number;
        }>`select count(*)::int as n from patients where ${where}`.execute(trx);
        const rows =
          search.count === 0
            ? []
            : await trx
                .selectFrom('patients')
                .selectAll()
                .where(where.$castTo<boolean>())
                .orderBy('last_name')
                .orderBy('first_name')
                .orderBy('id')
                .limit(search.count)
                .offset(search.offset)
                .execute();
        await auditFhirAccess(trx, ctx.audit, caller, {
          interaction: 'search',
          fhirType: 'Patient',
          disclosed: rows.map((r) => ({ ...demographics, patientId: r.id, id: r.id })),
          empty: { ...demographics, patientId: null },
        });
        return searchBundle({
          base: fhirBase(req, ctx.config),
          type: 'Patient',
          query: req.query,
          search,
          total: total.rows[0]?.n ?? 0,
          matches: rows.map(toFhirPatient),
          included: [],
        });
      });
    },
  );
}
