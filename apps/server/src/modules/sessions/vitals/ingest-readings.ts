/**
 * Storing a batch of vital-sign readings for one session: the one path for readings typed by staff
 * (`POST /api/v1/sessions/{id}/vitals`, ingest-vitals.ts) and readings sent by a bedside monitor (HL7 v2
 * ORU^R01 over MLLP, modules/devices).
 *
 * Exactly-once by key: the key and the answer are stored in `session_vitals_batches` (unique per session and
 * key) in the same transaction as the readings. A replay of a key answers the original result and stores
 * nothing; a concurrent duplicate waits on the unique index and then answers the replay. The same key with a
 * different body is a 409 `conflict` naming `body.idempotencyKey` (nothing is stored; the first upload stands).
 * Only the key de-duplicates: two readings with the same `at` are both kept. Each reading is checked against
 * the session protocol's alert thresholds (`evaluateReading`); crossings raise alerts that reach the live board.
 */
import { createHash, randomUUID } from 'node:crypto';
import { evaluateReading } from '@plasticity/clinical/monitoring';
import type { Alert, StoredVital, VitalReadingInput, VitalSource } from '@plasticity/contracts';
import { VitalsUploadResult } from '@plasticity/contracts';
import { toJson } from '@plasticity/db';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { ModuleContext } from '../../../platform/module.ts';
import type { AuditActor } from '../../audit/audit-writer.ts';
import { boardHub } from '../board/hub.ts';
import { protocolCache } from '../shared/protocol-cache.ts';
import { raiseCrossingAlerts, worstPerParameter } from './raise-alerts.ts';
import { type StoreUploadInput, type StoreUploadRow, storeUpload } from './store-upload.ts';
import { uploadQueue } from './upload-queue.ts';

/** Readings more than this far in the future are data errors (device clock skew allowance). */
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;

/** The index of the first reading dated after `now` + the skew allowance, or -1. */
export function firstFutureReading(readings: ReadonlyArray<{ at: string }>, now: Date): number {
  return readings.findIndex((r) => Date.parse(r.at) > now.getTime() + MAX_FUTURE_SKEW_MS);
}

export interface IngestReadings {
  clinicId: string;
  sessionId: string;
  /** Who the audit log names: the signed-in user, or the device's system actor. */
  actor: AuditActor | null;
  /** The user recorded on each reading; null for a device. */
  userId: string | null;
  idempotencyKey: string;
  /** Validated readings (`VitalReadingInput`: ranges, at least one measurement each). */
  readings: VitalReadingInput[];
  source: VitalSource;
  /** The monitor's identifier for device readings. */
  deviceId: string | null;
}

export interface IngestOutcome {
  /** True when this call stored the readings; false when the key was used before (a replay). */
  stored: boolean;
  result: VitalsUploadResult;
}

/**
 * Stores the readings (or answers the replay of their key). Throws `notFound('session')` for a session not
 * in the clinic, 409 `conflict` for a locked record or a key reused with other readings.
 */
export async function ingestReadings(ctx: ModuleContext, i: IngestReadings): Promise<IngestOutcome> {
  const now = ctx.clock.now();
  const bodyHash = createHash('sha256').update(JSON.stringify(i.readings)).digest('hex');
  // Ids are made here so the answer (stored once with the key) is known before the first write.
  const stored: StoredVital[] = i.readings.map((r) => ({
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
  const protocol = await protocolCache(ctx).find(ctx.db, i.clinicId, i.sessionId);
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
    clinicId: i.clinicId,
    sessionId: i.sessionId,
    userId: i.userId,
    idempotencyKey: i.idempotencyKey,
    bodyHash,
    now,
    readings: stored,
    alertCount: worstPerParameter(crossings).length,
    source: i.source,
    deviceId: i.deviceId,
  };
  // Nearly every upload crosses nothing: it joins the group commit (upload-queue.ts). With crossings, the
  // upload and the alerts it raises share a transaction of their own.
  const outcome = crossings.length
    ? await ctx.db.transaction().execute(async (trx) => {
        const up = await storeUpload(trx, ctx.audit, i.actor, input);
        if (!up?.row.batch_id) return { up, result: undefined };
        const alerts: Alert[] = await raiseCrossingAlerts(trx, ctx, i.actor, up.row, crossings);
        const result: VitalsUploadResult = { readings: stored, alerts };
        await trx
          .updateTable('session_vitals_batches')
          .set({ result: toJson(result) })
          .where('id', '=', up.row.batch_id)
          .execute();
        return { up, result };
      })
    : { up: await uploadQueue(ctx).store(i.actor, input), result: undefined };
  const { up } = outcome;
  if (!up) throw notFound('session');
  if (!up.event) return { stored: false, result: await replayOrRefuse(ctx, i.actor, up.row, input) };
  boardHub(ctx).publishAfterCommit(up.event);
  return { stored: true, result: outcome.result ?? { readings: stored, alerts: [] } };
}

/**
 * Nothing was stored: the key was used before (answer the original result, or 409 when the body differs),
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
