/**
 * POST /api/v1/alerts/{id}/ack {note} — a clinician (or the admin) acknowledges an open alert with a
 * note saying what was done (an alert is only acknowledged with a note). Acknowledging twice is a 409;
 * another clinic's alert is a 404. The acknowledgement is audited in the same transaction; a dosing
 * session's alert is also announced to the live board (`board_events`) in it.
 */
import { AckAlertRequest, Alert, IdParams } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow, CLINICAL_READERS } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { alertEvent, emitBoardEvent } from '../sessions/board/hub.ts';
import { SOURCE_TYPE as SESSION_ALERT_SOURCE } from '../sessions/vitals/raise-alerts.ts';
import { acknowledgeAlert } from './acknowledge.ts';
import { toAlert } from './alert-store.ts';

export function ackAlertRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/alerts/:id/ack',
    {
      config: { policy: allow.roles(...CLINICAL_READERS) },
      schema: { params: IdParams, body: AckAlertRequest, response: { 200: Alert }, tags: ['alerts'] },
    },
    async (req) => {
      const a = authOf(req);
      const row = await ctx.db.transaction().execute(async (trx) => {
        const updated = await acknowledgeAlert(trx, ctx, actorOf(req), {
          clinicId: a.clinicId,
          alertId: req.params.id,
          userId: a.userId,
          note: req.body.note,
        });
        // A dosing session's vital-sign alert acknowledged here leaves the live board at once, as it does
        // when acknowledged from the session page.
        if (updated.source_type === SESSION_ALERT_SOURCE && updated.source_id) {
          await emitBoardEvent(
            trx,
            ctx.clock.now(),
            a.clinicId,
            alertEvent(updated.source_id, null, toAlert(updated)),
          );
        }
        return updated;
      });
      return toAlert(row, a.displayName);
    },
  );
}
