import { PGlite } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PGliteDialect } from './pglite-dialect.ts';

describe('PGlite dialect', () => {
  let pg: PGlite;
  let db: Kysely<Record<string, never>>;
  beforeAll(async () => {
    pg = await PGlite.create();
    db = new Kysely({ dialect: new PGliteDialect(pg) });
  });
  afterAll(() => db.destroy());

  it('runs multi-statement SQL without parameters (migrations) and parameterised queries', async () => {
    await sql.raw('create table t (n int); insert into t values (1), (2);').execute(db);
    const r = await sql<{ s: number }>`select sum(n)::int as s from t where n > ${0}`.execute(db);
    expect(r.rows[0]?.s).toBe(3);
  });

  it('rolls a failed transaction back and keeps serving', async () => {
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`insert into t values (10)`.execute(trx);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const r = await sql<{ c: number }>`select count(*)::int as c from t`.execute(db);
    expect(r.rows[0]?.c).toBe(2);
  });

  it('tells a query that waits on its own transaction why, instead of hanging forever', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const stuck = db.transaction().execute(async () => {
        const inner = sql`select 1`.execute(db); // wrong: the top-level db inside a transaction
        const settled = inner.catch((e: Error) => e);
        await vi.advanceTimersByTimeAsync(30_001);
        return settled;
      });
      const err = await stuck;
      expect(String(err)).toMatch(/only connection.*trx/s);
    } finally {
      vi.useRealTimers();
    }
    const r = await sql<{ one: number }>`select 1 as one`.execute(db);
    expect(r.rows[0]?.one).toBe(1);
  });
});
