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

import { createHash, randomUUID } from 'node:crypto';
import { evaluateReading } from '@plasticity/clinical/monitoring';
import {
  type Alert,
  IdParams,
  type StoredVital,
  VitalsUpload,
  VitalsUploadResult,
} from '@plasticity/contracts';
import { sql } from 'kysely';
import { AppError, badField, notFound } from '../../../platform/errors.ts';
import type { ModuleContext, ZodApp } from '../../../platform/module.ts';
import { allow } from '../../../platform/policy.ts';
import { actorOf, authOf } from '../../../platform/request-context.ts';
import { boardHub, type PendingEvent } from '../board/hub.ts';
import { protocolCache } from '../shared/protocol-cache.ts';
import { raiseCrossingAlerts } from './raise-alerts.ts';

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
      let published: PendingEvent | undefined;
      const outcome = await ctx.db.transaction().execute(async (trx) => {
        // One round trip: find the session (clinic-scoped), claim the key, and — only when the key was new and
        // the record is open — store the readings and the board event (announced after commit, see hub.ts).
        // A concurrent upload of the same key waits on the unique index and then claims and stores nothing.
        const latest = stored.reduce((x, y) => (y.at >= x.at ? y : x));
        const first = await sql<{
          id: string;
          clinic_id: string;
          patient_id: string;
          chair: string;
          locked_at: Date | null;
          status: string;
          batch_id: string | null;
          event_id: number | null;
        }>`
          with s as (
            select id, clinic_id, patient_id, chair, locked_at, status from dosing_sessions
             where clinic_id = ${a.clinicId} and id = ${req.params.id}
          ), b as (
            insert into session_vitals_batches (clinic_id, session_id, idempotency_key, body_hash, result, created_at)
            select s.clinic_id, s.id, ${idempotencyKey}, ${bodyHash}, ${JSON.stringify({ readings: stored, alerts: [] })}::jsonb, ${now}
              from s
            on conflict (session_id, idempotency_key) do nothing
            returning id
          ), v as (
            insert into session_vitals (id, clinic_id, session_id, at, sbp, dbp, hr, spo2, rr, etco2, temp_c, batch_id, recorded_by, recorded_at)
            select x.id, s.clinic_id, s.id, x.at, x.sbp, x.dbp, x.hr, x.spo2, x.rr, x.etco2, x.temp_c, b.id, ${a.userId}::uuid, ${now}::timestamptz
              from (values ${sql.join(
                stored.map(
                  (r) =>
                    sql`(${r.id}::uuid, ${r.at}::timestamptz, ${r.sbp}::float8, ${r.dbp}::float8, ${r.hr}::float8, ${r.spo2}::float8, ${r.rr}::float8, ${r.etco2}::float8, ${r.tempC}::float8)`,
                ),
              )}) as x(id, at, sbp, dbp, hr, spo2, rr, etco2, temp_c)
              cross join b cross join s
             where s.locked_at is null
            returning 1
          ), e as (
            insert into board_events (clinic_id, at, kind, session_id, data)
            select s.clinic_id, ${now}, 'vitals', s.id,
                   jsonb_build_object('sessionId', s.id, 'chair', s.chair, 'reading', ${JSON.stringify(latest)}::jsonb, 'count', ${stored.length}::int)
              from s cross join b
             where s.locked_at is null
            returning id
          )
          select s.*, (select id from b) as batch_id, (select id from e) as event_id from s`.execute(trx);
        const s = first.rows[0];
        if (!s) throw notFound('session');
        if (!s.batch_id) {
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
        if (s.locked_at)
          throw new AppError('conflict', `the session is ${s.status}; its record is locked`, [
            { field: 'status', message: s.status },
          ]);
        published = {
          id: Number(s.event_id),
          clinicId: a.clinicId,
          kind: 'vitals',
          data: { sessionId: s.id, chair: s.chair, reading: latest, count: stored.length },
        };
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
        if (alerts.length) {
          await trx
            .updateTable('session_vitals_batches')
            .set({ result: JSON.stringify(result) })
            .where('id', '=', s.batch_id)
            .execute();
        }
        await ctx.audit.record(trx, actorOf(req), {
          action: 'create',
          resourceType: 'session_vitals',
          resourceId: s.id,
          patientId: s.patient_id,
          category: 'vital_signs',
          details: { readings: stored.length, alerts: alerts.length },
        });
        return { status: 201 as const, result };
      });
      if (published) boardHub(ctx).publishAfterCommit(published);
      return reply.status(outcome.status).send(outcome.result);
    },
  );
}
