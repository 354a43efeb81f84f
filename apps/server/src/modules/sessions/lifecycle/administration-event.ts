/**
 * POST /api/v1/sessions/{id}/administrations/{administrationId}/events — a later step of an infusion with
 * its time: pause, resume, rate change, stop (or an esketamine device). Roles: prescriber, nurse. 201 with
 * the session; 400 naming `body.at`/`body.kind` when the step does not fit the timeline (a resume while
 * running, anything after the stop, a time before the last step — `checkInfusionEvent`); 404 for another
 * session's or clinic's administration; 409 once the record is locked or the administration is entered in
 * error; a time more than the vitals' clock-skew allowance in the future is refused. A stop sets the administration's stop time. Each step keeps who recorded it and when; audited.
 */
import { checkInfusionEvent, type InfusionEvent } from '@plasticity/clinical/dosing';
import { AdministrationEventRequest, AdministrationParams, SessionRecord } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import { AppError, badField, notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { emitBoardEvent, sessionEvent } from '../board/hub.ts';
import { assertUnlocked, iso, loadSession } from '../shared/load.ts';
import { MAX_FUTURE_SKEW_MS } from '../vitals/ingest-readings.ts';
import { sessionDetail } from './session-detail.ts';

export function administrationEventRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/sessions/:id/administrations/:administrationId/events',
    {
      config: { policy: allow.roles('prescriber', 'nurse') },
      schema: {
        params: AdministrationParams,
        body: AdministrationEventRequest,
        response: { 201: SessionRecord },
        tags: ['sessions'],
      },
    },
    async (req, reply) => {
      const a = authOf(req);
      const b = req.body;
      const now = ctx.clock.now();
      const row = await ctx.db.transaction().execute(async (trx) => {
        const s = await loadSession(trx, a.clinicId, req.params.id, { forUpdate: true });
        assertUnlocked(s);
        const adm = await trx
          .selectFrom('session_administrations')
          .selectAll()
          .where('clinic_id', '=', a.clinicId)
          .where('session_id', '=', s.id)
          .where('id', '=', req.params.administrationId)
          .executeTakeFirst();
        if (!adm) throw notFound('administration');
        if (adm.entered_in_error_at)
          throw new AppError('conflict', 'this administration is marked entered in error');
        const record = {
          startedAt: iso(adm.started_at) as string,
          stoppedAt: iso(adm.stopped_at),
          events: adm.events as unknown[] as InfusionEvent[],
        };
        if (Date.parse(b.at) > now.getTime() + MAX_FUTURE_SKEW_MS)
          throw badField('body.at', 'is in the future');
        const problem = checkInfusionEvent(record, b);
        if (problem) throw badField(/rate/.test(problem) ? 'body.rateMlPerHour' : 'body.at', problem);
        const event = {
          ...b,
          recordedBy: a.userId,
          recordedAt: now.toISOString(),
        };
        await trx
          .updateTable('session_administrations')
          .set({
            events: toJson([...(adm.events ?? []), event]),
            ...(b.kind === 'stop' ? { stopped_at: b.at } : {}),
          })
          .where('clinic_id', '=', a.clinicId)
          .where('id', '=', adm.id)
          .execute();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'dosing_administration',
          resourceId: adm.id,
          patientId: s.patient_id,
          category: 'dosing_session',
          details: {
            event: b.kind,
            at: b.at,
            ...(b.rateMlPerHour !== undefined ? { rate: b.rateMlPerHour } : {}),
          },
        });
        await emitBoardEvent(trx, now, a.clinicId, sessionEvent(s));
        return s;
      });
      return reply.status(201).send(await sessionDetail(ctx.db, row, now));
    },
  );
}
