/**
 * PUT /api/v1/sessions/{id}/discharge-assessment {gait?, nausea?, escortPresent?, readyWithoutTwoHourRuleMin?}
 * — the nurse's discharge observations (docs/clinical-sources.md#discharge). Answers the new discharge
 * evaluation; the discharge itself is the `discharged` transition, which these criteria gate.
 * `readyWithoutTwoHourRuleMin` feeds the SPRAVATO REMS form
 * (docs/clinical-sources.md#spravato-rems-requirements).
 */
import { DischargeAssessmentRequest, DischargeAssessmentResult, IdParams } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { emitBoardEvent, sessionEvent } from '../board/hub.ts';
import { assertUnlocked, loadSession } from '../shared/load.ts';
import { evaluateSessionDischarge } from './discharge-state.ts';

export function updateDischargeAssessmentRoute(app: ZodApp, ctx: ModuleContext) {
  app.put(
    '/api/v1/sessions/:id/discharge-assessment',
    {
      config: { policy: allow.roles('prescriber', 'nurse') },
      schema: {
        params: IdParams,
        body: DischargeAssessmentRequest,
        response: { 200: DischargeAssessmentResult },
        tags: ['sessions'],
      },
    },
    async (req) => {
      const a = authOf(req);
      const now = ctx.clock.now();
      return ctx.db.transaction().execute(async (trx) => {
        const s = await loadSession(trx, a.clinicId, req.params.id, { forUpdate: true });
        assertUnlocked(s);
        const assessment = {
          ...(s.discharge_assessment as Record<string, unknown>),
          ...req.body,
          assessedBy: a.userId,
          assessedAt: now.toISOString(),
        };
        const row = await trx
          .updateTable('dosing_sessions')
          .set({ discharge_assessment: toJson(assessment), updated_at: now })
          .where('id', '=', s.id)
          .where('clinic_id', '=', a.clinicId)
          .returningAll()
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'update',
          resourceType: 'dosing_discharge_assessment',
          resourceId: s.id,
          patientId: s.patient_id,
          category: 'dosing_session',
        });
        await emitBoardEvent(trx, now, a.clinicId, sessionEvent(s));
        return { assessment, discharge: await evaluateSessionDischarge(trx, row, now) };
      });
    },
  );
}
