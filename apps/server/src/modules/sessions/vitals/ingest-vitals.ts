/**
 * POST /api/v1/sessions/{id}/vitals {idempotencyKey, readings[]} (prescriber, nurse) → 201 VitalsUploadResult
 * when stored, 200 with the original result when the key was used before; 404 for another clinic's session;
 * 409 for a locked record or a key reused with other readings. Vital signs typed by a nurse or sent by a
 * device in batches, stored through `ingestReadings` (ingest-readings.ts), the same path as a bedside
 * monitor's HL7 messages. Ranges (e.g. SpO2 0–100, HR 0–300) are enforced by the zod schema → 400 naming
 * `body.readings[i].spo2`; a reading dated more than 5 minutes ahead → 400 naming `body.readings[i].at`.
 */
import { IdParams, VitalsUpload, VitalsUploadResult } from '@plasticity/contracts';
import { badField } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { firstFutureReading, ingestReadings } from './ingest-readings.ts';

export function vitalsIngestRoute(app: ZodApp, ctx: ModuleContext) {
  app.post(
    '/api/v1/sessions/:id/vitals',
    {
      config: { policy: allow.roles('prescriber', 'nurse') },
      schema: {
        params: IdParams,
        body: VitalsUpload,
        response: { 200: VitalsUploadResult, 201: VitalsUploadResult },
        tags: ['sessions'],
      },
    },
    async (req, reply) => {
      const a = authOf(req);
      const { idempotencyKey, readings } = req.body;
      const future = firstFutureReading(readings, ctx.clock.now());
      if (future >= 0) throw badField(`body.readings[${future}].at`, 'is in the future');
      const { stored, result } = await ingestReadings(ctx, {
        clinicId: a.clinicId,
        sessionId: req.params.id,
        actor: actorOf(req),
        userId: a.userId,
        idempotencyKey,
        readings,
        source: 'manual',
        deviceId: null,
      });
      return reply.status(stored ? 201 : 200).send(result);
    },
  );
}
