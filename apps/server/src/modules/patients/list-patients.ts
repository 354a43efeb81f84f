/**
 * GET /api/v1/patients?query= — every patient of the caller's clinic, or those matching the query
 * by name ("first last" or "last, first"), MRN, date of birth (YYYY-MM-DD) or phone digits.
 * The search term is never written to the audit log or the server log (it may be a name).
 */
import { PatientList, PatientListQuery } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import { type ExpressionBuilder, sql } from 'kysely';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow, STAFF } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { toPatient } from './patient-row.ts';

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function searchCondition(eb: ExpressionBuilder<DB, 'patients'>, query: string) {
  const terms = query
    .toLowerCase()
    .split(/[\s,]+/)
    .filter(Boolean)
    .slice(0, 5);
  const digits = query.replace(/\D/g, '');
  const perTerm = terms.map((t) => {
    const like = `%${likeEscape(t)}%`;
    return eb.or([
      eb(sql`lower(first_name)`, 'like', like),
      eb(sql`lower(last_name)`, 'like', like),
      eb(sql`lower(mrn)`, 'like', like),
      eb(sql`to_char(date_of_birth, 'YYYY-MM-DD')`, 'like', like),
    ]);
  });
  const alternatives = [eb.and(perTerm)];
  if (digits.length >= 4)
    alternatives.push(eb(sql`regexp_replace(coalesce(phone, ''), '\\D', '', 'g')`, 'like', `%${digits}%`));
  return eb.or(alternatives);
}

export function listPatientsRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/patients',
    {
      config: { policy: allow.roles(...STAFF) },
      schema: { querystring: PatientListQuery, response: { 200: PatientList }, tags: ['patients'] },
    },
    async (req) => {
      const a = authOf(req);
      const { query, limit } = req.query;
      let q = ctx.db.selectFrom('patients').selectAll().where('clinic_id', '=', a.clinicId);
      if (query) q = q.where((eb) => searchCondition(eb, query));
      const rows = await q
        .orderBy(sql`lower(last_name)`)
        .orderBy(sql`lower(first_name)`)
        .orderBy('id')
        .$if(limit !== undefined, (qb) => qb.limit(limit as number))
        .execute();
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'query',
        resourceType: 'patient',
        category: 'demographics',
        details: { results: rows.length, searched: Boolean(query) },
      });
      return { items: rows.map(toPatient) };
    },
  );
}
