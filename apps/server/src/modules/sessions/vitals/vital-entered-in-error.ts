/**
 * POST /api/v1/sessions/{id}/vitals/{vitalId}/entered-in-error {reason} — corrects a wrong reading (a typo,
 * a probe off the finger) without deleting it: the row is kept and marked with who, when and why, and it no
 * longer counts for the chart, the board, the checklist or discharge. Only while the record is open; after
 * the record locks, corrections are addenda (notes). Audited; the board is told.
 */
import { OkResult, VitalEnteredInErrorRequest, VitalParams } from '@plasticity/contracts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { emitBoardEvent, sessionEvent } from '../board/hub.ts';
import { assertUnlocked, loadSession } from '../shared/load.ts';

export function vitalEnteredInErrorRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/sessions/:id/vitals/:vitalId/entered-in-error',
    {
      config: { policy: allow.roles('prescriber', 'nurse') },
      schema: {
        params: VitalParams,
        body: VitalEnteredInErrorRequest,
        response: { 200: OkResult },
        tags: ['sessions'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const now = ctx.clock.now();
      await ctx.db.transaction().execute(async (trx) => {
        const s = await loadSession(trx, a.clinicId, req.params.id);
        assertUnlocked(s);
        const row = await trx
          .updateTable('session_vitals')
          .set({
            entered_in_error_at: now,
            entered_in_error_by: a.userId,
            entered_in_error_reason: req.body.reason,
          })
          .where('clinic_id', '=', a.clinicId)
          .where('session_id', '=', s.id)
          .where('id', '=', req.params.vitalId)
          .where('entered_in_error_at', 'is', null)
          .returning('id')
          .executeTakeFirst();
        if (!row) {
          const exists = await trx
            .selectFrom('session_vitals')
            .select('id')
            .where('clinic_id', '=', a.clinicId)
            .where('session_id', '=', s.id)
            .where('id', '=', req.params.vitalId)
            .executeTakeFirst();
          if (!exists) throw notFound('reading');
          throw new AppError('conflict', 'this reading is already marked entered in error');
        }
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'session_vitals',
          resourceId: req.params.vitalId,
          patientId: s.patient_id,
          category: 'vital_signs',
          details: { enteredInError: true },
        });
        await emitBoardEvent(trx, now, a.clinicId, sessionEvent(s));
      });
      return { ok: true as const };
    },
  );
}
