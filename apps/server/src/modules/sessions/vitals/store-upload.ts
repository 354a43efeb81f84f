/**
 * The statement that stores vitals uploads: for each upload it finds the session
 * (clinic-scoped), claims the idempotency key, and — only when the key is new and the record is open — stores
 * the readings, the board event and the audit entry. One data-modifying CTE, so each upload's writes commit or
 * roll back together: on its own (autocommit) for a group of uploads that cross no threshold (upload-queue.ts),
 * or inside the transaction that also raises an upload's alerts. One round trip to the database instead of
 * BEGIN, statements and COMMIT. Uploads and readings travel as arrays (`unnest`), so the SQL text is the same for
 * any group and the driver keeps it prepared (`-- prepare:` marker, see @plasticity/db).
 *
 * A concurrent upload of the same key waits on the unique index, then claims and stores nothing (`batch_id` null).
 */
import type { StoredVital, VitalSource } from '@plasticity/contracts';
import { type RawBuilder, sql } from 'kysely';
import type { AuditActor, AuditWriter } from '../../audit/audit-writer.ts';
import { type PendingEvent, vitalsEvent, vitalsEventBody } from '../board/hub.ts';
import type { Executor } from '../shared/load.ts';

export interface StoreUploadInput {
  clinicId: string;
  sessionId: string;
  /** The user who typed the readings; null for a bedside monitor. */
  userId: string | null;
  idempotencyKey: string;
  bodyHash: string;
  now: Date;
  readings: StoredVital[];
  /** Threshold crossings found before storing (the audit entry counts the alerts they raise). */
  alertCount: number;
  /** Typed by staff, or sent by a bedside monitor (then with its identifier; confirmed later by a nurse). */
  source: VitalSource;
  deviceId: string | null;
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

export interface Upload {
  actor: AuditActor | null;
  input: StoreUploadInput;
}

export interface StoredUpload {
  row: StoreUploadRow;
  /** The board event written for this upload (announce after commit), when it was stored. */
  event?: PendingEvent;
}

/** One upload (e.g. inside the transaction that raises its alerts). Undefined: no such session. */
export async function storeUpload(
  db: Executor,
  audit: AuditWriter,
  actor: AuditActor | null,
  input: StoreUploadInput,
): Promise<StoredUpload | undefined> {
  return (await storeUploads(db, audit, [{ actor, input }]))[0];
}

/** The live announcement of a stored upload: the same payload the statement stored (`vitalsEventBody`). */
function eventOf(input: StoreUploadInput, row: StoreUploadRow): PendingEvent {
  return {
    id: Number(row.event_id),
    clinicId: input.clinicId,
    kind: 'vitals',
    data: vitalsEvent(row.id, row.chair, input.readings),
  };
}

interface GroupRow extends Omit<StoreUploadRow, 'event_id'> {
  ord: number;
  /** The board events' ids, in the order of the stored uploads (they are inserted in that order). */
  event_ids: Array<number | string> | null;
}

/** The audit entry's details: counts, and for a monitor its source and identifier (never values). */
function auditDetails(i: StoreUploadInput): Record<string, unknown> {
  const counts = { readings: i.readings.length, alerts: i.alertCount };
  return i.source === 'device' ? { ...counts, source: i.source, deviceId: i.deviceId } : counts;
}

/**
 * The statement's audit entries, one per stored upload (`bu`), each naming its own actor and details (`u`) and
 * session (`s`). The fragment is the same for every group, so it is built once per writer.
 */
const auditFragments = new WeakMap<AuditWriter, RawBuilder<unknown>>();
function uploadAuditEntries(audit: AuditWriter): RawBuilder<unknown> {
  let fragment = auditFragments.get(audit);
  if (!fragment) {
    fragment = audit.insertSelect(
      {
        clinicId: sql`u.clinic_id`,
        userId: sql`u.user_id`,
        email: sql`u.user_email`,
        role: sql`u.role`,
        sourceAddress: sql`u.source_address`,
      },
      {
        at: sql`u.at`,
        action: 'create',
        resourceType: 'session_vitals',
        resourceId: sql`s.id::text`,
        patientId: sql`s.patient_id`,
        category: 'vital_signs',
        details: sql`u.details`,
      },
      sql`bu join s on s.ord = bu.ord join u on u.ord = bu.ord`,
    );
    auditFragments.set(audit, fragment);
  }
  return fragment;
}

/** One statement for the group; the answer per upload in the group's order (undefined: no such session). */
export async function storeUploads(
  db: Executor,
  audit: AuditWriter,
  group: Upload[],
): Promise<Array<StoredUpload | undefined>> {
  const u = group.map((w, ord) => ({ ord, ...w }));
  const readings = u.flatMap((x) => x.input.readings.map((r) => ({ ord: x.ord, r })));
  const col = <T>(f: (x: (typeof u)[number]) => T) => u.map(f);
  const rcol = <K extends keyof StoredVital>(k: K) => readings.map((x) => x.r[k]);
  const auditEntries = uploadAuditEntries(audit);
  const r = await sql<GroupRow>`-- prepare:vitals_store_uploads
    with u as (
      select * from unnest(${col((x) => x.ord)}::int[], ${col((x) => x.input.clinicId)}::uuid[],
        ${col((x) => x.input.sessionId)}::uuid[], ${col((x) => x.input.idempotencyKey)}::text[],
        ${col((x) => x.input.bodyHash)}::text[],
        ${col((x) => JSON.stringify({ readings: x.input.readings, alerts: [] }))}::jsonb[],
        ${col((x) => x.input.userId)}::uuid[], ${col((x) => x.input.now.toISOString())}::timestamptz[],
        ${col((x) => JSON.stringify(vitalsEventBody(x.input.readings)))}::jsonb[],
        ${col((x) => x.actor?.email ?? null)}::text[], ${col((x) => x.actor?.role ?? null)}::text[],
        ${col((x) => x.actor?.sourceAddress ?? null)}::text[],
        ${col((x) => JSON.stringify(auditDetails(x.input)))}::jsonb[],
        ${col((x) => x.input.source)}::text[], ${col((x) => x.input.deviceId)}::text[])
        as u(ord, clinic_id, session_id, key, body_hash, result, user_id, at, event, user_email, role, source_address,
             details, source, device_id)
    ), s as (
      select u.ord, d.id, d.clinic_id, d.patient_id, d.chair, d.locked_at, d.status
        from u join dosing_sessions d on d.clinic_id = u.clinic_id and d.id = u.session_id
    ), b as (
      insert into session_vitals_batches (clinic_id, session_id, idempotency_key, body_hash, result, created_at)
      select s.clinic_id, s.id, u.key, u.body_hash, u.result, u.at
        from u join s on s.ord = u.ord
       where s.locked_at is null
      on conflict (session_id, idempotency_key) do nothing
      returning id, session_id, idempotency_key
    ), bu as (
      select u.ord, b.id from b join u on u.session_id = b.session_id and u.key = b.idempotency_key
    ), v as (
      insert into session_vitals (id, clinic_id, session_id, at, sbp, dbp, hr, spo2, rr, etco2, temp_c, batch_id,
                                  recorded_by, recorded_at, source, device_id)
      select x.id, s.clinic_id, s.id, x.at, x.sbp, x.dbp, x.hr, x.spo2, x.rr, x.etco2, x.temp_c, bu.id, u.user_id, u.at,
             u.source, u.device_id
        from unnest(${readings.map((x) => x.ord)}::int[], ${rcol('id')}::uuid[], ${rcol('at')}::timestamptz[],
                    ${rcol('sbp')}::float8[], ${rcol('dbp')}::float8[], ${rcol('hr')}::float8[], ${rcol('spo2')}::float8[],
                    ${rcol('rr')}::float8[], ${rcol('etco2')}::float8[], ${rcol('tempC')}::float8[])
               as x(ord, id, at, sbp, dbp, hr, spo2, rr, etco2, temp_c)
        join bu on bu.ord = x.ord join s on s.ord = x.ord join u on u.ord = x.ord
      returning 1
    ), e as (
      insert into board_events (clinic_id, at, kind, session_id, data)
      select s.clinic_id, u.at, 'vitals', s.id,
             u.event || jsonb_build_object('sessionId', s.id, 'chair', s.chair)
        from bu join s on s.ord = bu.ord join u on u.ord = bu.ord
       order by bu.ord
      returning id
    ), a as (
      ${auditEntries}
    )
    select u.ord, s.id, s.clinic_id, s.patient_id, s.chair, s.locked_at, s.status, bu.id as batch_id,
           (select array_agg(e.id order by e.id) from e) as event_ids
      from u left join s on s.ord = u.ord left join bu on bu.ord = u.ord
     order by u.ord`.execute(db);
  audit.sealSoon();
  let k = 0;
  return group.map((w, i) => {
    const g = r.rows[i];
    if (!g?.id) return undefined;
    const { ord: _ord, event_ids, ...rest } = g;
    const row: StoreUploadRow = { ...rest, event_id: g.batch_id ? Number(event_ids?.[k++]) : null };
    return { row, ...(row.batch_id ? { event: eventOf(w.input, row) } : {}) };
  });
}
