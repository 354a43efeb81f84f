import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toJson } from './json.ts';
import type { Database } from './open-database.ts';
import type { DB } from './schema.ts';
import { openTestDatabase, testBackends } from './testing/index.ts';

/** Each backend, and the embedded database on a worker thread of its own (as the server runs it). */
const backends: Array<[string, () => Promise<Database>]> = [
  ...testBackends().map((b): [string, () => Promise<Database>] => [b, () => openTestDatabase(b)]),
  ['pglite on its own thread', () => openTestDatabase('pglite', { thread: true })],
];

describe.each(backends)('database on %s', (_label, open) => {
  let d: Database;
  beforeAll(async () => {
    d = await open();
  });
  afterAll(() => d.close());

  it('returns the same JavaScript types from both drivers', async () => {
    const r = await sql<{
      i8: unknown;
      c: unknown;
      n: unknown;
      d: unknown;
      ts: unknown;
      j: unknown;
    }>`select 9007199254740991::int8 as i8, count(*) as c, 1.50::numeric as n, '2026-01-02'::date as d, now() as ts, '[1,2]'::jsonb as j from clinics`.execute(
      d.db,
    );
    const [row] = r.rows;
    if (!row) throw new Error('no row');
    expect(row.i8).toBe(9007199254740991);
    expect(typeof row.c).toBe('number');
    expect(row.n).toBe('1.50');
    expect(row.d).toBe('2026-01-02');
    expect(row.ts).toBeInstanceOf(Date);
    expect(row.j).toEqual([1, 2]);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on audit_log', async () => {
    const c = await d.db
      .insertInto('clinics')
      .values({ name: 'T', address: toJson({}), settings: toJson({}) })
      .returning('id')
      .executeTakeFirstOrThrow();
    /** A new unsealed entry of the clinic, written through `db`. */
    const newEntry = (db: Kysely<DB>) =>
      db
        .insertInto('audit_log')
        .values({
          clinic_id: c.id,
          action: 'read',
          resource_type: 'x',
          outcome: 'success',
          details: toJson({}),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const row = await newEntry(d.db);
    await expect(
      d.db.updateTable('audit_log').set({ action: 'update' }).where('id', '=', row.id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(d.db.deleteFrom('audit_log').where('id', '=', row.id).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`truncate audit_log`.execute(d.db)).rejects.toThrow(/append-only/);
    // Sealing (setting seq + hash once, content unchanged) is the one allowed update. It is tried on an entry of
    // its own inside a transaction, rolled back at the end: on the test server the schema is shared with other
    // test files whose apps run the audit sealer, which would seal a committed entry first.
    const rollBack = new Error('roll back');
    await expect(
      d.db.transaction().execute(async (trx) => {
        const own = await newEntry(trx);
        await trx
          .updateTable('audit_log')
          .set({ seq: 1_000_000 + Math.floor(Math.random() * 1e6), hash: 'h', prev_hash: 'p' })
          .where('id', '=', own.id)
          .execute();
        await expect(
          trx.updateTable('audit_log').set({ hash: 'h2' }).where('id', '=', own.id).execute(),
        ).rejects.toThrow(/append-only/);
        throw rollBack;
      }),
    ).rejects.toBe(rollBack);
  });

  it('serializes transactions', async () => {
    const c = await d.db
      .insertInto('clinics')
      .values({ name: 'Serial', address: toJson({}), settings: toJson({}) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await Promise.all(
      Array.from({ length: 20 }, () =>
        d.db.transaction().execute(async (trx) => {
          const cur = await trx
            .selectFrom('clinics')
            .select('name')
            .where('id', '=', c.id)
            .forUpdate()
            .executeTakeFirstOrThrow();
          await trx
            .updateTable('clinics')
            .set({ name: `${cur.name}x` })
            .where('id', '=', c.id)
            .execute();
        }),
      ),
    );
    const end = await d.db
      .selectFrom('clinics')
      .select('name')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(end.name).toBe(`Serial${'x'.repeat(20)}`);
  });
});

describe("the embedded database's buffer cache", () => {
  const sharedBuffers = async (d: Database): Promise<string | undefined> =>
    (await sql<{ shared_buffers: string }>`show shared_buffers`.execute(d.db)).rows[0]?.shared_buffers;

  it('is 32 MB by default, whatever the data directory says, and takes the size it is given', async () => {
    const byDefault = await openTestDatabase('pglite');
    try {
      expect(await sharedBuffers(byDefault)).toBe('32MB');
    } finally {
      await byDefault.close();
    }
    const given = await openTestDatabase('pglite', { sharedBuffersMb: 48 });
    try {
      expect(await sharedBuffers(given)).toBe('48MB');
    } finally {
      await given.close();
    }
  });

  it('refuses a size that is not a whole number of megabytes', async () => {
    await expect(openTestDatabase('pglite', { sharedBuffersMb: 0.5 })).rejects.toThrow(/megabytes/);
  });
});
