/**
 * GET /api/v1/patients?query=&limit=&after= — staff (STAFF roles); 200, 400 (a bad `limit`, `after` or `query`,
 * naming the field). The caller's clinic's patients in name order (last, first, id), or those the query matches
 * (name or MRN fragments, date of birth, phone digits: `patient-search.ts`), one page of at most 50 (`limit`,
 * default 50). `nextCursor` is the last row's id when another page follows; `after` reads from the row after it
 * (keyset: the page costs the same at the first row and the 100,000th). Audited as a `query` with the count;
 * the search term is never written to the audit log or the server log (it may be a name).
 */
import { PatientList, PatientListQuery } from '@plasticity/contracts';
import { sql } from 'kysely';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow, STAFF } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { toPatient } from './patient-row.ts';
import { searchCondition } from './patient-search.ts';

export function listPatientsRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/patients',
    {
      config: { policy: allow.roles(...STAFF) },
      schema: { querystring: PatientListQuery, response: { 200: PatientList }, tags: ['patients'] },
    },
    async (req) => {
      const a = authOf(req);
      const { query, limit, after } = req.query;
      const sortKey = sql`(lower(last_name), lower(first_name), id)`;
      const rows = await ctx.db
        .selectFrom('patients')
        .selectAll()
        .where('clinic_id', '=', a.clinicId)
        .$call((q) => (query ? q.where((eb) => searchCondition(eb, query)) : q))
        .$if(after !== undefined, (q) =>
          q.where(
            sortKey,
            '>',
            sql`(select lower(c.last_name), lower(c.first_name), c.id from patients c
                  where c.clinic_id = ${a.clinicId} and c.id = ${after})`,
          ),
        )
        .orderBy(sql`lower(last_name)`)
        .orderBy(sql`lower(first_name)`)
        .orderBy('id')
        .limit(limit + 1)
        .execute();
      const page = rows.slice(0, limit);
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'query',
        resourceType: 'patient',
        category: 'demographics',
        details: { results: page.length, searched: Boolean(query), page: after ? 'next' : 'first' },
      });
      return {
        items: page.map(toPatient),
        nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
      };
    },
  );
}
