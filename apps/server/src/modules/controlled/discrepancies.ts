/**
 * Count discrepancies: list, resolve with an explanation (optionally booking the difference as a
 * witnessed `adjust` so the ledger matches what is physically there), or escalate as a possible
 * theft or significant loss — which holds the container (status `quarantined`) and points to the
 * loss record with its 1-business-day / 45-day deadlines (21 CFR 1301.76(b)). Transitions follow the
 * pure `resolveDiscrepancy` / `escalateDiscrepancy` rules (open → resolved | escalated → resolved).
 */
import { type Discrepancy, escalateDiscrepancy, resolveDiscrepancy } from '@plasticity/clinical/controlled';
import {
  CountDiscrepancy,
  DiscrepancyList,
  EscalateDiscrepancyRequest,
  IdParams,
  ResolveDiscrepancyRequest,
} from '@plasticity/contracts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { recordMovement } from './record-movement.ts';
import { CATEGORY, canon, dec, MOVERS, READERS } from './stock-and-ledger.ts';
import { verifyWitness } from './witness.ts';

type Row = {
  id: string;
  count_id: string;
  container_id: string;
  unit: string;
  expected: string;
  counted: string;
  difference: string;
  kind: string;
  cause: string;
  status: string;
  explanation: string | null;
  escalation_note: string | null;
  adjustment_entry_id: string | null;
  loss_report_id: string | null;
  created_at: Date;
};

export function toDiscrepancy(r: Row) {
  return {
    id: r.id,
    countId: r.count_id,
    containerId: r.container_id,
    unit: r.unit,
    expected: canon(r.expected),
    counted: canon(r.counted),
    difference: canon(r.difference),
    kind: r.kind,
    cause: r.cause,
    status: r.status as 'open',
    explanation: r.explanation,
    escalationNote: r.escalation_note,
    adjustmentEntryId: r.adjustment_entry_id,
    lossReportId: r.loss_report_id,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

const asPure = (r: Row): Discrepancy => ({
  containerId: r.container_id,
  unit: r.unit as 'mL',
  expected: dec(r.expected),
  counted: dec(r.counted),
  difference: dec(r.difference),
  kind: r.kind as 'shortage',
  cause: r.cause as 'mismatch',
  countedAt: new Date(r.created_at).toISOString(),
  counterUserId: '',
  witnessUserId: '',
  status: r.status as 'open',
});

export function discrepancyRoutes(app: ZodApp, ctx: ModuleContext) {
  app.get(
    '/api/v1/controlled/discrepancies',
    {
      config: { policy: allow.roles(...READERS) },
      schema: { response: { 200: DiscrepancyList }, tags: ['controlled'] },
    },
    async (req) => {
      const a = authOf(req);
      const rows = await ctx.db
        .selectFrom('cs_discrepancies')
        .selectAll()
        .where('clinic_id', '=', a.clinicId)
        .orderBy('created_at', 'desc')
        .limit(500)
        .execute();
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'query',
        resourceType: 'controlled_discrepancy',
        category: CATEGORY,
        details: { count: rows.length },
      });
      return { items: rows.map(toDiscrepancy) };
    },
  );

  app.post(
    '/api/v1/controlled/discrepancies/:id/resolve',
    {
      config: { policy: allow.roles(...MOVERS) },
      schema: {
        params: IdParams,
        body: ResolveDiscrepancyRequest,
        response: { 200: CountDiscrepancy },
        tags: ['controlled'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const found = await ctx.db
        .selectFrom('cs_discrepancies')
        .selectAll()
        .where('clinic_id', '=', a.clinicId)
        .where('id', '=', req.params.id)
        .executeTakeFirst();
      if (!found) throw notFound('discrepancy');
      const witness = req.body.adjust
        ? await verifyWitness(ctx, req, req.body.witness, 'body.witness')
        : undefined;
      const now = ctx.clock.now();
      const row = await ctx.db.transaction().execute(async (trx) => {
        const d = await trx
          .selectFrom('cs_discrepancies')
          .selectAll()
          .where('id', '=', found.id)
          .forUpdate()
          .executeTakeFirstOrThrow();
        const t = resolveDiscrepancy(asPure(d), {
          explanation: req.body.explanation,
          by: a.userId,
          at: now.toISOString(),
        });
        if (!t.ok)
          throw new AppError(
            t.code === 'invalid_transition' ? 'illegal_transition' : 'validation_failed',
            t.message,
            [{ field: 'body.explanation', message: t.message }],
          );
        let adjustmentId: string | null = null;
        if (witness && !dec(d.difference).isZero()) {
          const r = await recordMovement(trx, {
            clinicId: a.clinicId,
            actorUserId: a.userId,
            now,
            witnesses: [witness],
            body: {
              type: 'adjust',
              containerId: d.container_id,
              quantity: d.difference,
              unit: d.unit as 'mL',
              reason: `Count discrepancy: ${req.body.explanation}`,
            },
          });
          adjustmentId = r.entry.id;
        }
        const updated = await trx
          .updateTable('cs_discrepancies')
          .set({
            status: 'resolved',
            explanation: req.body.explanation,
            resolved_by: a.userId,
            resolved_at: now,
            adjustment_entry_id: adjustmentId,
          })
          .where('id', '=', d.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'controlled_discrepancy',
          resourceId: d.id,
          category: CATEGORY,
          details: { status: 'resolved', adjustmentEntryId: adjustmentId },
        });
        return updated;
      });
      return toDiscrepancy(row);
    },
  );

  app.post(
    '/api/v1/controlled/discrepancies/:id/escalate',
    {
      config: { policy: allow.roles(...MOVERS) },
      schema: {
        params: IdParams,
        body: EscalateDiscrepancyRequest,
        response: { 200: CountDiscrepancy },
        tags: ['controlled'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const now = ctx.clock.now();
      const row = await ctx.db.transaction().execute(async (trx) => {
        const d = await trx
          .selectFrom('cs_discrepancies')
          .selectAll()
          .where('clinic_id', '=', a.clinicId)
          .where('id', '=', req.params.id)
          .forUpdate()
          .executeTakeFirst();
        if (!d) throw notFound('discrepancy');
        const t = escalateDiscrepancy(asPure(d), {
          note: req.body.note,
          by: a.userId,
          at: now.toISOString(),
        });
        if (!t.ok)
          throw new AppError(
            t.code === 'invalid_transition' ? 'illegal_transition' : 'validation_failed',
            t.message,
            [{ field: 'body.note', message: t.message }],
          );
        const updated = await trx
          .updateTable('cs_discrepancies')
          .set({
            status: 'escalated',
            escalation_note: req.body.note,
            escalated_by: a.userId,
            escalated_at: now,
          })
          .where('id', '=', d.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'controlled_discrepancy',
          resourceId: d.id,
          category: CATEGORY,
          details: { status: 'escalated' },
        });
        return updated;
      });
      return toDiscrepancy(row);
    },
  );
}
