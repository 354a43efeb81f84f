/**
 * The register side of an administration: when a dose names the container it was drawn from, the
 * controlled-substance register gets a `draw` for this session and patient, the `administer` of what was
 * given out of that draw and, when more was drawn than given, a `waste` of the remainder co-signed by a
 * witness (docs/clinical-sources.md#register-practice: drawn / given / wasted, two signatures on waste). The
 * entries are appended by the controlled module's own `recordAuditedMovement` inside the administration's
 * transaction, so a refusal of any step (balance, status, witness) stores nothing.
 *
 * Field names in refusals are the administration request's: the register's `body.quantity` of the draw
 * becomes `body.drawnMl` (or `body.volumeMl` / `body.doseMg`), its `body.witness` `body.wasteWitness`.
 */
import { type DoseDraw, planDoseDraw, productIsDrug } from '@plasticity/clinical/controlled';
import type { AdministrationRequest, CreateMovementRequest } from '@plasticity/contracts';
import type { FastifyRequest } from 'fastify';
import { AppError, badField } from '../../../platform/errors.ts';
import type { ModuleContext } from '../../../platform/module.ts';
import type { AuditActor } from '../../audit/audit-writer.ts';
import { recordAuditedMovement } from '../../controlled/record-movement.ts';
import { dec, type StockRow, stockQuery } from '../../controlled/stock-and-ledger.ts';
import { verifyWitness, type Witness } from '../../controlled/witness.ts';
import type { Executor } from '../shared/load.ts';

/** Reason on the waste entry when the request gives none. */
export const DEFAULT_WASTE_REASON = 'Remainder of the drawn dose, not administered';

export interface RegisterDose {
  container: StockRow;
  draw: DoseDraw;
}

export interface RegisterEntryIds {
  drawId: string;
  administerId: string;
  wasteId: string | null;
}

/**
 * Checks the register part of the request without writing: a container of this clinic (400 otherwise),
 * a product of the protocol's drug, and quantities that add up in the container's unit (for a vial,
 * volume × concentration = dose). Null when the dose names no container.
 */
export async function planRegisterDose(
  db: Executor,
  clinicId: string,
  drug: string,
  b: AdministrationRequest,
): Promise<RegisterDose | null> {
  if (!b.containerId) {
    if (b.drawnMl !== undefined)
      throw badField('body.drawnMl', 'is recorded in the register: name the container it was drawn from');
    if (b.wasteWitness)
      throw badField('body.wasteWitness', 'signs a register waste: name the container it was drawn from');
    return null;
  }
  const container = await stockQuery(db, clinicId).where('c.id', '=', b.containerId).executeTakeFirst();
  if (!container) throw badField('body.containerId', 'is not a container in this clinic’s register');
  if (!productIsDrug(container.drug, drug))
    throw badField('body.containerId', `holds ${container.drug}; this session’s protocol gives ${drug}`);
  const plan = planDoseDraw({
    unit: container.unit,
    concentrationMgPerMl:
      container.concentration_mg_per_ml === null ? null : dec(container.concentration_mg_per_ml),
    doseMg: b.doseMg,
    volumeMl: b.volumeMl,
    drawnMl: b.drawnMl,
    statedConcentrationMgPerMl: b.concentrationMgPerMl,
  });
  if (!plan.ok) {
    const details = plan.errors.map((e) => ({ field: `body.${e.field}`, message: e.message }));
    throw new AppError(
      'validation_failed',
      details.map((d) => `${d.field}: ${d.message}`).join('; '),
      details,
    );
  }
  return { container, draw: plan.draw };
}

/**
 * The waste's co-signature, verified before the administration's transaction (a failed attempt counts
 * toward the witness's lockout in its own transaction). No remainder, no witness.
 */
export async function signWaste(
  ctx: ModuleContext,
  req: FastifyRequest,
  plan: RegisterDose | null,
  b: AdministrationRequest,
): Promise<Witness[]> {
  if (!plan || plan.draw.waste.isZero()) return [];
  return [await verifyWitness(ctx, req, b.wasteWitness, 'body.wasteWitness')];
}

/** Re-labels a register refusal with the administration request's field names. */
function relabel(e: unknown, fields: Record<string, string>): unknown {
  if (!(e instanceof AppError) || !e.details) return e;
  const details = e.details.map((d) => ({ ...d, field: d.field ? (fields[d.field] ?? d.field) : d.field }));
  const message =
    e.code === 'validation_failed' ? details.map((d) => `${d.field}: ${d.message}`).join('; ') : e.message;
  return new AppError(e.code, message, details);
}

export interface AppendInput {
  clinicId: string;
  userId: string;
  now: Date;
  sessionId: string;
  patientId: string;
  route: string;
  plan: RegisterDose;
  witnesses: Witness[];
  body: AdministrationRequest;
}

/** Appends draw, administer and (when there is a remainder) waste on `trx`; returns their ledger ids. */
export async function appendRegisterDose(
  trx: Executor,
  ctx: ModuleContext,
  actor: AuditActor,
  input: AppendInput,
): Promise<RegisterEntryIds> {
  const { plan, body: b } = input;
  const { draw } = plan;
  const givenField = draw.unit === 'mg' ? 'body.doseMg' : 'body.volumeMl';
  const common = {
    'body.containerId': 'body.containerId',
    'body.unit': 'body.containerId',
    'body.witness': 'body.wasteWitness',
    'body.patientId': 'session',
  };
  const step = async (
    body: CreateMovementRequest,
    fields: Record<string, string>,
    witnesses: Witness[] = [],
  ) => {
    try {
      return await recordAuditedMovement(trx, ctx.audit, actor, {
        clinicId: input.clinicId,
        actorUserId: input.userId,
        now: input.now,
        body,
        witnesses,
      });
    } catch (e) {
      throw relabel(e, { ...common, ...fields });
    }
  };
  const base = {
    containerId: plan.container.id,
    unit: draw.unit as 'mg' | 'mL',
    patientId: input.patientId,
    sessionId: input.sessionId,
  };
  const drawn = await step(
    { ...base, type: 'draw', quantity: draw.drawn.toString(), occurredAt: b.startedAt },
    {
      'body.quantity': b.drawnMl !== undefined ? 'body.drawnMl' : givenField,
      'body.occurredAt': 'body.startedAt',
    },
  );
  const drawId = drawn.entry.id;
  const given = await step(
    {
      ...base,
      type: 'administer',
      quantity: draw.given.toString(),
      drawId,
      route: input.route,
      occurredAt: b.startedAt,
    },
    { 'body.quantity': givenField, 'body.occurredAt': 'body.startedAt' },
  );
  let wasteId: string | null = null;
  if (!draw.waste.isZero()) {
    const waste = await step(
      {
        ...base,
        type: 'waste',
        from: 'draw',
        drawId,
        quantity: draw.waste.toString(),
        reason: b.wasteReason ?? DEFAULT_WASTE_REASON,
        occurredAt: b.stoppedAt ?? b.startedAt,
      },
      {
        'body.quantity': 'body.drawnMl',
        'body.reason': 'body.wasteReason',
        'body.occurredAt': 'body.stoppedAt',
      },
      input.witnesses,
    );
    wasteId = waste.entry.id;
  }
  return { drawId, administerId: given.entry.id, wasteId };
}
