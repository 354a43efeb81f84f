/**
 * Group commit for vitals uploads that cross no threshold (issue 6 §9): while one statement is at the
 * database, the uploads that arrive meanwhile wait and then go together in the next one — the classic
 * group commit of database logs. An upload never waits for a timer: alone, it is sent at once; under load,
 * dozens of monitors share one statement and one commit (one WAL flush) instead of one each.
 *
 * Each upload keeps its own outcome: the statement finds each session, claims each key and stores each
 * upload's readings, board event and audit entry only when its key is new and its record open (exactly as
 * `storeUpload` does for one). Two uploads with the same session and key never share a statement (the second
 * waits for the next, then answers as a replay). If a combined statement fails, its uploads are retried one
 * by one, so one bad upload cannot fail its neighbours.
 *
 * @example
 *   const row = await uploadQueue(ctx).store(actor, input); // undefined: no such session
 */
import type { StoredVital } from '@plasticity/contracts';
import { sql } from 'kysely';
import type { ModuleContext } from '../../../platform/module.ts';
import type { AuditActor } from '../../audit/audit-writer.ts';
import type { PendingEvent } from '../board/hub.ts';
import { type StoreUploadInput, type StoreUploadRow, storeUpload } from './store-upload.ts';

/** At most this many uploads share one statement. */
export const MAX_GROUP = 100;

interface Waiting {
  actor: AuditActor | null;
  input: StoreUploadInput;
  resolve: (r: StoredUpload | undefined) => void;
  reject: (e: unknown) => void;
}

export interface StoredUpload {
  row: StoreUploadRow;
  /** The board event written for this upload (announce after commit), when it was stored. */
  event?: PendingEvent;
}

export class UploadQueue {
  #waiting: Waiting[] = [];
  #busy = false;
  /** Counters (statements sent, the largest group, groups retried one by one) for tests and diagnostics. */
  readonly stats = { statements: 0, largestGroup: 0, retriedGroups: 0 };

  constructor(private readonly ctx: ModuleContext) {}

  /** Stores one upload (with others that arrive meanwhile); resolves after its statement committed. */
  store(actor: AuditActor | null, input: StoreUploadInput): Promise<StoredUpload | undefined> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ actor, input, resolve, reject });
      if (!this.#busy) void this.#drain();
    });
  }

  async #drain() {
    this.#busy = true;
    try {
      while (this.#waiting.length) {
        const group: Waiting[] = [];
        const rest: Waiting[] = [];
        const keys = new Set<string>();
        for (const w of this.#waiting) {
          const k = `${w.input.sessionId}\n${w.input.idempotencyKey}`;
          if (group.length < MAX_GROUP && !keys.has(k)) {
            keys.add(k);
            group.push(w);
          } else rest.push(w);
        }
        this.#waiting = rest;
        await this.#storeGroup(group);
      }
    } finally {
      this.#busy = false;
    }
  }

  async #storeGroup(group: Waiting[]) {
    this.stats.statements += 1;
    this.stats.largestGroup = Math.max(this.stats.largestGroup, group.length);
    try {
      const rows = await storeUploads(this.ctx, group);
      group.forEach((w, i) => {
        w.resolve(rows[i]);
      });
    } catch {
      // Isolate the failure: each upload alone, with its own outcome.
      this.stats.retriedGroups += 1;
      for (const w of group) {
        try {
          const row = await storeUpload(this.ctx.db, this.ctx.audit, w.actor, w.input);
          w.resolve(row && { row, ...(row.batch_id ? { event: eventOf(w.input, row) } : {}) });
        } catch (e) {
          w.reject(e);
        }
      }
    }
  }
}

function eventOf(input: StoreUploadInput, row: StoreUploadRow): PendingEvent {
  const rs = input.readings;
  return {
    id: Number(row.event_id),
    clinicId: input.clinicId,
    kind: 'vitals',
    data: { sessionId: row.id, chair: row.chair, reading: latestOf(rs), count: rs.length },
  };
}

export const latestOf = (rs: StoredVital[]) => rs.reduce((x, y) => (y.at >= x.at ? y : x));

interface GroupRow extends Omit<StoreUploadRow, 'event_id'> {
  ord: number;
  /** The board events' ids, in the order of the stored uploads (they are inserted in that order). */
  event_ids: Array<number | string> | null;
}

/** One statement for the group; the answer per upload in the group's order (undefined: no such session). */
async function storeUploads(ctx: ModuleContext, group: Waiting[]): Promise<Array<StoredUpload | undefined>> {
  const u = group.map((w, ord) => ({ ord, ...w }));
  const readings = u.flatMap((x) => x.input.readings.map((r) => ({ ord: x.ord, r })));
  const col = <T>(f: (x: (typeof u)[number]) => T) => u.map(f);
  const rcol = <K extends keyof StoredVital>(k: K) => readings.map((x) => x.r[k]);
  const r = await sql<GroupRow>`-- prepare:vitals_store_uploads
    with u as (
      select * from unnest(${col((x) => x.ord)}::int[], ${col((x) => x.input.clinicId)}::uuid[],
        ${col((x) => x.input.sessionId)}::uuid[], ${col((x) => x.input.idempotencyKey)}::text[],
        ${col((x) => x.input.bodyHash)}::text[],
        ${col((x) => JSON.stringify({ readings: x.input.readings, alerts: [] }))}::jsonb[],
        ${col((x) => x.input.userId)}::uuid[], ${col((x) => x.input.now.toISOString())}::timestamptz[],
        ${col((x) => JSON.stringify(latestOf(x.input.readings)))}::jsonb[], ${col((x) => x.input.readings.length)}::int[],
        ${col((x) => x.actor?.email ?? null)}::text[], ${col((x) => x.actor?.role ?? null)}::text[],
        ${col((x) => x.actor?.sourceAddress ?? null)}::text[],
        ${col((x) => JSON.stringify({ readings: x.input.readings.length, alerts: x.input.alertCount }))}::jsonb[])
        as u(ord, clinic_id, session_id, key, body_hash, result, user_id, at, latest, n, user_email, role, source_address, details)
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
      insert into session_vitals (id, clinic_id, session_id, at, sbp, dbp, hr, spo2, rr, etco2, temp_c, batch_id, recorded_by, recorded_at)
      select x.id, s.clinic_id, s.id, x.at, x.sbp, x.dbp, x.hr, x.spo2, x.rr, x.etco2, x.temp_c, bu.id, u.user_id, u.at
        from unnest(${readings.map((x) => x.ord)}::int[], ${rcol('id')}::uuid[], ${rcol('at')}::timestamptz[],
                    ${rcol('sbp')}::float8[], ${rcol('dbp')}::float8[], ${rcol('hr')}::float8[], ${rcol('spo2')}::float8[],
                    ${rcol('rr')}::float8[], ${rcol('etco2')}::float8[], ${rcol('tempC')}::float8[])
               as x(ord, id, at, sbp, dbp, hr, spo2, rr, etco2, temp_c)
        join bu on bu.ord = x.ord join s on s.ord = x.ord join u on u.ord = x.ord
      returning 1
    ), e as (
      insert into board_events (clinic_id, at, kind, session_id, data)
      select s.clinic_id, u.at, 'vitals', s.id,
             jsonb_build_object('sessionId', s.id, 'chair', s.chair, 'reading', u.latest, 'count', u.n)
        from bu join s on s.ord = bu.ord join u on u.ord = bu.ord
       order by bu.ord
      returning id
    ), a as (
      insert into audit_log (at, clinic_id, user_id, user_email, role, patient_id, action, resource_type,
        resource_id, category, outcome, source_address, details)
      select u.at, u.clinic_id, u.user_id, u.user_email, u.role, s.patient_id, 'create', 'session_vitals',
             s.id::text, 'vital_signs', 'success', u.source_address, u.details
        from bu join s on s.ord = bu.ord join u on u.ord = bu.ord
    )
    select u.ord, s.id, s.clinic_id, s.patient_id, s.chair, s.locked_at, s.status, bu.id as batch_id,
           (select array_agg(e.id order by e.id) from e) as event_ids
      from u left join s on s.ord = u.ord left join bu on bu.ord = u.ord
     order by u.ord`.execute(ctx.db);
  ctx.audit.sealSoon();
  let k = 0;
  return group.map((w, i) => {
    const g = r.rows[i];
    if (!g?.id) return undefined;
    const { ord: _ord, event_ids, ...rest } = g;
    const row: StoreUploadRow = { ...rest, event_id: g.batch_id ? Number(event_ids?.[k++]) : null };
    return { row, ...(row.batch_id ? { event: eventOf(w.input, row) } : {}) };
  });
}

const queues = new WeakMap<ModuleContext, UploadQueue>();
export function uploadQueue(ctx: ModuleContext): UploadQueue {
  let q = queues.get(ctx);
  if (!q) {
    q = new UploadQueue(ctx);
    queues.set(ctx, q);
  }
  return q;
}
