/**
 * POST /api/v1/sessions {patientId, protocolId, planId?, scheduledAt, chair} — book a dosing session.
 * The protocol is resolved (clinic library, else cited defaults) and snapshotted into the session; a plan
 * given must be this patient's and for the protocol's drug and route (400 naming `body.planId`). A patient
 * has at most one open session (409 `conflict`; a unique partial index backs the check against races).
 */
import { drugRouteMismatch } from '@plasticity/clinical/protocols';
import { CreateSessionRequest, SessionRecord } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import { sql } from 'kysely';
import { AppError, badField } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow, PATIENT_EDITORS } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
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
      const row = await ctx.db.transaction().execute(async (trx) => {
        await lockPatient(trx, a.clinicId, b.patientId);
        const open = await trx
          .selectFrom('dosing_sessions')
          .select('id')
          .where('clinic_id', '=', a.clinicId)
          .where('patient_id', '=', b.patientId)
          .where('status', 'in', [...OPEN_STATUSES])
          .executeTakeFirst();
        if (open)
          throw new AppError('conflict', 'this patient already has an open session', [
            { field: 'body.patientId', message: 'has an open session', sessionId: open.id },
          ]);
        const inserted = await trx
          .insertInto('dosing_sessions')
          .values({
            clinic_id: a.clinicId,
            patient_id: b.patientId,
            protocol_id: b.protocolId,
            protocol_version: protocol.version,
            protocol: toJson(protocol),
            plan_id: b.planId ?? null,
            chair: b.chair,
            chair_id: await chairIdForName(trx, a.clinicId, b.chair),
            scheduled_at: b.scheduledAt,
            created_by: a.userId,
            created_at: now,
            updated_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'dosing_session',
          resourceId: inserted.id,
          patientId: b.patientId,
          category: 'dosing_session',
          details: { protocolId: b.protocolId, chair: b.chair },
        });
        await emitBoardEvent(trx, now, a.clinicId, sessionEvent({ ...inserted, chair: b.chair }));
        return inserted;
      });
      return reply.status(201).send(await sessionDetail(ctx.db, row, now));
    },
  );
}
