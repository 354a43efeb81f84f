/**
 * POST /api/v1/controlled/movements/{id}/corrections — corrects a ledger entry by appending a new one
 * that references it; nothing is edited or deleted (21 CFR 1304.04, 1304.21; same semantics as the pure
 * `correctionOf`). Without `quantity` the entry is reversed (its whole effect undone); with one it is
 * amended to that quantity (the delta from the version in force). Needs a reason and a co-signing
 * witness like waste. A correction that would take the container, or a draw, below zero is refused 409.
 * The entry itself is appended by `appendCorrection` (also used when an administration is entered in error).
 */
import { type Decimal, parseQuantity } from '@plasticity/clinical/controlled';
import { CorrectionRequest, IdParams, MovementResponse } from '@plasticity/contracts';
import { badField, notFound } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { appendCorrection } from './append-correction.ts';
import { MOVERS, toLedgerEntry } from './stock-and-ledger.ts';
import { verifyWitness } from './witness.ts';

export function correctMovementRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/controlled/movements/:id/corrections',
    {
      config: { policy: allow.roles(...MOVERS) },
      schema: {
        params: IdParams,
        body: CorrectionRequest,
        response: { 201: MovementResponse },
        tags: ['controlled'],
      },
    },
    async (req, reply) => {
      const a = authOf(req);
      const target = await ctx.db
        .selectFrom('cs_ledger')
        .selectAll()
        .where('clinic_id', '=', a.clinicId)
        .where('id', '=', req.params.id)
        .executeTakeFirst();
      if (!target) throw notFound('ledger entry');
      if (target.corrects_entry_id)
        throw badField('params.id', 'correct the original entry, not a correction');
      let amended: Decimal | undefined;
      if (req.body.quantity !== undefined) {
        const q = parseQuantity(req.body.quantity, { allowNegative: target.type === 'adjust' });
        if (!q.ok) throw badField('body.quantity', q.reason);
        if (q.value.isZero() || (target.type !== 'adjust' && !q.value.isPositive()))
          throw badField('body.quantity', 'must be greater than zero (reverse the entry instead)');
        if (target.quantity === null)
          throw badField('body.quantity', `${target.type} carries no quantity; reverse it instead`);
        amended = q.value;
      }
      const witness = await verifyWitness(ctx, req, req.body.witness, 'body.witness');
      const now = ctx.clock.now();
      const result = await ctx.db.transaction().execute((trx) =>
        appendCorrection(trx, ctx.audit, actorOf(req), {
          clinicId: a.clinicId,
          userId: a.userId,
          now,
          target,
          reason: req.body.reason,
          witness,
          amended,
        }),
      );
      return reply.status(201).send({
        entry: toLedgerEntry(result.entry, result.balance),
        balance: result.balance,
        unit: result.unit,
      });
    },
  );
}
