/**
 * POST /api/v1/controlled/movements — prescribers and nurses append one movement to the register.
 *
 * Order of refusals: unknown or another clinic's container → 404; a missing, wrong or
 * self witness → 400 `witness_invalid` (checked before any balance, so nobody learns the stock level
 * from an unsigned form); other bad fields → 400 naming them; a balance that would go below zero →
 * 409 `insufficient_balance`. The movement and its audit entry commit together.
 *
 * With an `idempotencyKey` (idempotency.ts), a retry answers first — before any check, so a witness's
 * one-time code is not asked for again — with the first answer and records nothing; the same key on a
 * different request is 409 `conflict` naming it. Without one, nothing changes.
 */
import { MOVEMENT_RULES } from '@plasticity/clinical/controlled';
import { CreateMovementRequest, MovementResponse } from '@plasticity/contracts';
import { notFound } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { claimKey, KeyTaken, requestHash, storeAnswer, storedAnswer } from './idempotency.ts';
import { recordAuditedMovement } from './record-movement.ts';
import { MOVERS, toLedgerEntry } from './stock-and-ledger.ts';
import { verifyWitness, type Witness } from './witness.ts';

export function createMovementRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/controlled/movements',
    {
      config: { policy: allow.roles(...MOVERS) },
      schema: { body: CreateMovementRequest, response: { 201: MovementResponse }, tags: ['controlled'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const body = req.body;
      const key = body.idempotencyKey;
      const hash = key ? requestHash(body) : '';
      if (key) {
        const first = await storedAnswer(ctx.db, a.clinicId, key, hash);
        if (first) return reply.status(201).send(MovementResponse.parse(first));
      }
      const exists = await ctx.db
        .selectFrom('cs_containers')
        .select('id')
        .where('clinic_id', '=', a.clinicId)
        .where('id', '=', body.containerId)
        .executeTakeFirst();
      if (!exists) throw notFound('container');
      const witnesses: Witness[] = [];
      const needed = MOVEMENT_RULES[body.type].witnesses;
      if (needed >= 1) witnesses.push(await verifyWitness(ctx, req, body.witness, 'body.witness'));
      if (needed >= 2)
        witnesses.push(
          await verifyWitness(
            ctx,
            req,
            body.witness2,
            'body.witness2',
            witnesses.map((w) => w.userId),
          ),
        );
      const now = ctx.clock.now();
      try {
        const answer = await ctx.db.transaction().execute(async (trx) => {
          if (key) await claimKey(trx, { clinicId: a.clinicId, key, hash, userId: a.userId, now });
          const result = await recordAuditedMovement(trx, ctx.audit, actorOf(req), {
            clinicId: a.clinicId,
            actorUserId: a.userId,
            now,
            body,
            witnesses,
          });
          const out = {
            entry: toLedgerEntry(result.entry, result.balance),
            balance: result.balance,
            unit: result.unit,
          };
          if (key)
            await storeAnswer(trx, a.clinicId, key, {
              body: out,
              ledgerEntryId: result.entry.id,
            });
          return out;
        });
        return reply.status(201).send(answer);
      } catch (e) {
        if (!(e instanceof KeyTaken) || !key) throw e;
        // A concurrent request with the same key committed first: its answer is this one's.
        const first = await storedAnswer(ctx.db, a.clinicId, key, hash);
        if (!first) throw e;
        return reply.status(201).send(MovementResponse.parse(first));
      }
    },
  );
}
