/**
 * POST /api/v1/appointments/{id}/check-in — the patient has arrived. For a dosing appointment this opens the
 * dosing session from it (patient, protocol — the appointment's, else its plan's —, plan, chair by name and
 * record, scheduled time = the appointment's start), already checked in (the patient is here: the step is
 * in the session's transitions, and the live board shows them in their chair), links both ways and answers
 * 201 with the session
 * (as POST /api/v1/sessions does; the live board announces it). Any other type answers 200 with the
 * appointment, checked in. All in one transaction. Roles: admin, prescriber, nurse, front desk. 404 for
 * another clinic's; 409 `illegal_transition` unless booked (checking in twice included); 409
 * `precondition_failed` naming `protocolId` when a dosing appointment has neither protocol nor plan; 409
 * `conflict` when the patient already has an open session. The pre-dose checklist still blocks dosing until
 * the plan is approved. A consultation, follow-up, integration or therapy visit is charged at check-in, in the same
 * transaction (access/billing/charge-visit.ts).
 */
import { Appointment, IdParams, SessionRecord } from '@plasticity/contracts';
import { AppError } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow, PATIENT_EDITORS } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { chargeVisit } from '../../access/billing/charge-visit.ts';
import { openSessionInTrx } from '../../sessions/lifecycle/create-session.ts';
import { sessionDetail } from '../../sessions/lifecycle/session-detail.ts';
import { lookupProtocol } from '../../sessions/shared/protocol-lookup.ts';
import { viewOne } from '../shared/appointment-view.ts';
import { type AppointmentRow, appointmentProtocolId, loadAppointment } from '../shared/load.ts';
import { recordChange } from './record-change.ts';

/** The session's chair text when the appointment names no chair. */
const NO_CHAIR = 'Unassigned';

export function checkInAppointmentRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/appointments/:id/check-in',
    {
      config: { policy: allow.roles(...PATIENT_EDITORS) },
      schema: {
        params: IdParams,
        response: { 200: Appointment, 201: SessionRecord },
        tags: ['scheduling'],
      },
    },
    async (req, reply) => {
      const a = authOf(req);
      const now = ctx.clock.now();
      const actor = actorOf(req);
      const out = await ctx.db.transaction().execute(async (trx) => {
        const cur = await loadAppointment(trx, a.clinicId, req.params.id, { forUpdate: true });
        if (cur.status !== 'booked')
          throw new AppError(
            'illegal_transition',
            cur.status === 'checked_in'
              ? 'the appointment is checked in already'
              : `only a booked appointment can be checked in (this one is ${cur.status.replace('_', ' ')})`,
          );
        let session: Awaited<ReturnType<typeof openSessionInTrx>> | null = null;
        if (cur.type === 'dosing') {
          const protocolId = await appointmentProtocolId(trx, a.clinicId, cur);
          const protocol = protocolId ? await lookupProtocol(trx, a.clinicId, protocolId) : null;
          if (!protocolId || !protocol)
            throw new AppError('precondition_failed', 'the appointment names no protocol to dose by', [
              { field: 'protocolId', message: 'set a protocol or a treatment plan on the appointment first' },
            ]);
          const chair = cur.chair_id
            ? await trx
                .selectFrom('chairs')
                .select('name')
                .where('clinic_id', '=', a.clinicId)
                .where('id', '=', cur.chair_id)
                .executeTakeFirst()
            : undefined;
          session = await openSessionInTrx(trx, ctx, actor, {
            clinicId: a.clinicId,
            userId: a.userId,
            patientId: cur.patient_id,
            protocolId,
            protocol,
            planId: cur.plan_id,
            chair: chair?.name ?? NO_CHAIR,
            chairId: cur.chair_id,
            appointmentId: cur.id,
            checkedIn: true,
            scheduledAt: new Date(cur.start_at),
            now,
          });
        }
        const done: AppointmentRow = await trx
          .updateTable('appointments')
          .set({
            status: 'checked_in',
            session_id: session?.id ?? null,
            status_changed_at: now,
            status_changed_by: a.userId,
            updated_at: now,
          })
          .where('clinic_id', '=', a.clinicId)
          .where('id', '=', cur.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        if (!session) {
          await chargeVisit(trx, ctx, actor, {
            clinicId: a.clinicId,
            appointmentId: cur.id,
            at: now,
            timeZone: a.timeZone,
            actorUserId: a.userId,
          });
        }
        await recordChange(trx, ctx, actor, done, {
          action: 'checked_in',
          at: now,
          details: session ? { sessionId: session.id } : {},
          audit: session ? { sessionId: session.id } : {},
        });
        return { done, session };
      });
      if (out.session) return reply.status(201).send(await sessionDetail(ctx.db, out.session, now));
      return reply.status(200).send(await viewOne(ctx.db, a.clinicId, a.timeZone, out.done));
    },
  );
}
