/**
 * POST /api/v1/sessions {patientId, protocolId, planId?, scheduledAt, chair} — book a dosing session.
 * The protocol is resolved (clinic library, else cited defaults) and snapshotted into the session; a plan
 * given must be this patient's and for the protocol's drug and route (400 naming `body.planId`). A patient
 * has at most one open session (409 `conflict`; a unique partial index backs the check against races).
 */
import { drugRouteMismatch, type Protocol } from '@plasticity/clinical/protocols';
import { CreateSessionRequest, SessionRecord } from '@plasticity/contracts';
import { type DB, toJson } from '@plasticity/db';
import { type Kysely, type Selectable, sql } from 'kysely';
import { AppError, badField } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow, PATIENT_EDITORS } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import type { AuditActor } from '../../audit/audit-writer.ts';
import { emitBoardEvent, sessionEvent } from '../board/hub.ts';
import { chairIdForName } from '../shared/chair-link.ts';
import { OPEN_STATUSES } from '../shared/load.ts';
import { lookupProtocol } from '../shared/protocol-lookup.ts';
import { lockPatient } from './checklist.ts';
import { sessionDetail } from './session-detail.ts';

export function createSessionRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/sessions',
    {
      config: { policy: allow.roles(...PATIENT_EDITORS) },
      schema: { body: CreateSessionRequest, response: { 201: SessionRecord }, tags: ['sessions'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const b = req.body;
      const patient = await ctx.db
        .selectFrom('patients')
        .select('id')
        .where('clinic_id', '=', a.clinicId)
        .where('id', '=', b.patientId)
        .executeTakeFirst();
      if (!patient)
        throw new AppError('not_found', 'patient not found', [
          { field: 'body.patientId', message: 'no such patient in this clinic' },
        ]);
      const protocol = await lookupProtocol(ctx.db, a.clinicId, b.protocolId);
      if (!protocol) throw badField('body.protocolId', 'no such protocol');
      if (b.planId) {
        const plan = (
          await sql<{ drug: string; route: string }>`select pp.drug, pp.route from plan_treatment_plans tp
                       join plan_protocols pp on pp.id = tp.protocol_id and pp.clinic_id = tp.clinic_id
                       where tp.clinic_id = ${a.clinicId} and tp.patient_id = ${b.patientId}
                         and tp.id = ${b.planId}`.execute(ctx.db)
        ).rows[0];
        if (!plan) throw badField('body.planId', "is not one of this patient's treatment plans");
        const mismatch = drugRouteMismatch('the plan', plan, protocol);
        if (mismatch) throw badField('body.planId', mismatch);
      }
      const now = ctx.clock.now();
      const row = await ctx.db.transaction().execute((trx) =>
        openSessionInTrx(trx, ctx, actorOf(req), {
          clinicId: a.clinicId,
          userId: a.userId,
          patientId: b.patientId,
          protocolId: b.protocolId,
          protocol,
          planId: b.planId ?? null,
          chair: b.chair,
          scheduledAt: b.scheduledAt,
          now,
        }),
      );
      return reply.status(201).send(await sessionDetail(ctx.db, row, now));
    },
  );
}

export interface OpenSessionInput {
  clinicId: string;
  userId: string;
  patientId: string;
  protocolId: string;
  /** The protocol resolved from `protocolId` (snapshotted into the session). */
  protocol: Protocol;
  planId: string | null;
  /** The chair as text (the board's label), and its record when known. */
  chair: string;
  chairId?: string | null;
  /** The appointment the session is opened from (check-in). */
  appointmentId?: string | null;
  /** The patient is here (an appointment's check-in): the session starts checked in, the step recorded. */
  checkedIn?: boolean;
  scheduledAt: Date | string;
  now: Date;
}

/**
 * The transactional core of opening a dosing session (POST /api/v1/sessions and an appointment's check-in):
 * one open session per patient (409 `conflict`, under the patient's lock), the insert with the protocol's
 * snapshot, the audit entry and the board's session event — all on `trx`.
 */
export async function openSessionInTrx(
  trx: Kysely<DB>,
  ctx: ModuleContext,
  actor: AuditActor,
  i: OpenSessionInput,
): Promise<Selectable<DB['dosing_sessions']>> {
  await lockPatient(trx, i.clinicId, i.patientId);
  const open = await trx
    .selectFrom('dosing_sessions')
    .select('id')
    .where('clinic_id', '=', i.clinicId)
    .where('patient_id', '=', i.patientId)
    .where('status', 'in', [...OPEN_STATUSES])
    .executeTakeFirst();
  if (open)
    throw new AppError('conflict', 'this patient already has an open session', [
      { field: 'body.patientId', message: 'has an open session', sessionId: open.id },
    ]);
  const inserted = await trx
    .insertInto('dosing_sessions')
    .values({
      clinic_id: i.clinicId,
      patient_id: i.patientId,
      protocol_id: i.protocolId,
      protocol_version: i.protocol.version,
      protocol: toJson(i.protocol),
      plan_id: i.planId,
      chair: i.chair,
      // A chair named as text is linked to the clinic's chair record of that name, when there is one.
      chair_id: i.chairId ?? (await chairIdForName(trx, i.clinicId, i.chair)),
      ...(i.appointmentId ? { appointment_id: i.appointmentId } : {}),
      scheduled_at: i.scheduledAt,
      ...(i.checkedIn ? { status: 'checked_in' as const } : {}),
      created_by: i.userId,
      created_at: i.now,
      updated_at: i.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  if (i.checkedIn)
    await trx
      .insertInto('session_transitions')
      .values({
        clinic_id: i.clinicId,
        session_id: inserted.id,
        from_status: 'scheduled',
        to_status: 'checked_in',
        at: i.now,
        by_user_id: i.userId,
        reason: null,
        override_reason: null,
        overridden: null,
      })
      .execute();
  await ctx.audit.record(trx, actor, {
    action: 'create',
    resourceType: 'dosing_session',
    resourceId: inserted.id,
    patientId: i.patientId,
    category: 'dosing_session',
    details: {
      protocolId: i.protocolId,
      chair: i.chair,
      ...(i.appointmentId ? { appointmentId: i.appointmentId } : {}),
    },
  });
  await emitBoardEvent(trx, i.now, i.clinicId, sessionEvent({ ...inserted, chair: i.chair }));
  return inserted;
}
