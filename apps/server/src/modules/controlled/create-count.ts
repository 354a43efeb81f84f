/**
 * POST /api/v1/controlled/counts — a shift or daily count by two people: the caller counts, a second
 * prescriber or nurse co-signs with their password or TOTP (docs/clinical-sources.md#register-practice, two
 * signatures). Every difference from the ledger (pure `compareCount`) opens a discrepancy that stays open
 * until resolved with an explanation or escalated as a possible theft or loss (21 CFR 1301.76(b)). GET
 * /api/v1/controlled/counts lists past counts.
 */
import { compareCount, parseQuantity } from '@plasticity/clinical/controlled';
import { CountList, CountRequest, CountResult } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import { AppError, badField } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { toDiscrepancy } from './discrepancies.ts';
import { CATEGORY, MOVERS, READERS, stateOf, stockQuery } from './stock-and-ledger.ts';
import { verifyWitness } from './witness.ts';

export function countRoutes(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/controlled/counts',
    {
      config: { policy: allow.roles(...MOVERS) },
      schema: { body: CountRequest, response: { 201: CountResult }, tags: ['controlled'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const b = req.body;
      const witness = await verifyWitness(ctx, req, b.witness, 'body.witness');
      const lines = b.lines.map((l, i) => {
        const q = parseQuantity(l.quantity);
        if (!q.ok) throw badField(`body.lines.${i}.quantity`, q.reason);
        return { containerId: l.containerId, quantity: q.value, unit: l.unit };
      });
      const now = ctx.clock.now();
      const result = await ctx.db.transaction().execute(async (trx) => {
        let q = stockQuery(trx, a.clinicId);
        if (b.locationId) q = q.where('c.location_id', '=', b.locationId);
        const rows = await q.execute();
        const known = new Set(rows.map((r) => r.id));
        lines.forEach((l, i) => {
          if (!known.has(l.containerId))
            throw badField(`body.lines.${i}.containerId`, 'no such container here');
        });
        const cmp = compareCount(
          {
            countedAt: now.toISOString(),
            counterUserId: a.userId,
            witnessUserId: witness.userId,
            scope: b.scope,
            ...(b.locationId ? { locationId: b.locationId } : {}),
            lines,
          },
          rows.map(stateOf),
        );
        if (!cmp.ok) {
          throw new AppError(
            'validation_failed',
            cmp.errors.map((e) => e.message).join('; '),
            cmp.errors.map((e) => ({ field: `body.${e.field}`, message: e.message })),
          );
        }
        const count = await trx
          .insertInto('cs_counts')
          .values({
            clinic_id: a.clinicId,
            scope: b.scope,
            location_id: b.locationId ?? null,
            counted_at: now,
            counter_user_id: a.userId,
            witness_user_id: witness.userId,
            lines: toJson(
              lines.map((l) => ({
                containerId: l.containerId,
                quantity: l.quantity.toString(),
                unit: l.unit,
              })),
            ),
            matched: toJson([...cmp.matched]),
            note: b.note ?? null,
          })
          .returning(['id', 'counted_at'])
          .executeTakeFirstOrThrow();
        const discrepancies = [];
        for (const d of cmp.discrepancies) {
          const row = await trx
            .insertInto('cs_discrepancies')
            .values({
              clinic_id: a.clinicId,
              count_id: count.id,
              container_id: d.containerId,
              unit: d.unit,
              expected: d.expected.toString(),
              counted: d.counted.toString(),
              difference: d.difference.toString(),
              kind: d.kind,
              cause: d.cause,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          discrepancies.push(row);
        }
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'controlled_count',
          resourceId: count.id,
          category: CATEGORY,
          details: { witness: witness.userId, lines: lines.length, discrepancies: discrepancies.length },
        });
        return {
          id: count.id,
          countedAt: new Date(count.counted_at).toISOString(),
          matched: [...cmp.matched],
          discrepancies: discrepancies.map(toDiscrepancy),
        };
      });
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/api/v1/controlled/counts',
    {
      config: { policy: allow.roles(...READERS) },
      schema: { response: { 200: CountList }, tags: ['controlled'] },
    },
    async (req) => {
      const a = authOf(req);
      const rows = await ctx.db
        .selectFrom('cs_counts as k')
        .selectAll('k')
        .select((eb) =>
          eb
            .selectFrom('cs_discrepancies as d')
            .whereRef('d.count_id', '=', 'k.id')
            .select(eb.fn.countAll<number>().as('n'))
            .as('n'),
        )
        .where('k.clinic_id', '=', a.clinicId)
        .orderBy('k.counted_at', 'desc')
        .limit(200)
        .execute();
      await ctx.audit.record(ctx.db, actorOf(req), {
        action: 'query',
        resourceType: 'controlled_count',
        category: CATEGORY,
        details: { count: rows.length },
      });
      return {
        items: rows.map((r) => ({
          id: r.id,
          countedAt: new Date(r.counted_at).toISOString(),
          scope: r.scope,
          counterUserId: r.counter_user_id,
          witnessUserId: r.witness_user_id,
          matched: (r.matched as string[]).length,
          discrepancies: Number(r.n ?? 0),
        })),
      };
    },
  );
}
