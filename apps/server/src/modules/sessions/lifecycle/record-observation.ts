/**
 * POST /api/v1/sessions/{id}/observations — MOAA/S (0–5) and CADSS-6 (six items 0–4) at the protocol's
 * intervals, psychological distress events (anxiety, agitation, emergence reactions) with the interventions
 * used, and adverse events with severity, seriousness and outcome (scales:
 * docs/clinical-sources.md#instruments-scoring-and-codes). A MOAA/S at or below the protocol's threshold
 * (default ≤ 2, docs/clinical-sources.md#in-chair-monitoring) raises a vital-sign alert.
 */
import { evaluateReading } from '@plasticity/clinical/monitoring';
import { IdParams, ObservationRequest, ObservationResult } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { assertUnlocked, loadSession, protocolOf } from '../shared/load.ts';
import { raiseCrossingAlerts } from '../vitals/raise-alerts.ts';

export function recordObservationRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/sessions/:id/observations',
    {
      config: { policy: allow.roles('prescriber', 'nurse') },
      schema: {
        params: IdParams,
        body: ObservationRequest,
        response: { 201: ObservationResult },
        tags: ['sessions'],
      },
    },
    async (req, reply) => {
      const a = authOf(req);
      const { kind, at, ...data } = req.body;
      const now = ctx.clock.now();
      const out = await ctx.db.transaction().execute(async (trx) => {
        const s = await loadSession(trx, a.clinicId, req.params.id);
        assertUnlocked(s);
        const stored = {
          ...data,
          ...(kind === 'cadss6'
            ? { total: (data as { items: number[] }).items.reduce((x, y) => x + y, 0) }
            : {}),
        };
        const row = await trx
          .insertInto('session_observations')
          .values({
            clinic_id: a.clinicId,
            session_id: s.id,
            kind,
            at,
            data: toJson(stored),
            recorded_by: a.userId,
            recorded_at: now,
          })
          .returning(['id'])
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'dosing_observation',
          resourceId: row.id,
          patientId: s.patient_id,
          category: 'dosing_session',
          details: { kind },
        });
        const alerts =
          kind === 'moaas'
            ? await raiseCrossingAlerts(
                trx,
                ctx,
                actorOf(req),
                s,
                evaluateReading(protocolOf(s).vitals.alerts, {
                  moaas: (data as { score: number }).score,
                }).map((c) => ({ ...c, at })),
              )
            : [];
        return { id: row.id, kind, at, data: stored, alerts };
      });
      return reply.status(201).send(out);
    },
  );
}
