/**
 * POST /api/v1/sessions/{id}/vitals {idempotencyKey, readings[]} — vital signs typed by a nurse or sent by a
 * device in batches.
 *
 * Exactly-once by key: the key and the answer are stored in `session_vitals_batches` (unique per session and
 * key) in the same transaction as the readings. A replay of a key answers 200 with the original result and
 * stores nothing; a concurrent duplicate waits on the unique index and then answers the replay. The same key
 * with a different body is a 409 `conflict` naming `body.idempotencyKey` (the client has a bug; nothing is
 * stored and the first upload stands). Only the key de-duplicates: two readings with the same `at` are both
 * kept. Each reading is checked against the session protocol's alert thresholds (`evaluateReading`).
 * Ranges (e.g. SpO2 0–100, HR 0–300) are enforced by the zod schema → 400 naming `body.readings[i].spo2`.
 */

import { createHash, randomUUID } from 'node:crypto';
import { evaluateReading } from '@plasticity/clinical/monitoring';
import {
  type Alert,
  IdParams,
  type StoredVital,
  VitalsUpload,
  VitalsUploadResult,
} from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import { AppError, badField, notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import type { AuditActor } from '../../audit/audit-writer.ts';
import { boardHub } from '../board/hub.ts';
import { protocolCache } from '../shared/protocol-cache.ts';
import { raiseCrossingAlerts, worstPerParameter } from './raise-alerts.ts';
import { type StoreUploadInput, type StoreUploadRow, storeUpload } from './store-upload.ts';
import { uploadQueue } from './upload-queue.ts';

/** Readings more than this far in the future are data errors (device clock skew allowance). */
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;

export function vitalsIngestRoute(app: ZodApp, ctx: ModuleContext) {
  const protocols = protocolCache(ctx);
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
      const now = ctx.clock.now();
      readings.forEach((r, i) => {
        if (Date.parse(r.at) > now.getTime() + MAX_FUTURE_SKEW_MS)
          throw badField(`body.readings[${i}].at`, 'is in the future');
      });
      const bodyHash = createHash('sha256').update(JSON.stringify(readings)).digest('hex');
      // Ids are made here so the answer (stored once with the key) is known before the first write.
      const stored: StoredVital[] = readings.map((r) => ({
        id: randomUUID(),
        at: new Date(r.at).toISOString(),
        sbp: r.sbp ?? null,
        dbp: r.dbp ?? null,
        hr: r.hr ?? null,
        spo2: r.spo2 ?? null,
        rr: r.rr ?? null,
        etco2: r.etco2 ?? null,
        tempC: r.tempC ?? null,
      }));
      const protocol = await protocols.find(ctx.db, a.clinicId, req.params.id);
      if (!protocol) throw notFound('session');
      const crossings = stored.flatMap((v) =>
        evaluateReading(protocol.vitals.alerts, {
          ...(v.sbp !== null ? { sbp: v.sbp } : {}),
          ...(v.dbp !== null ? { dbp: v.dbp } : {}),
          ...(v.hr !== null ? { hr: v.hr } : {}),
          ...(v.spo2 !== null ? { spo2: v.spo2 } : {}),
          ...(v.rr !== null ? { rr: v.rr } : {}),
        }).map((c) => ({ ...c, at: v.at })),
      );
      const input: StoreUploadInput = {
        clinicId: a.clinicId,
        sessionId: req.params.id,
        userId: a.userId,
        idempotencyKey,
        bodyHash,
        now,
        readings: stored,
        alertCount: worstPerParameter(crossings).length,
      };
      const actor = actorOf(req);
      // Nearly every upload crosses nothing: it joins the group commit (upload-queue.ts). With crossings, the
      // upload and the alerts it raises share a transaction of their own.
      const outcome = crossings.length
        ? await ctx.db.transaction().execute(async (trx) => {
            const up = await storeUpload(trx, ctx.audit, actor, input);
            if (!up?.row.batch_id) return { up, result: undefined };
            const alerts: Alert[] = await raiseCrossingAlerts(trx, ctx, actor, up.row, crossings);
            const result: VitalsUploadResult = { readings: stored, alerts };
            await trx
              .updateTable('session_vitals_batches')
              .set({ result: toJson(result) })
              .where('id', '=', up.row.batch_id)
              .execute();
            return { up, result };
          })
        : { up: await uploadQueue(ctx).store(actor, input), result: undefined };
      const { up } = outcome;
      if (!up) throw notFound('session');
      if (!up.event) return reply.status(200).send(await replayOrRefuse(ctx, actor, up.row, input));
      boardHub(ctx).publishAfterCommit(up.event);
      return reply.status(201).send(outcome.result ?? { readings: stored, alerts: [] });
    },
  );
}

/**
 * Nothing was stored: the key was used before (answer the original result, 200, or 409 when the body differs),
 * or the session's record is locked (409).
 */
async function replayOrRefuse(
  ctx: ModuleContext,
  actor: AuditActor | null,
  s: StoreUploadRow,
  input: StoreUploadInput,
): Promise<VitalsUploadResult> {
  return ctx.db.transaction().execute(async (trx) => {
    const prior = await trx
      .selectFrom('session_vitals_batches')
      .select(['body_hash', 'result'])
      .where('session_id', '=', s.id)
      .where('idempotency_key', '=', input.idempotencyKey)
      .executeTakeFirst();
    if (!prior) {
      throw new AppError('conflict', `the session is ${s.status}; its record is locked`, [
        { field: 'status', message: s.status },
      ]);
    }
    if (prior.body_hash !== input.bodyHash) {
      throw new AppError('conflict', 'this idempotency key was already used for different readings', [
        { field: 'body.idempotencyKey', message: 'was already used with a different body' },
      ]);
    }
    await ctx.audit.record(trx, actor, {
      action: 'read',
      resourceType: 'session_vitals',
      resourceId: s.id,
      patientId: s.patient_id,
      category: 'vital_signs',
      details: { replay: true },
    });
    // Parsed, not trusted: a result stored by an earlier version may lack what the contract now requires.
    return VitalsUploadResult.parse(prior.result);
  });
}
