/**
 * POST /api/v1/alerts/{id}/ack {note} — a clinician (or the admin) acknowledges an open alert with a
 * note saying what was done (issue 3 §4: "acknowledged with a note"). Acknowledging twice is a 409;
 * another clinic's alert is a 404. The acknowledgement is audited in the same transaction.
 */
import { AckAlertRequest, Alert, IdParams } from '@plasticity/contracts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../platform/module.ts';
import { allow, CLINICAL_READERS } from '../../platform/policy.ts';
import { actorOf, authOf } from '../../platform/request-context.ts';
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
      const row = await ctx.db.transaction().execute(async (trx) => {
        const now = ctx.clock.now();
        const updated = await trx
          .updateTable('alerts')
          .set({
            status: 'acknowledged',
            ack_by: a.userId,
            ack_at: now,
            ack_note: req.body.note,
            updated_at: now,
          })
          .where('clinic_id', '=', a.clinicId)
          .where('id', '=', req.params.id)
          .where('status', '=', 'open')
          .returningAll()
          .executeTakeFirst();
        if (!updated) {
          const exists = await trx
            .selectFrom('alerts')
            .select('status')
            .where('clinic_id', '=', a.clinicId)
            .where('id', '=', req.params.id)
            .executeTakeFirst();
          if (!exists) throw notFound('alert');
          throw new AppError('conflict', 'this alert is already acknowledged');
        }
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'alert',
          resourceId: updated.id,
          patientId: updated.patient_id,
          category: 'alert',
          details: { acknowledged: true, kind: updated.kind },
        });
        return updated;
      });
      return toAlert(row);
    },
  );
}
