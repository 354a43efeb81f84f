/**
 * Appends one movement to the ledger inside the caller's transaction, after the witnesses signed.
 *
 * Concurrency: the container row is locked (`select … for update`) before its balance is
 * summed from the ledger, so concurrent draws against one vial are serialized and none can take the
 * balance below zero (21 CFR 1304.21: records complete and accurate). Validation is the pure
 * `checkMovement` (witnesses → fields → quantity/unit → consistency → status → balance); balance
 * refusals answer 409 `insufficient_balance`, everything else 400 naming the field.
 */
import { randomUUID } from 'node:crypto';
import {
  checkMovement,
  containerDelta,
  Decimal,
  drawDelta,
  type FieldError,
  type MovementContext,
  type MovementDraft,
} from '@plasticity/clinical/controlled';
import type { CreateMovementRequest } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import { toJson } from '@plasticity/db';
import { type Kysely, sql } from 'kysely';
import { AppError, notFound } from '../../platform/errors.ts';
import type { AuditActor, AuditWriter } from '../audit/audit-writer.ts';
import { withDefaults } from './defaults.ts';
import { CATEGORY, clinicInfo, dec, statusOf, stockQuery, todayIn } from './stock-and-ledger.ts';
import type { Witness } from './witness.ts';

export interface RecordInput {
  clinicId: string;
  actorUserId: string;
  now: Date;
  body: CreateMovementRequest;
  witnesses: Witness[];
  /** Set on correction entries. */
  correction?: {
    correctsEntryId: string;
    kind: 'reversal' | 'amendment';
    containerDelta: Decimal;
    drawDelta: Decimal;
    drawId: string | null;
  };
}

/** Maps a pure-validation field path onto the request body. */
function fieldOf(path: string): string {
  if (path.startsWith('supplier.')) return 'body.supplierId';
  if (path.startsWith('container.')) return 'body.containerId';
  if (path === 'witnessUserId' || path === 'witnessUserIds.0') return 'body.witness';
  if (path.startsWith('witnessUserIds')) return 'body.witness2';
  if (path === 'actor') return 'session';
  return `body.${path}`;
}

const BALANCE_CODES = new Set(['would_go_negative', 'exceeds_draw_outstanding']);

function throwFor(errors: readonly FieldError[], status: string): never {
  const balance = errors.filter(
    (e) => BALANCE_CODES.has(e.code) || (e.code === 'container_status' && status === 'empty'),
  );
  const rest = errors.filter((e) => !balance.includes(e));
  const details = (list: readonly FieldError[]) =>
    list.map((e) => ({ field: fieldOf(e.field), message: e.message, code: e.code }));
  if (rest.length === 0 && balance.length > 0) {
    throw new AppError('insufficient_balance', balance.map((e) => e.message).join('; '), details(balance));
  }
  if (rest.every((e) => e.code === 'container_status'))
    throw new AppError('illegal_transition', rest.map((e) => e.message).join('; '), details(rest));
  throw new AppError(
    'validation_failed',
    rest.map((e) => `${fieldOf(e.field)}: ${e.message}`).join('; '),
    details(rest),
  );
}

export async function recordMovement(trx: Kysely<DB>, input: RecordInput) {
  const { clinicId } = input;
  // 1. Serialize on the container row (PGlite runs one transaction at a time; on PostgreSQL this is the lock).
  const locked = await trx
    .selectFrom('cs_containers')
    .select(['id', 'location_id'])
    .where('clinic_id', '=', clinicId)
    .where('id', '=', input.body.containerId)
    .forUpdate()
    .executeTakeFirst();
  if (!locked) throw notFound('container');
  const body = input.correction ? input.body : await withDefaults(trx, clinicId, input.body);
  const info = await clinicInfo(trx, clinicId);
  const row = await stockQuery(trx, clinicId).where('c.id', '=', body.containerId).executeTakeFirstOrThrow();
  const status = statusOf(row, todayIn(input.now, info.timeZone), info.timeZone, info.settings);

  // 2. What the ledger knows about the draw this movement accounts against.
  const from = body.type === 'waste' ? (body.from ?? (body.drawId ? 'draw' : 'container')) : undefined;
  const usesDraw = body.type === 'administer' || (body.type === 'waste' && from === 'draw');
  let draw: MovementContext['draw'];
  let patientId = body.patientId;
  if (usesDraw && body.drawId) {
    const d = await trx
      .selectFrom('cs_ledger')
      .select(['container_id', 'patient_id'])
      .select(
        sql<string>`(select coalesce(sum(x.draw_delta), 0)::text from cs_ledger x where x.draw_id = cs_ledger.id)`.as(
          'outstanding',
        ),
      )
      .where('clinic_id', '=', clinicId)
      .where('id', '=', body.drawId)
      .where('type', '=', 'draw')
      .where('corrects_entry_id', 'is', null)
      .executeTakeFirst();
    draw = d
      ? { containerId: d.container_id, patientId: d.patient_id ?? '', outstanding: dec(d.outstanding) }
      : null;
    if (d && !patientId) patientId = d.patient_id ?? undefined;
  }

  // 3. Reference data named by the movement.
  let supplier: { name: string; address: string; dea_number: string } | undefined;
  if (body.supplierId) {
    supplier = await trx
      .selectFrom('cs_suppliers')
      .select(['name', 'address', 'dea_number'])
      .where('clinic_id', '=', clinicId)
      .where('id', '=', body.supplierId)
      .executeTakeFirst();
    if (!supplier)
      throw new AppError('validation_failed', 'body.supplierId: no such supplier in this clinic', [
        { field: 'body.supplierId', message: 'no such supplier in this clinic' },
      ]);
  }
  if (body.toLocationId) {
    const loc = await trx
      .selectFrom('cs_locations')
      .select('id')
      .where('clinic_id', '=', clinicId)
      .where('id', '=', body.toLocationId)
      .executeTakeFirst();
    if (!loc)
      throw new AppError('validation_failed', 'body.toLocationId: no such location in this clinic', [
        { field: 'body.toLocationId', message: 'no such location in this clinic' },
      ]);
  }
  if (patientId) {
    const p = await trx
      .selectFrom('patients')
      .select('id')
      .where('clinic_id', '=', clinicId)
      .where('id', '=', patientId)
      .executeTakeFirst();
    if (!p)
      throw new AppError('validation_failed', 'body.patientId: no such patient in this clinic', [
        { field: 'body.patientId', message: 'no such patient in this clinic' },
      ]);
  }

  // 4. Pure validation.
  const noQuantity = body.type === 'open' || body.type === 'transfer';
  const occurredAt = body.occurredAt ?? input.now.toISOString();
  const draft: MovementDraft = {
    type: body.type,
    containerId: body.containerId,
    occurredAt,
    ...(noQuantity || body.quantity === undefined ? {} : { quantity: body.quantity }),
    ...(noQuantity || body.unit === undefined ? {} : { unit: body.unit }),
    ...(patientId ? { patientId } : {}),
    ...(body.sessionId ? { sessionId: body.sessionId } : {}),
    ...(body.drawId ? { drawId: body.drawId } : {}),
    ...(body.route ? { route: body.route } : {}),
    ...(from ? { from } : {}),
    ...(body.reason ? { reason: body.reason } : {}),
    ...(input.witnesses[0] ? { witnessUserId: input.witnesses[0].userId } : {}),
    ...(body.type === 'destroy' ? { witnessUserIds: input.witnesses.map((w) => w.userId) } : {}),
    ...(supplier
      ? { supplier: { name: supplier.name, address: supplier.address, deaNumber: supplier.dea_number } }
      : {}),
    ...(body.invoice ? { invoiceNumber: body.invoice } : {}),
    container: {
      ndc: row.ndc,
      lot: row.lot,
      expiresOn: row.expires_on,
      locationId: row.location_id,
      form: row.form,
    },
    ...(body.recipient ? { recipient: body.recipient } : {}),
    ...(body.toLocationId ? { toLocationId: body.toLocationId } : {}),
    ...(body.dea41
      ? {
          dea41: {
            destroyedOn: body.dea41.destroyedOn,
            method: body.dea41.method,
            witnessNames: body.dea41.witnessNames ?? input.witnesses.map((w) => w.displayName),
            ndc: row.ndc,
            form: body.dea41.form ?? row.form,
            ...(body.dea41.location ? { location: body.dea41.location } : { location: row.location_name }),
          },
        }
      : {}),
  };
  const balance = dec(row.balance);
  const context: MovementContext =
    body.type === 'receipt'
      ? {}
      : {
          container: { unit: row.unit, status, balance, ndc: row.ndc },
          ...(usesDraw && body.drawId ? { draw } : {}),
        };
  const checked = checkMovement(draft, input.actorUserId, context);
  if (!checked.ok) throwFor(checked.errors, status);
  if (body.type === 'receipt' && body.unit !== row.unit) {
    throw new AppError('validation_failed', `body.unit: the container is counted in ${row.unit}`, [
      { field: 'body.unit', message: `the container is counted in ${row.unit}` },
    ]);
  }
  const m = checked.movement;
  const cDelta = input.correction ? input.correction.containerDelta : Decimal.fromScaled(containerDelta(m));
  const dDelta = input.correction ? input.correction.drawDelta : Decimal.fromScaled(drawDelta(m));
  const next = balance.add(cDelta);
  if (next.isNegative())
    throw new AppError(
      'insufficient_balance',
      `only ${balance.toString()} ${row.unit} left in the container`,
      [{ field: 'body.quantity', message: 'would take the balance below zero' }],
    );

  // 5. Append.
  const id = randomUUID();
  const quantity = 'quantity' in m ? m.quantity.toString() : null;
  const drawId = input.correction
    ? input.correction.drawId
    : m.type === 'draw'
      ? id
      : usesDraw
        ? (body.drawId ?? null)
        : null;
  const entry = await trx
    .insertInto('cs_ledger')
    .values({
      id,
      clinic_id: clinicId,
      container_id: body.containerId,
      type: body.type,
      quantity,
      unit: quantity === null ? null : row.unit,
      container_delta: cDelta.toString(),
      draw_delta: dDelta.toString(),
      draw_id: drawId,
      patient_id: patientId ?? null,
      session_id: body.sessionId ?? null,
      waste_from: from ?? null,
      reason: body.reason ?? null,
      witness_user_id: input.witnesses[0]?.userId ?? null,
      witness2_user_id: input.witnesses[1]?.userId ?? null,
      from_location_id: body.type === 'transfer' ? locked.location_id : null,
      to_location_id: body.toLocationId ?? null,
      supplier_id: body.supplierId ?? null,
      invoice: body.invoice ?? null,
      details: toJson({
        ...(body.recipient ? { recipient: body.recipient } : {}),
        ...(m.type === 'destroy' ? { dea41: m.dea41 } : {}),
        ...(body.route ? { route: body.route } : {}),
      }),
      corrects_entry_id: input.correction?.correctsEntryId ?? null,
      correction_kind: input.correction?.kind ?? null,
      occurred_at: occurredAt,
      recorded_at: input.now,
      recorded_by: input.actorUserId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (body.type === 'transfer' && body.toLocationId && !input.correction) {
    await trx
      .updateTable('cs_containers')
      .set({ location_id: body.toLocationId })
      .where('clinic_id', '=', clinicId)
      .where('id', '=', body.containerId)
      .execute();
  }
  return { entry, balance: next.toString(), unit: row.unit, patientId: patientId ?? null };
}

/**
 * `recordMovement` and its audit entry on the same transaction — how every caller outside a correction
 * appends to the register (the movements API, and a session's administration record).
 */
export async function recordAuditedMovement(
  trx: Kysely<DB>,
  audit: AuditWriter,
  actor: AuditActor,
  input: RecordInput,
) {
  const r = await recordMovement(trx, input);
  await audit.record(trx, actor, {
    action: 'create',
    resourceType: 'controlled_movement',
    resourceId: r.entry.id,
    patientId: r.patientId,
    category: CATEGORY,
    details: {
      type: input.body.type,
      containerId: input.body.containerId,
      quantity: r.entry.quantity,
      unit: r.entry.unit,
      witnesses: input.witnesses.map((w) => w.userId),
      ...(input.body.sessionId ? { sessionId: input.body.sessionId } : {}),
    },
  });
  return r;
}
