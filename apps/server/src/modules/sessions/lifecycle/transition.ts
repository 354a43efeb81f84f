/**
 * POST /api/v1/sessions/{id}/transition {to, overrideReason?, reason?} — move a session to its next phase.
 *
 * An illegal move is 409 `illegal_transition` naming from and to, and changes nothing. A move whose
 * preconditions fail is 409 `precondition_failed` listing each failing item (dosing: the blocking checklist
 * items, docs/clinical-sources.md#pre-dose-checklist-and-fasting; monitoring: a recorded administration;
 * discharge: `evaluateDischarge`, docs/clinical-sources.md#discharge and SPRAVATO REMS 386). A prescriber's
 * `overrideReason` passes them; each overridden item is stored with the reason on the transition — except
 * checklist items that found a record for another drug or route (details carry `overridable: false`), which
 * no override passes. Only prescribers may override. Cancel/abort need a `reason`.
 * Who and when are recorded; discharge, cancel and abort lock the record (later changes are addenda). A
 * discharge adds the session's charge lines in the same transaction (access/billing/charge-session.ts).
 */
import { IdParams, SessionRecord, type SessionStatus, TransitionRequest } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import { AppError, badField } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { chargeDischargedSession } from '../../access/billing/charge-session.ts';
import { emitBoardEvent, sessionEvent } from '../board/hub.ts';
import { evaluateSessionDischarge } from '../discharge/discharge-state.ts';
import { type Executor, loadSession, type SessionRow } from '../shared/load.ts';
import { evaluateChecklist } from './checklist.ts';
import { sessionDetail } from './session-detail.ts';
import { isAllowed, NEEDS_REASON, TERMINAL } from './transitions.ts';

interface Failing {
  key: string;
  message: string;
  /** False: no override passes it (a checklist record for another drug or route). */
  overridable?: boolean;
}

/** Preconditions of a target phase; empty when met. */
async function preconditions(db: Executor, s: SessionRow, to: SessionStatus, now: Date): Promise<Failing[]> {
  if (to === 'dosing') {
    return (await evaluateChecklist(db, s, now))
      .filter((i) => i.blocking && !i.passed)
      .map((i) => ({
        key: `checklist.${i.key}`,
        message: i.message,
        ...(i.overridable ? {} : { overridable: false }),
      }));
  }
  if (to === 'monitoring') {
    const adm = await db
      .selectFrom('session_administrations')
      .select('id')
      .where('session_id', '=', s.id)
      .where('entered_in_error_at', 'is', null)
      .executeTakeFirst();
    return adm ? [] : [{ key: 'administration', message: 'no administration recorded' }];
  }
  if (to === 'discharged') {
    return (await evaluateSessionDischarge(db, s, now)).failing.map((f) => ({
      key: `discharge.${f.key}`,
      message: f.message,
    }));
  }
  return [];
}

export function transitionRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/sessions/:id/transition',
    {
      config: { policy: allow.roles('prescriber', 'nurse', 'front_desk') },
      schema: {
        params: IdParams,
        body: TransitionRequest,
        response: { 200: SessionRecord },
        tags: ['sessions'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const { to, overrideReason, reason } = req.body;
      const now = ctx.clock.now();
      const updated = await ctx.db.transaction().execute(async (trx) => {
        const s = await loadSession(trx, a.clinicId, req.params.id, { forUpdate: true });
        const from = s.status as SessionStatus;
        if (!isAllowed(from, to)) {
          throw new AppError('illegal_transition', `cannot move a session from ${from} to ${to}`, [
            { field: 'body.to', message: `not allowed from ${from}`, from, to },
          ]);
        }
        if (a.role === 'front_desk' && !['checked_in', 'cancelled'].includes(to)) {
          throw new AppError('forbidden', 'front desk may only check a patient in or cancel');
        }
        if (NEEDS_REASON.includes(to) && !reason)
          throw badField('body.reason', `is required to mark a session ${to}`);
        if (overrideReason && a.role !== 'prescriber') {
          throw new AppError('forbidden', 'only a prescriber may override preconditions', [
            { field: 'body.overrideReason', message: 'prescribers only' },
          ]);
        }
        const failing = await preconditions(trx, s, to, now);
        const fixed = failing.filter((f) => f.overridable === false);
        if (fixed.length && overrideReason) {
          throw new AppError(
            'precondition_failed',
            `cannot move to ${to}, even with an override: ${fixed.map((f) => f.message).join('; ')}`,
            fixed.map((f) => ({ field: f.key, message: f.message, overridable: false })),
          );
        }
        if (failing.length && !overrideReason) {
          throw new AppError(
            'precondition_failed',
            `cannot move to ${to}: ${failing.map((f) => f.message).join('; ')}`,
            failing.map((f) => ({
              field: f.key,
              message: f.message,
              ...(f.overridable === false ? { overridable: false } : {}),
            })),
          );
        }
        const row = await trx
          .updateTable('dosing_sessions')
          .set({
            status: to,
            updated_at: now,
            ...(reason ? { status_reason: reason } : {}),
            ...(to === 'discharged' ? { discharged_at: now } : {}),
            ...(TERMINAL.includes(to) ? { locked_at: now } : {}),
          })
          .where('id', '=', s.id)
          .where('clinic_id', '=', a.clinicId)
          .returningAll()
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('session_transitions')
          .values({
            clinic_id: a.clinicId,
            session_id: s.id,
            from_status: from,
            to_status: to,
            at: now,
            by_user_id: a.userId,
            reason: reason ?? null,
            override_reason: failing.length ? (overrideReason ?? null) : null,
            overridden: failing.length ? toJson(failing) : null,
          })
          .execute();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'dosing_session',
          resourceId: s.id,
          patientId: s.patient_id,
          category: 'dosing_session',
          details: { from, to, overridden: failing.map((f) => f.key) },
        });
        if (to === 'discharged') {
          await chargeDischargedSession(trx, ctx, actorOf(req), {
            clinicId: a.clinicId,
            sessionId: s.id,
            at: now,
            timeZone: a.timeZone,
            actorUserId: a.userId,
          });
        }
        await emitBoardEvent(trx, now, a.clinicId, sessionEvent({ ...s, status: to }));
        return row;
      });
      return sessionDetail(ctx.db, updated, now);
    },
  );
}
