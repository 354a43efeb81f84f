/**
 * POST /api/v1/sessions/{id}/alerts/{alertId}/acknowledge {note} — a clinician acknowledges a vital-sign
 * alert of this session with a note. Writes the alerts module's table (same semantics as its
 * own ack route: audited, 409 when already acknowledged) and tells every board at once.
 */

import { AcknowledgeParams, AcknowledgeRequest, SessionAlert } from '@plasticity/contracts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { acknowledgeAlert } from '../../alerts/acknowledge.ts';
import { toAlert } from '../../alerts/alert-store.ts';
import { alertEvent, emitBoardEvent } from '../board/hub.ts';
import { loadSession } from '../shared/load.ts';
import { SOURCE_TYPE } from './raise-alerts.ts';

export function ackSessionAlertRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/sessions/:id/alerts/:alertId/acknowledge',
    {
      config: { policy: allow.roles('prescriber', 'nurse', 'therapist') },
      schema: {
        params: AcknowledgeParams,
        body: AcknowledgeRequest,
        response: { 200: SessionAlert },
        tags: ['sessions'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const now = ctx.clock.now();
      const row = await ctx.db.transaction().execute(async (trx) => {
        const s = await loadSession(trx, a.clinicId, req.params.id);
        const updated = await acknowledgeAlert(trx, ctx, actorOf(req), {
          clinicId: a.clinicId,
          alertId: req.params.alertId,
          userId: a.userId,
          note: req.body.note,
          source: { type: SOURCE_TYPE, id: s.id },
        });
        await emitBoardEvent(trx, now, a.clinicId, alertEvent(s.id, s.chair, toAlert(updated)));
        return updated;
      });
      return toAlert(row, a.displayName);
    },
  );
}
