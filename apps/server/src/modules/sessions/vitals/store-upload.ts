/**
 * The statement that stores one vitals upload (issue 6 §4, §9): it finds the session (clinic-scoped), claims the
 * idempotency key, and — only when the key is new and the record is open — stores the readings, the board event
 * and the audit entry. One data-modifying CTE, so everything commits or rolls back together; when no reading
 * crosses a threshold (nearly every upload) it runs on its own as an autocommit statement: one round trip to the
 * database instead of BEGIN, statements and COMMIT. Readings travel as arrays (`unnest`), so the SQL text is the
 * same for any batch size and the driver can keep it prepared (`-- prepare:` marker, see @plasticity/db).
 *
 * A concurrent upload of the same key waits on the unique index, then claims and stores nothing (`batchId` null).
 */
import type { StoredVital } from '@plasticity/contracts';
import { sql } from 'kysely';
import type { AuditActor, AuditWriter } from '../../audit/audit-writer.ts';
import type { Executor } from '../shared/load.ts';

export interface StoreUploadInput {
  clinicId: string;
  sessionId: string;
  userId: string;
  idempotencyKey: string;
  bodyHash: string;
  now: Date;
  readings: StoredVital[];
  /** Threshold crossings found before storing (the audit entry counts the alerts they raise). */
  alertCount: number;
}

export interface StoreUploadRow {
  id: string;
  clinic_id: string;
  patient_id: string;
  chair: string;
  locked_at: Date | null;
  status: string;
  /** Null when nothing was stored: the key was already used, or the record is locked. */
  batch_id: string | null;
  event_id: number | null;
}

/** Runs the statement on `db` (a transaction when alerts follow, else the pool). Undefined: no such session. */
export async function storeUpload(
  db: Executor,
  audit: AuditWriter,
  actor: AuditActor | null,
  p: StoreUploadInput,
): Promise<StoreUploadRow | undefined> {
  const rs = p.readings;
  const latest = rs.reduce((x, y) => (y.at >= x.at ? y : x));
  const col = <K extends keyof StoredVital>(k: K) => rs.map((r) => r[k]);
  const auditEntry = audit.insertSelect(
    actor,
    {
      action: 'create',
      resourceType: 'session_vitals',
      resourceId: sql`s.id::text`,
      patientId: sql`s.patient_id`,
      category: 'vital_signs',
      details: { readings: rs.length, alerts: p.alertCount },
    },
    sql`s cross join b`,
  );
  const r = await sql<StoreUploadRow>`-- prepare:vitals_store_upload
    with s as (
      select id, clinic_id, patient_id, chair, locked_at, status from dosing_sessions
       where clinic_id = ${p.clinicId} and id = ${p.sessionId}
    ), b as (
      insert into session_vitals_batches (clinic_id, session_id, idempotency_key, body_hash, result, created_at)
      select s.clinic_id, s.id, ${p.idempotencyKey}, ${p.bodyHash}, ${JSON.stringify({ readings: rs, alerts: [] })}::jsonb, ${p.now}
        from s
       where s.locked_at is null
      on conflict (session_id, idempotency_key) do nothing
      returning id
    ), v as (
      insert into session_vitals (id, clinic_id, session_id, at, sbp, dbp, hr, spo2, rr, etco2, temp_c, batch_id, recorded_by, recorded_at)
      select x.id, s.clinic_id, s.id, x.at, x.sbp, x.dbp, x.hr, x.spo2, x.rr, x.etco2, x.temp_c, b.id, ${p.userId}::uuid, ${p.now}::timestamptz
        from unnest(${col('id')}::uuid[], ${col('at')}::timestamptz[], ${col('sbp')}::float8[], ${col('dbp')}::float8[],
                    ${col('hr')}::float8[], ${col('spo2')}::float8[], ${col('rr')}::float8[], ${col('etco2')}::float8[],
                    ${col('tempC')}::float8[]) as x(id, at, sbp, dbp, hr, spo2, rr, etco2, temp_c)
        cross join b cross join s
      returning 1
    ), e as (
      insert into board_events (clinic_id, at, kind, session_id, data)
      select s.clinic_id, ${p.now}, 'vitals', s.id,
             jsonb_build_object('sessionId', s.id, 'chair', s.chair, 'reading', ${JSON.stringify(latest)}::jsonb, 'count', ${rs.length}::int)
        from s cross join b
      returning id
    ), a as (
      ${auditEntry}
    )
    select s.*, (select id from b) as batch_id, (select id from e) as event_id from s`.execute(db);
  return r.rows[0];
}
