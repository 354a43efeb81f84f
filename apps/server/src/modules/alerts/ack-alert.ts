/**
 * POST /api/v1/alerts/{id}/ack {note} — a clinician (or the admin) acknowledges an open alert with a
 * note saying what was done (issue 3 §4: "acknowledged with a note"). Acknowledging twice is a 409;
 * another clinic's alert is a 404. The acknowledgement is audited in the same transaction.
 */
import { AckAlertRequest, Alert, IdParams } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow, CLINICAL_READERS } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
import { acknowledgeAlert } from './acknowledge.ts';
import { toAlert } from './service.ts';

export function ackAlertRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/alerts/:id/ack',
    {
      config: { policy: allow.roles(...CLINICAL_READERS) },
      schema: { params: IdParams, body: AckAlertRequest, response: { 200: Alert }, tags: ['alerts'] },
    },
    async (req) => {
      const a = authOf(req);
      const row = await ctx.db.transaction().execute((trx) =>
        acknowledgeAlert(trx, ctx, actorOf(req), {
          clinicId: a.clinicId,
          alertId: req.params.id,
          userId: a.userId,
          note: req.body.note,
        }),
      );
      return toAlert(row);
    },
  );
}
