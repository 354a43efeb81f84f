/**
 * GET /api/v1/controlled/ledger?from&to&containerId&patientId&sessionId — register entries in ledger order with
 * the container's running balance after each (docs/clinical-sources.md#register-practice: running balance per
 * vial). The running balance is computed over the whole history and only then filtered, so a period view
 * starts from the true balance. `from`/`to` are clinic-local dates (inclusive) or instants. Audited as a
 * register read.
 */
import { LedgerList, LedgerQuery } from '@plasticity/contracts';
import { type RawBuilder, sql } from 'kysely';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { ownPatientId } from '../patients/require-patient.ts';
import { CATEGORY, clinicInfo, READERS, toLedgerEntry } from './stock-and-ledger.ts';

/**
 * A filter bound as an instant: an instant as given, or a clinic-local date as the instant its day starts
 * (from) or the next day starts (to), computed by the database in the clinic's zone.
 */
export function boundary(
  v: string | undefined,
  timeZone: string,
  end: boolean,
): RawBuilder<Date> | undefined {
  if (!v) return undefined;
  if (v.length > 10) return sql<Date>`${new Date(v).toISOString()}::timestamptz`;
  const d = end ? new Date(Date.parse(`${v}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) : v;
  return sql<Date>`(${d}::date)::timestamp at time zone ${timeZone}`;
}

export function ledgerQuery(ctx: ModuleContext, clinicId: string) {
  return ctx.db
    .selectFrom('cs_ledger as e')
    .innerJoin('users as u', 'u.id', 'e.recorded_by')
    .selectAll('e')
    .leftJoin('users as w', 'w.id', 'e.witness_user_id')
    .select('u.display_name as recorded_by_name')
    .select('w.display_name as witness_name')
    .select(
      sql<string>`(sum(e.container_delta) over (partition by e.container_id order by e.seq))::text`.as(
        'running',
      ),
    )
    .where('e.clinic_id', '=', clinicId);
}

export function listLedgerRoute(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/controlled/ledger',
    {
      config: { policy: allow.roles(...READERS) },
      schema: { querystring: LedgerQuery, response: { 200: LedgerList }, tags: ['controlled'] },
    },
    async (req) => {
      const a = authOf(req);
      const q = req.query;
      const info = await clinicInfo(ctx.db, a.clinicId);
      let inner = ledgerQuery(ctx, a.clinicId);
      if (q.containerId) inner = inner.where('e.container_id', '=', q.containerId);
      let outer = ctx.db.selectFrom(inner.as('x')).selectAll();
      const from = boundary(q.from, info.timeZone, false);
      const to = boundary(q.to, info.timeZone, true);
      if (from) outer = outer.where('x.occurred_at', '>=', from);
      if (to) outer = outer.where('x.occurred_at', q.to && q.to.length > 10 ? '<=' : '<', to);
      if (q.patientId) outer = outer.where('x.patient_id', '=', q.patientId);
      if (q.sessionId) outer = outer.where('x.session_id', '=', q.sessionId);
      const rows = await outer.orderBy('x.seq').execute();
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'query',
        resourceType: 'controlled_ledger',
        patientId: await ownPatientId(ctx.db, a.clinicId, q.patientId),
        category: CATEGORY,
        details: {
          from: q.from ?? null,
          to: q.to ?? null,
          containerId: q.containerId ?? null,
          count: rows.length,
        },
      });
      return {
        items: rows.map((r) => ({
          ...toLedgerEntry(r, r.running, r.recorded_by_name),
          witnessName: r.witness_name,
        })),
      };
    },
  );
}
