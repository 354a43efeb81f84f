/**
 * POST /api/v1/sessions/{id}/vitals {idempotencyKey, readings[]} — vital signs typed by a nurse or sent by a
 * device in batches (issue 6 §4).
 *
 * Exactly-once by key: the key and the answer are stored in `session_vitals_batches` (unique per session and
 * key) in the same transaction as the readings. A replay of a key answers 200 with the original result and
 * stores nothing; a concurrent duplicate waits on the unique index and then answers the replay. The same key
 * with a different body is a 409 `conflict` naming `body.idempotencyKey` (the client has a bug; nothing is
 * stored and the first upload stands). Only the key de-duplicates: two readings with the same `at` are both
 * kept. Each reading is checked against the session protocol's alert thresholds (`evaluateReading`).
 * Ranges (e.g. SpO2 0–100, HR 0–300) are enforced by the zod schema → 400 naming `body.readings[i].spo2`.
 */
import { evaluateReading } from '@plasticity/clinical/monitoring';
import { type Alert, IdParams, VitalsUpload, VitalsUploadResult } from '@plasticity/contracts';
import { createHash } from 'node:crypto';
import { AppError, badField, notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { emitBoardEvent } from '../board/hub.ts';
import { protocolCache } from '../shared/protocol-cache.ts';
import { toVital } from '../shared/load.ts';
import { raiseCrossingAlerts } from './raise-alerts.ts';

/** Readings more than this far in the future are data errors (device clock skew allowance). */
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;

export function vitalsIngestRoute(app: ZodApp, ctx: ModuleContext) {
  const protocols = protocolCache(ctx);
  app.post(
    '/api/v1/sessions/:id/vitals',
    {
      config: { policy: allow.roles('prescriber', 'nurse') },
      schema: { params: IdParams, body: VitalsUpload, response: { 200: VitalsUploadResult, 201: VitalsUploadResult }, tags: ['sessions'] },
    },
    async (req, reply) => {
      const a = authOf(req);
      const { idempotencyKey, readings } = req.body;
      const now = ctx.clock.now();
      readings.forEach((r, i) => {
        if (Date.parse(r.at) > now.getTime() + MAX_FUTURE_SKEW_MS) throw badField(`body.readings[${i}].at`, 'is in the future');
      });
      const bodyHash = createHash('sha256').update(JSON.stringify(readings)).digest('hex');
      const outcome = await ctx.db.transaction().execute(async (trx) => {
        const s = await trx
          .selectFrom('dosing_sessions')
          .select(['id', 'clinic_id', 'patient_id', 'chair', 'locked_at', 'status'])
          .where('clinic_id', '=', a.clinicId)
          .where('id', '=', req.params.id)
          .executeTakeFirst();
        if (!s) throw notFound('session');
        const batch = await trx
          .insertInto('session_vitals_batches')
          .values({ clinic_id: a.clinicId, session_id: s.id, idempotency_key: idempotencyKey, body_hash: bodyHash, created_at: now })
          .onConflict((oc) => oc.columns(['session_id', 'idempotency_key']).doNothing())
          .returning('id')
          .executeTakeFirst();
        if (!batch) {
          const prior = await trx
            .selectFrom('session_vitals_batches')
            .select(['body_hash', 'result'])
            .where('session_id', '=', s.id)
            .where('idempotency_key', '=', idempotencyKey)
            .executeTakeFirstOrThrow();
          if (prior.body_hash !== bodyHash) {
            throw new AppError('conflict', 'this idempotency key was already used for different readings', [
              { field: 'body.idempotencyKey', message: 'was already used with a different body' },
            ]);
          }
          await ctx.audit.record(trx, actorOf(req), {
            action: 'read',
            resourceType: 'session_vitals',
            resourceId: s.id,
            patientId: s.patient_id,
            category: 'vital_signs',
            details: { replay: true },
          });
          return { status: 200 as const, result: prior.result as unknown as VitalsUploadResult };
        }
        if (s.locked_at) throw new AppError('conflict', `the session is ${s.status}; its record is locked`, [{ field: 'status', message: s.status }]);
        const rows = await trx
          .insertInto('session_vitals')
          .values(
            readings.map((r) => ({
              clinic_id: a.clinicId,
              session_id: s.id,
              at: r.at,
              sbp: r.sbp ?? null,
              dbp: r.dbp ?? null,
              hr: r.hr ?? null,
              spo2: r.spo2 ?? null,
              rr: r.rr ?? null,
              etco2: r.etco2 ?? null,
              temp_c: r.tempC ?? null,
              batch_id: batch.id,
              recorded_by: a.userId,
              recorded_at: now,
            })),
          )
          .returning(['id', 'at', 'sbp', 'dbp', 'hr', 'spo2', 'rr', 'etco2', 'temp_c'])
          .execute();
        const stored = rows.map(toVital);
        const protocol = await protocols.get(trx, s.clinic_id, s.id);
        const crossings = stored.flatMap((v) =>
          evaluateReading(protocol.vitals.alerts, {
            ...(v.sbp !== null ? { sbp: v.sbp } : {}),
            ...(v.dbp !== null ? { dbp: v.dbp } : {}),
            ...(v.hr !== null ? { hr: v.hr } : {}),
            ...(v.spo2 !== null ? { spo2: v.spo2 } : {}),
            ...(v.rr !== null ? { rr: v.rr } : {}),
          }).map((c) => ({ ...c, at: v.at })),
        );
        const alerts: Alert[] = await raiseCrossingAlerts(trx, ctx, actorOf(req), s, crossings);
        const result: VitalsUploadResult = { readings: stored, alerts };
        await trx.updateTable('session_vitals_batches').set({ result: JSON.stringify(result) }).where('id', '=', batch.id).execute();
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'session_vitals',
          resourceId: s.id,
          patientId: s.patient_id,
          category: 'vital_signs',
          details: { readings: stored.length, alerts: alerts.length },
        });
        const latest = stored.reduce((x, y) => (y.at >= x.at ? y : x));
        await emitBoardEvent(trx, now, a.clinicId, 'vitals', s.id, { sessionId: s.id, chair: s.chair, reading: latest, count: stored.length });
        return { status: 201 as const, result };
      });
      return reply.status(outcome.status).send(outcome.result);
    },
  );
}
