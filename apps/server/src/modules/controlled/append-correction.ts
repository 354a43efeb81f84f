/**
 * Appends the correction of a ledger entry inside the caller's transaction: a new entry that references
 * the original; nothing is edited or deleted (21 CFR 1304.04, 1304.21; same semantics as the pure
 * `correctionOf`). Without `amended` the entry is reversed (its whole effect undone); with it, amended to
 * that quantity (the delta from the version in force). The co-signing witness has signed already. Used by
 * the register's corrections route and by a session's administration marked entered in error.
 */
import { randomUUID } from 'node:crypto';
import { Decimal } from '@plasticity/clinical/controlled';
import type { DB } from '@plasticity/db';
import { toJson } from '@plasticity/db';
import { type Kysely, type Selectable, sql } from 'kysely';
import { AppError, badField } from '../../platform/errors.ts';
import type { AuditActor, AuditWriter } from '../audit/audit-writer.ts';
import { CATEGORY, dec } from './stock-and-ledger.ts';
import type { Witness } from './witness.ts';

export type LedgerRow = Selectable<DB['cs_ledger']>;

export interface CorrectionInput {
  clinicId: string;
  userId: string;
  now: Date;
  target: LedgerRow;
  reason: string;
  witness: Witness;
  amended?: Decimal | undefined;
}

export async function appendCorrection(
  trx: Kysely<DB>,
  audit: AuditWriter,
  actor: AuditActor,
  input: CorrectionInput,
) {
  const { clinicId, target, amended } = input;
  await trx
    .selectFrom('cs_containers')
    .select('id')
    .where('clinic_id', '=', clinicId)
    .where('id', '=', target.container_id)
    .forUpdate()
    .execute();
  const versions = await trx
    .selectFrom('cs_ledger')
    .selectAll()
    .where('clinic_id', '=', clinicId)
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
  }>`select coalesce(sum(container_delta), 0)::text as b from cs_ledger where clinic_id = ${clinicId} and container_id = ${target.container_id}`.execute(
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
      throw new AppError('insufficient_balance', 'the draw would have more given and wasted than drawn', [
        { field: 'body.quantity', message: 'over-accounts the draw' },
      ]);
  }
  const entry = await trx
    .insertInto('cs_ledger')
    .values({
      id: randomUUID(),
      clinic_id: clinicId,
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
      reason: input.reason,
      witness_user_id: input.witness.userId,
      details: toJson({ correctionOf: target.id }),
      corrects_entry_id: target.id,
      correction_kind: amended ? 'amendment' : 'reversal',
      occurred_at: target.occurred_at,
      recorded_at: input.now,
      recorded_by: input.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const unit = await trx
    .selectFrom('cs_containers as c')
    .innerJoin('cs_products as p', 'p.id', 'c.product_id')
    .select('p.unit')
    .where('c.id', '=', target.container_id)
    .executeTakeFirstOrThrow();
  await audit.record(trx, actor, {
    action: 'create',
    resourceType: 'controlled_movement',
    resourceId: entry.id,
    patientId: target.patient_id,
    category: CATEGORY,
    details: { correction: entry.correction_kind, corrects: target.id, witness: input.witness.userId },
  });
  return { entry, balance: next.toString(), unit: unit.unit };
}
