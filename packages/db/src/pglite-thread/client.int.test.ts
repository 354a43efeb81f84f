import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataDirLockedError } from '../data-dir-lock.ts';
import { toJson } from '../json.ts';
import { type Database, openDatabase } from '../open-database.ts';
import { openTestDatabase } from '../testing/index.ts';

describe('the embedded database on a worker thread', () => {
  let d: Database;
  beforeAll(async () => {
    d = await openTestDatabase('pglite', { thread: true });
  });
  afterAll(() => d.close());

  it("passes PostgreSQL's error on with its SQLSTATE, constraint and table, and keeps serving", async () => {
    const row = { name: 'Twice', address: toJson({}), settings: toJson({}) };
    const c = await d.db.insertInto('clinics').values(row).returning('id').executeTakeFirstOrThrow();
    const err = await d.db
      .insertInto('clinics')
      .values({ ...row, id: c.id })
      .execute()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({ code: '23505', constraint: 'clinics_pkey', table: 'clinics' });
    expect((err as Error).message).toMatch(/duplicate key/);
    const n = await d.db
      .selectFrom('clinics')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(n.n).toBe(1);
  });

  it('refuses a parameter that cannot be sent to the thread, and goes on serving', async () => {
    await expect(
      d.db.executeQuery(CompiledQuery.raw('select $1::text as t', [() => 'a function'])),
    ).rejects.toThrow(/could not be cloned/);
    const r = await d.db.executeQuery<{ t: string }>(CompiledQuery.raw('select $1::text as t', ['text']));
    expect(r.rows).toEqual([{ t: 'text' }]);
  });

  it('rolls a failed transaction back whole', async () => {
    const name = `Rolled back ${Math.random()}`;
    await expect(
      d.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('clinics')
          .values({ name, address: toJson({}), settings: toJson({}) })
          .execute();
        await sql`select 1/0`.execute(trx);
      }),
    ).rejects.toMatchObject({ code: '22012' });
    const left = await d.db.selectFrom('clinics').select('id').where('name', '=', name).execute();
    expect(left).toEqual([]);
  });

  it('delivers NOTIFY to each listener until it unsubscribes', async () => {
    const a: string[] = [];
    const b: string[] = [];
    const stopA = await d.listen('thread_test', (p) => a.push(p));
    const stopB = await d.listen('thread_test', (p) => b.push(p));
    await sql`select pg_notify('thread_test', 'one')`.execute(d.db);
    await expect.poll(() => [a, b]).toEqual([['one'], ['one']]);
    await stopA();
    await sql`select pg_notify('thread_test', 'two')`.execute(d.db);
    await expect.poll(() => b).toEqual(['one', 'two']);
    await stopB();
    await sql`select pg_notify('thread_test', 'three')`.execute(d.db);
    await sql`select 1`.execute(d.db); // the notification, had there been one, would have come before this answer
    expect([a, b]).toEqual([['one'], ['one', 'two']]);
  });

  it('refuses LISTEN on a channel PostgreSQL refuses, each time it is asked', async () => {
    await expect(d.listen('', () => {})).rejects.toMatchObject({ code: '42601' });
    await expect(d.listen('', () => {})).rejects.toMatchObject({ code: '42601' });
  });

  it('dumps a data directory another embedded database opens with the same rows', async () => {
    const name = `Dumped ${Math.random()}`;
    await d.db
      .insertInto('clinics')
      .values({ name, address: toJson({}), settings: toJson({}) })
      .execute();
    const dump = await d.dumpDataDir?.();
    if (!dump) throw new Error('no dump');
    const copy = await openDatabase({ kind: 'pglite', loadDataDir: dump });
    try {
      const found = await copy.db.selectFrom('clinics').select('name').where('name', '=', name).execute();
      expect(found).toEqual([{ name }]);
    } finally {
      await copy.close();
    }
  });
});

describe('opening and closing it', () => {
  it('refuses a buffer cache that is not a whole number of megabytes', async () => {
    await expect(openTestDatabase('pglite', { thread: true, sharedBuffersMb: 0 })).rejects.toThrow(
      /megabytes/,
    );
  });

  it('answers nothing once closed, and a closed data directory opens again', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plasticity-thread-'));
    try {
      const first = await openDatabase({ kind: 'pglite', dataDir: dir, thread: true });
      await expect(openDatabase({ kind: 'pglite', dataDir: dir })).rejects.toThrow(DataDirLockedError);
      await sql`create table kept (n int)`.execute(first.db);
      await sql`insert into kept values (7)`.execute(first.db);
      await first.close();
      await expect(sql`select 1`.execute(first.db)).rejects.toThrow();
      const again = await openDatabase({ kind: 'pglite', dataDir: dir, thread: true });
      try {
        const rows = await sql<{ n: number }>`select n from kept`.execute(again.db);
        expect(rows.rows).toEqual([{ n: 7 }]);
      } finally {
        await again.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('does not keep a process alive once nothing waits for it, but does while a query runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plasticity-thread-'));
    // A query that takes a while, awaited, then nothing: the process must print the answer, then end by itself.
    const script = `
      import { openDatabase } from ${JSON.stringify(new URL('../open-database.ts', import.meta.url).href)};
      import { sql } from ${JSON.stringify(import.meta.resolve('kysely'))};
      const d = await openDatabase({ kind: 'pglite', dataDir: ${JSON.stringify(dir)}, thread: true });
      const r = await sql\`select pg_sleep(0.3), 42 as answer\`.execute(d.db);
      console.log('answer', r.rows[0].answer);
    `;
    const probe = join(dir, 'probe.mts');
    writeFileSync(probe, script);
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', probe], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (b: Buffer) => {
        out += b.toString();
      });
      child.stderr.on('data', (b: Buffer) => {
        out += b.toString();
      });
      const code = await new Promise<number | null>((resolve, reject) => {
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          reject(new Error(`the process did not end by itself:\n${out}`));
        }, 30_000);
        child.on('exit', (c) => {
          clearTimeout(timer);
          resolve(c);
        });
      });
      expect(out).toContain('answer 42');
      expect(code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
