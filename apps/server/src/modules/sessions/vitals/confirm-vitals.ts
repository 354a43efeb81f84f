/**
 * POST /api/v1/sessions/{id}/vitals/confirm {vitalIds} (prescriber, nurse) → 200 ConfirmVitalsResult — the
 * validation of device data: a nurse checks readings a bedside monitor sent against the patient and confirms
 * them, one or a batch at once. Until confirmed, a monitor's reading is shown (and raises alerts) but does not
 * count for discharge (discharge-state.ts). Readings confirmed before stay as they were (not counted again).
 * An id that is not a monitor's reading of this session, or one entered in error → 400 naming
 * `body.vitalIds[i]`; another clinic's session → 404; a locked record → 409. Audited with the ids confirmed;
 * the board is told.
 */
import { ConfirmVitalsRequest, ConfirmVitalsResult, IdParams } from '@plasticity/contracts';
import { badField } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { emitBoardEvent, sessionEvent } from '../board/hub.ts';
import { assertUnlocked, loadSession, SESSION_VITAL_COLUMNS, toSessionVital } from '../shared/load.ts';

export function confirmVitalsRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/sessions/:id/vitals/confirm',
    {
      config: { policy: allow.roles('prescriber', 'nurse') },
      schema: {
        params: IdParams,
        body: ConfirmVitalsRequest,
        response: { 200: ConfirmVitalsResult },
        tags: ['sessions'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const now = ctx.clock.now();
      const ids = req.body.vitalIds;
      return ctx.db.transaction().execute(async (trx) => {
        const s = await loadSession(trx, a.clinicId, req.params.id, { forUpdate: true });
        assertUnlocked(s);
        const rows = await trx
          .selectFrom('session_vitals')
          .select(['id', 'source', 'entered_in_error_at'])
          .where('clinic_id', '=', a.clinicId)
          .where('session_id', '=', s.id)
          .where('id', 'in', ids)
          .execute();
        const byId = new Map(rows.map((r) => [r.id, r]));
        ids.forEach((id, i) => {
          const r = byId.get(id);
          if (!r) throw badField(`body.vitalIds[${i}]`, 'is not a reading of this session');
          if (r.source !== 'device')
            throw badField(`body.vitalIds[${i}]`, 'was typed, not sent by a monitor');
          if (r.entered_in_error_at) throw badField(`body.vitalIds[${i}]`, 'was marked entered in error');
        });
        const confirmed = await trx
          .updateTable('session_vitals')
          .set({ confirmed_at: now, confirmed_by: a.userId })
          .where('clinic_id', '=', a.clinicId)
          .where('session_id', '=', s.id)
          .where('id', 'in', ids)
          .where('confirmed_at', 'is', null)
          .returning('id')
          .execute();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'session_vitals',
          resourceId: s.id,
          patientId: s.patient_id,
          category: 'vital_signs',
          details: { confirmedDeviceReadings: confirmed.map((r) => r.id) },
        });
        if (confirmed.length) await emitBoardEvent(trx, now, a.clinicId, sessionEvent(s));
        const vitals = await trx
          .selectFrom('session_vitals')
          .select(SESSION_VITAL_COLUMNS)
          .where('clinic_id', '=', a.clinicId)
          .where('session_id', '=', s.id)
          .where('id', 'in', ids)
          .orderBy('at')
          .execute();
        return { confirmed: confirmed.length, vitals: vitals.map(toSessionVital) };
      });
    },
  );
}
