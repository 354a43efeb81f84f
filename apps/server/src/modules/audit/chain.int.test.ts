/**
 * The audit log's tamper evidence (ONC 170.315(d)(2) and (d)(10)): the database
 * refuses UPDATE, DELETE and TRUNCATE on audit_log; the SHA-256 chain verifies on an intact log and,
 * with the protecting trigger disabled (as an attacker with database access could), names the first
 * bad entry after a row is altered, deleted (middle or newest) or two rows' content is swapped.
 *
 * Each scenario runs on a private database (a fresh embedded one, or a private schema on the
 * PostgreSQL server) because it deliberately breaks the chain.
 */
import { randomUUID } from 'node:crypto';
import { type Database, migrate, openDatabase, toJson } from '@plasticity/db';
import { openTestDatabase, type TestBackend, testBackends } from '@plasticity/db/testing/index';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { ManualClock } from '../../platform/clock.ts';
import { AuditWriter } from './audit-writer.ts';
import { sealPending, verifyChain } from './chain.ts';

async function privateDatabase(
  backend: TestBackend,
): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (backend === 'pglite') {
    const database = await openTestDatabase('pglite');
    return { database, drop: () => database.close() };
  }
  const url = inject('pgUrl');
  const schema = `plasticity_chain_${process.pid}_${randomUUID().slice(0, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  const database = await openDatabase({ kind: 'postgres', url, schema, poolSize: 4 });
  await migrate(database.db);
  return {
    database,
    drop: async () => {
      await database.close();
      await admin.query(`drop schema ${schema} cascade`);
      await admin.end();
    },
  };
}

/** A realistic little history: several clinics, users, patients, actions, nested and unicode details. */
async function history(database: Database, n = 40) {
  const clock = new ManualClock(Date.parse('2026-03-01T09:00:00Z'));
  const w = new AuditWriter(database.db, clock, 60_000);
  const clinics = [randomUUID(), randomUUID()];
  const actions = ['read', 'create', 'update', 'query', 'export', 'print', 'login'] as const;
  for (let i = 0; i < n; i++) {
    clock.advance(61_000);
    await w.record(
      database.db,
      {
        clinicId: clinics[i % 2] as string,
        userId: randomUUID(),
        email: `user${i % 5}@clinic.example`,
        role: i % 3 ? 'nurse' : 'prescriber',
        sourceAddress: '10.0.0.7',
      },
      {
        action: actions[i % actions.length] as (typeof actions)[number],
        resourceType: 'patient',
        resourceId: randomUUID(),
        patientId: i % 4 ? randomUUID() : null,
        category: 'demographics',
        outcome: i % 9 === 0 ? 'failure' : 'success',
        details: { n: i, nested: { z: 1, a: [1, 'ü', null] }, note: 'café ☕' },
      },
    );
    if (i === n / 2) while ((await sealPending(database.db, 7)) > 0);
  }
  while ((await sealPending(database.db, 7)) > 0);
  await w.stop();
  return database.db.selectFrom('audit_log').select(['id', 'seq']).orderBy('seq').execute();
}

const unprotect = (d: Database) =>
  sql`alter table audit_log disable trigger audit_log_append_only`.execute(d.db);

describe.each(testBackends())('audit chain on %s', (backend) => {
  let current: { database: Database; drop: () => Promise<void> } | undefined;
  const open = async () => {
    current = await privateDatabase(backend);
    return current.database;
  };
  afterEach(async () => {
    await current?.drop();
    current = undefined;
  });

  it('verifies an intact log, sealed in several batches', async () => {
    const d = await open();
    const rows = await history(d);
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    const r = await verifyChain(d.db, 9);
    expect(r).toEqual({ ok: true, checked: 40, unsealed: 0 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself, and content changes while sealing', async () => {
    const d = await open();
    const rows = await history(d, 5);
    const id = rows[2]?.id as string;
    await expect(
      d.db.updateTable('audit_log').set({ action: 'read' }).where('id', '=', id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(d.db.deleteFrom('audit_log').where('id', '=', id).execute()).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(d.db)).rejects.toThrow(/append-only/);
    await d.db
      .insertInto('audit_log')
      .values({ action: 'read', resource_type: 'x', outcome: 'success', details: toJson(null) })
      .execute();
    const fresh = await d.db
      .selectFrom('audit_log')
      .select('id')
      .where('seq', 'is', null)
      .executeTakeFirstOrThrow();
    // Sealing may set seq/prev_hash/hash only: changing content at the same time is refused.
    await expect(
      d.db
        .updateTable('audit_log')
        .set({ seq: 99, hash: 'h', prev_hash: 'p', user_email: 'x@y.z' })
        .where('id', '=', fresh.id)
        .execute(),
    ).rejects.toThrow(/append-only/);
    // Re-sealing an already sealed row is refused too.
    await expect(
      d.db.updateTable('audit_log').set({ seq: 98, hash: 'h' }).where('id', '=', id).execute(),
    ).rejects.toThrow(/append-only/);
    expect((await verifyChain(d.db)).ok).toBe(true);
  });

  it('names the altered entry (seq and id) when one row’s content changes', async () => {
    const d = await open();
    const rows = await history(d);
    const victim = rows[16] as { id: string; seq: number };
    await unprotect(d);
    await d.db
      .updateTable('audit_log')
      .set({ user_email: 'someone-else@clinic.example' })
      .where('id', '=', victim.id)
      .execute();
    const r = await verifyChain(d.db);
    expect(r.ok).toBe(false);
    expect(r.firstBad).toMatchObject({ seq: victim.seq, id: victim.id });
    expect(r.firstBad?.problem).toMatch(/altered/);
    expect(r.checked).toBe(victim.seq - 1);
  });

  it.each([
    ['details (jsonb)', { details: toJson({ n: 0, nested: { z: 2 } }) }],
    ['time', { at: new Date('2020-01-01T00:00:00Z') }],
    ['outcome', { outcome: 'failure' }],
    ['patient', { patient_id: null }],
  ] as const)('detects a change of the %s', async (_what, change) => {
    const d = await open();
    const rows = await history(d, 12);
    const victim = rows[5] as { id: string; seq: number };
    await unprotect(d);
    await d.db.updateTable('audit_log').set(change).where('id', '=', victim.id).execute();
    const r = await verifyChain(d.db);
    expect(r.firstBad?.seq).toBe(victim.seq);
  });

  it('names the missing position when a middle row is deleted', async () => {
    const d = await open();
    const rows = await history(d);
    await unprotect(d);
    await d.db.deleteFrom('audit_log').where('seq', '=', 23).execute();
    const r = await verifyChain(d.db);
    expect(r.ok).toBe(false);
    expect(r.firstBad?.seq).toBe(23);
    expect(r.firstBad?.problem).toMatch(/missing|deleted/);
    expect(rows).toHaveLength(40);
  });

  it('detects deletion of the newest rows through the chain head', async () => {
    const d = await open();
    await history(d);
    await unprotect(d);
    await d.db.deleteFrom('audit_log').where('seq', '>=', 39).execute();
    const r = await verifyChain(d.db);
    expect(r.ok).toBe(false);
    expect(r.firstBad?.seq).toBe(39);
    expect(r.firstBad?.problem).toMatch(/newest|sealed up to entry 40/);
  });

  it('detects two rows’ content swapped, and two rows’ positions swapped', async () => {
    const d = await open();
    const rows = await history(d);
    await unprotect(d);
    const a = await d.db.selectFrom('audit_log').selectAll().where('seq', '=', 10).executeTakeFirstOrThrow();
    const b = await d.db.selectFrom('audit_log').selectAll().where('seq', '=', 11).executeTakeFirstOrThrow();
    const content = (x: typeof a) => ({
      user_email: x.user_email,
      action: x.action,
      role: x.role,
      patient_id: x.patient_id,
      at: x.at,
      details: toJson(x.details),
    });
    await d.db.updateTable('audit_log').set(content(b)).where('id', '=', a.id).execute();
    await d.db.updateTable('audit_log').set(content(a)).where('id', '=', b.id).execute();
    expect((await verifyChain(d.db)).firstBad?.seq).toBe(10);

    const d2 = await (async () => {
      await current?.drop();
      return open();
    })();
    await history(d2);
    await unprotect(d2);
    await d2.db.updateTable('audit_log').set({ seq: -1 }).where('seq', '=', 30).execute();
    await d2.db.updateTable('audit_log').set({ seq: 30 }).where('seq', '=', 31).execute();
    await d2.db.updateTable('audit_log').set({ seq: 31 }).where('seq', '=', -1).execute();
    const r = await verifyChain(d2.db);
    expect(r.ok).toBe(false);
    expect(r.firstBad?.seq).toBe(30);
    expect(rows).toHaveLength(40);
  });

  it('seals entries committed concurrently exactly once, in one unbroken chain', async () => {
    const d = await open();
    const w = new AuditWriter(d.db, new ManualClock(), 60_000);
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        d.db
          .transaction()
          .execute((trx) =>
            w.record(trx, null, { action: 'read', resourceType: 'patient', resourceId: String(i) }),
          ),
      ).concat(Array.from({ length: 5 }, () => w.flush())),
    );
    await w.flush();
    await w.stop();
    const seqs = (await d.db.selectFrom('audit_log').select('seq').orderBy('seq').execute()).map(
      (r) => r.seq,
    );
    expect(seqs).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect((await verifyChain(d.db)).ok).toBe(true);
  });

  it('seals everything committed before a flush, and returns while writes go on (no pass after pass)', async () => {
    const d = await open();
    // Counts sealing passes: each takes the sealer's lock once.
    let passes = 0;
    const counted = d.db.withPlugin({
      transformQuery: ({ node }) => {
        if (node.kind === 'RawNode' && node.sqlFragments.some((f) => f.includes('pg_advisory_xact_lock')))
          passes += 1;
        return node;
      },
      transformResult: async ({ result }) => result,
    });
    const w = new AuditWriter(counted, new ManualClock(), 60_000);
    const write = (i: number) =>
      w.record(d.db, null, { action: 'read', resourceType: 'patient', resourceId: `w${i}` });
    for (let i = 0; i < 20; i++) await write(i);
    // A writer that never pauses: sealing until no entry is left would not end while it runs.
    let writing = true;
    let written = 20;
    const writer = (async () => {
      while (writing) await write(written++);
    })();
    try {
      const before = written;
      passes = 0;
      await w.flush();
      const unsealedBefore = await d.db
        .selectFrom('audit_log')
        .select('resource_id')
        .where('seq', 'is', null)
        .where(
          'resource_id',
          'in',
          Array.from({ length: before }, (_, i) => `w${i}`),
        )
        .execute();
      expect(unsealedBefore).toEqual([]);
      expect(passes).toBe(1);
    } finally {
      writing = false;
      await writer;
    }
    await w.flush();
    await w.stop();
    expect((await verifyChain(d.db)).ok).toBe(true);
  });
});
