/**
 * POST /api/v1/controlled/movements/{id}/corrections — corrects a ledger entry by appending a new one
 * that references it; nothing is edited or deleted (21 CFR 1304.04, 1304.21; same semantics as the pure
 * `correctionOf`). Without `quantity` the entry is reversed (its whole effect undone); with one it is
 * amended to that quantity (the delta from the version in force). Needs a reason and a co-signing
 * witness like waste. A correction that would take the container, or a draw, below zero is refused 409.
 */
import { randomUUID } from 'node:crypto';
import { Decimal, parseQuantity } from '@plasticity/clinical/controlled';
import { CorrectionRequest, IdParams, MovementResponse } from '@plasticity/contracts';
import { sql } from 'kysely';
import { AppError, badField, notFound } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { CATEGORY, dec, MOVERS, toLedgerEntry } from './model.ts';
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
      const result = await ctx.db.transaction().execute(async (trx) => {
        await trx
          .selectFrom('cs_containers')
          .select('id')
          .where('clinic_id', '=', a.clinicId)
          .where('id', '=', target.container_id)
          .forUpdate()
          .execute();
        const versions = await trx
          .selectFrom('cs_ledger')
          .selectAll()
          .where('clinic_id', '=', a.clinicId)
          .where((eb) => eb.or([eb('id', '=', target.id), eb('corrects_entry_id', '=', target.id)]))
          .orderBy('seq')
          .execute();
        if (versions.some((v) => v.correction_kind === 'reversal'))
          throw new AppError('illegal_transition', 'this entry is already reversed');
        const inForce = {
          c: Decimal.sum(versions.map((v) => dec(v.container_delta))),
          d: Decimal.sum(versions.map((v) => dec(v.draw_delta))),
        };
        const current = dec(versions.filter((v) => v.quantity !== null).at(-1)?.quantity ?? '0');
        let cDelta = inForce.c.neg();
        let dDelta = inForce.d.neg();
        if (amended) {
          // Effects are linear in quantity: scale the effect in force to the amended quantity.
          const ratioC = dec(target.container_delta).div(dec(target.quantity));
          const ratioD = dec(target.draw_delta).div(dec(target.quantity));
          cDelta = amended.mul(ratioC).sub(inForce.c);
          dDelta = amended.mul(ratioD).sub(inForce.d);
          if (amended.eq(current)) throw badField('body.quantity', 'is the quantity already recorded');
        }
        const bal = await sql<{
          b: string;
        }>`select coalesce(sum(container_delta), 0)::text as b from cs_ledger where clinic_id = ${a.clinicId} and container_id = ${target.container_id}`.execute(
          trx,
        );
        const next = dec(bal.rows[0]?.b).add(cDelta);
        if (next.isNegative())
          throw new AppError('insufficient_balance', 'the correction would take the container below zero', [
            { field: 'body.quantity', message: 'would take the balance below zero' },
          ]);
        if (target.draw_id && !dDelta.isZero()) {
          const o = await sql<{
            o: string;
          }>`select coalesce(sum(draw_delta), 0)::text as o from cs_ledger where draw_id = ${target.draw_id}`.execute(
            trx,
          );
          if (dec(o.rows[0]?.o).add(dDelta).isNegative())
            throw new AppError(
              'insufficient_balance',
              'the draw would have more given and wasted than drawn',
              [{ field: 'body.quantity', message: 'over-accounts the draw' }],
            );
        }
        const entry = await trx
          .insertInto('cs_ledger')
          .values({
            id: randomUUID(),
            clinic_id: a.clinicId,
            container_id: target.container_id,
            type: target.type,
            quantity: amended ? amended.toString() : target.quantity,
            unit: target.unit,
            container_delta: cDelta.toString(),
            draw_delta: dDelta.toString(),
            draw_id: target.draw_id,
            patient_id: target.patient_id,
            session_id: target.session_id,
            waste_from: target.waste_from,
            reason: req.body.reason,
            witness_user_id: witness.userId,
            details: JSON.stringify({ correctionOf: target.id }),
            corrects_entry_id: target.id,
            correction_kind: amended ? 'amendment' : 'reversal',
            occurred_at: target.occurred_at,
            recorded_at: now,
            recorded_by: a.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        const unit = await trx
          .selectFrom('cs_containers as c')
          .innerJoin('cs_products as p', 'p.id', 'c.product_id')
          .select('p.unit')
          .where('c.id', '=', target.container_id)
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'controlled_movement',
          resourceId: entry.id,
          patientId: target.patient_id,
          category: CATEGORY,
          details: { correction: entry.correction_kind, corrects: target.id, witness: witness.userId },
        });
        return { entry, balance: next.toString(), unit: unit.unit };
      });
      return reply.status(201).send({
        entry: toLedgerEntry(result.entry, result.balance),
        balance: result.balance,
        unit: result.unit,
      });
    },
  );
}
