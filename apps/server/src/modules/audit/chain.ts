/**
 * The audit log's hash chain (HIPAA §164.312(b) audit controls, §164.312(c)(1) integrity;
 * ONC 170.315(d)(2) and (d)(10) tamper detection).
 *
 * Each entry's hash is SHA-256 over the previous entry's hash, its own chain position and its
 * content, so altering, deleting or reordering any sealed entry breaks the chain from there on.
 * Entries are written unsealed inside each request's own transaction (no chain-wide lock held
 * across a request's commit, so the chain never caps write throughput) and sealed in commit order
 * by `sealPending`, which alone serializes on an advisory lock.
 */
import { createHash } from 'node:crypto';
import type { DB } from '@plasticity/db';
import { type Kysely, sql } from 'kysely';

export const GENESIS_HASH = '0'.repeat(64);
const SEAL_LOCK = 727275;

export interface ChainContent {
  id: string;
  at: Date;
  clinic_id: string | null;
  user_id: string | null;
  user_email: string | null;
  role: string | null;
  patient_id: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  category: string | null;
  outcome: string;
  source_address: string | null;
  details: unknown;
}

/** JSON with object keys sorted at every depth, so jsonb's key reordering cannot change a hash. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(',')}}`;
}

export function entryHash(prevHash: string, seq: number, e: ChainContent): string {
  const content = canonicalJson({
    id: e.id,
    at: e.at.toISOString(),
    clinic_id: e.clinic_id,
    user_id: e.user_id,
    user_email: e.user_email,
    role: e.role,
    patient_id: e.patient_id,
    action: e.action,
    resource_type: e.resource_type,
    resource_id: e.resource_id,
    category: e.category,
    outcome: e.outcome,
    source_address: e.source_address,
    details: e.details ?? null,
  });
  return createHash('sha256').update(`${prevHash}\n${seq}\n${content}`).digest('hex');
}

const CONTENT_COLUMNS = [
  'id',
  'at',
  'clinic_id',
  'user_id',
  'user_email',
  'role',
  'patient_id',
  'action',
  'resource_type',
  'resource_id',
  'category',
  'outcome',
  'source_address',
  'details',
] as const;

/** Takes the sealer's lock (until the transaction ends) and reads the last sealed entry's position and hash. */
async function lockedHead(trx: Kysely<DB>): Promise<{ seq: number | null; hash: string | null } | undefined> {
  await sql`select pg_advisory_xact_lock(${SEAL_LOCK})`.execute(trx);
  return trx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .where('seq', 'is not', null)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Entries one sealing pass takes at most. */
export const SEAL_BATCH = 5000;

/** Seals up to `batch` committed, unsealed entries in commit-visible order. Returns how many. */
export async function sealPending(db: Kysely<DB>, batch = SEAL_BATCH): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const last = await lockedHead(trx);
    const rows = await trx
      .selectFrom('audit_log')
      .select(CONTENT_COLUMNS)
      .where('seq', 'is', null)
      .orderBy('created_seq')
      .limit(batch)
      .execute();
    if (rows.length === 0) return 0;
    let prev = last?.hash ?? GENESIS_HASH;
    let seq = last?.seq ?? 0;
    // Each entry's position, previous hash and hash, as one array per column: four parameters for the whole pass.
    const seqs: number[] = [];
    const prevs: string[] = [];
    const hashes: string[] = [];
    for (const r of rows) {
      seq += 1;
      const hash = entryHash(prev, seq, r);
      seqs.push(seq);
      prevs.push(prev);
      hashes.push(hash);
      prev = hash;
    }
    // The head and the entries in one statement (one round trip).
    await sql`with h as (
        insert into audit_chain_head (id, seq, hash) values (true, ${seq}, ${prev})
        on conflict (id) do update set seq = excluded.seq, hash = excluded.hash
      )
      update audit_log a set seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
      from unnest(${rows.map((r) => r.id)}::uuid[], ${seqs}::bigint[], ${prevs}::text[], ${hashes}::text[])
        as v(id, seq, prev_hash, hash)
      where a.id = v.id`.execute(trx);
    return rows.length;
  });
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  unsealed: number;
  /** The first bad entry: its chain position, id (when the row still exists) and what is wrong. */
  firstBad?: { seq: number; id: string | null; problem: string };
}

/** Walks the chain in order and recomputes every hash. */
export async function verifyChain(db: Kysely<DB>, pageSize = 5000): Promise<VerifyResult> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_log')
      .select([...CONTENT_COLUMNS, 'seq', 'prev_hash', 'hash'])
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const r of rows) {
      const seq = r.seq as number;
      if (seq !== expectedSeq) {
        return {
          ok: false,
          checked,
          unsealed: await countUnsealed(db),
          firstBad: {
            seq: expectedSeq,
            id: null,
            problem: `entry ${expectedSeq} is missing (deleted), next is ${seq}`,
          },
        };
      }
      if (r.prev_hash !== prev) {
        return {
          ok: false,
          checked,
          unsealed: await countUnsealed(db),
          firstBad: {
            seq,
            id: r.id,
            problem:
              'its link to the previous entry is broken (an earlier entry was altered, deleted or reordered)',
          },
        };
      }
      if (entryHash(prev, seq, r) !== r.hash) {
        return {
          ok: false,
          checked,
          unsealed: await countUnsealed(db),
          firstBad: { seq, id: r.id, problem: 'its content does not match its hash (altered)' },
        };
      }
      prev = r.hash as string;
      expectedSeq += 1;
      checked += 1;
    }
    if (rows.length < pageSize) break;
  }
  const head = await db.selectFrom('audit_chain_head').select(['seq', 'hash']).executeTakeFirst();
  if (head && (head.seq !== expectedSeq - 1 || head.hash !== prev)) {
    const bad = head.seq > expectedSeq - 1 ? expectedSeq : head.seq;
    return {
      ok: false,
      checked,
      unsealed: await countUnsealed(db),
      firstBad: {
        seq: bad,
        id: null,
        problem: `the chain ends at entry ${expectedSeq - 1} but was sealed up to entry ${head.seq} (newest entries deleted or altered)`,
      },
    };
  }
  return { ok: true, checked, unsealed: await countUnsealed(db) };
}

async function countUnsealed(db: Kysely<DB>): Promise<number> {
  const r = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('seq', 'is', null)
    .executeTakeFirstOrThrow();
  return r.n;
}

/**
 * Appends entries already in their final order as sealed entries (bulk loads: the population generator): under the
 * sealer's lock, each gets the next chain position and its hash over the current head, exactly as `sealPending`
 * would give it, and is inserted sealed in one multi-row statement, the head moved with it. Entries written
 * unsealed by others meanwhile are sealed after these. Run in a transaction.
 */
export async function appendSealed(trx: Kysely<DB>, entries: readonly ChainContent[]): Promise<void> {
  if (entries.length === 0) return;
  const last = await lockedHead(trx);
  let prev = last?.hash ?? GENESIS_HASH;
  let seq = last?.seq ?? 0;
  const seqs: number[] = [];
  const prevs: string[] = [];
  const hashes: string[] = [];
  for (const e of entries) {
    seq += 1;
    const hash = entryHash(prev, seq, e);
    seqs.push(seq);
    prevs.push(prev);
    hashes.push(hash);
    prev = hash;
  }
  const col = <K extends keyof ChainContent>(k: K) => entries.map((e) => e[k]);
  await sql`with h as (
      insert into audit_chain_head (id, seq, hash) values (true, ${seq}, ${prev})
      on conflict (id) do update set seq = excluded.seq, hash = excluded.hash
    )
    insert into audit_log (id, at, clinic_id, user_id, user_email, role, patient_id, action, resource_type,
      resource_id, category, outcome, source_address, details, seq, prev_hash, hash)
    select * from unnest(${col('id')}::uuid[], ${col('at')}::timestamptz[], ${col('clinic_id')}::uuid[],
      ${col('user_id')}::uuid[], ${col('user_email')}::text[], ${col('role')}::text[], ${col('patient_id')}::uuid[],
      ${col('action')}::text[], ${col('resource_type')}::text[], ${col('resource_id')}::text[],
      ${col('category')}::text[], ${col('outcome')}::text[], ${col('source_address')}::text[],
      ${entries.map((e) => (e.details === null || e.details === undefined ? null : JSON.stringify(e.details)))}::jsonb[],
      ${seqs}::bigint[], ${prevs}::text[], ${hashes}::text[])`.execute(trx);
}
