/**
 * POST /api/v1/patients/{id}/weights — a measured body weight with the time it was measured (nurse or
 * prescriber). The dose calculator uses the latest observation and refuses one older than the clinic's
 * `plans.maxWeightAgeDays` (default 30 days, DOSING_DEFAULTS, UNVERIFIED Plasticity default).
 */
import { IdParams, WeightRequest } from '@plasticity/contracts';
import { z } from 'zod';
import { badField } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { patientOf } from '../patient-and-settings.ts';

const WeightObservation = z.object({ id: z.uuid(), weightKg: z.number(), measuredAt: z.string() });

export function recordWeightRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/patients/:id/weights',
    {
      config: { policy: allow.roles('prescriber', 'nurse') },
      schema: {
        params: IdParams,
        body: WeightRequest,
        response: { 201: WeightObservation },
        tags: ['intake'],
      },
    },
    async (req, reply) => {
      const a = authOf(req);
      const now = ctx.clock.now();
      const measuredAt = req.body.measuredAt ? new Date(req.body.measuredAt) : now;
      if (measuredAt.getTime() > now.getTime() + 5 * 60_000)
        throw badField('body.measuredAt', 'cannot be in the future');
      const row = await ctx.db.transaction().execute(async (trx) => {
        await patientOf(trx, a.clinicId, req.params.id);
        const r = await trx
          .insertInto('plan_weight_observations')
          .values({
            clinic_id: a.clinicId,
            patient_id: req.params.id,
            weight_kg: String(req.body.weightKg),
            measured_at: measuredAt,
            source: 'manual',
            recorded_by: a.userId,
            created_at: now,
          })
          .returning(['id', 'weight_kg', 'measured_at'])
          .executeTakeFirstOrThrow();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'weight_observation',
          resourceId: r.id,
          patientId: req.params.id,
          category: 'vital_signs',
        });
        return r;
      });
      return reply
        .status(201)
        .send({ id: row.id, weightKg: Number(row.weight_kg), measuredAt: row.measured_at.toISOString() });
    },
  );
}
