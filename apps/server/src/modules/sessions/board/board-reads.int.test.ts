import { gunzipSync } from 'node:zlib';
import { testBackends } from '@plasticity/db/testing/index';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';
import { at, newSession } from '../test/fixtures.ts';
import { boardReadsOf } from './get-board.ts';

/** Board requests of one clinic that arrive together share a read (get-board.ts, CoalescedReads). */
describe.each(testBackends())('shared board reads on %s', (backend) => {
  const h = useTestApp(backend);

  it('answers concurrent readers from shared reads, each reader audited once, the same board to all', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const readers = [nurse, await c.login('prescriber'), await c.login('therapist'), await c.login('admin')];
    await newSession(h, c, nurse, undefined, '3');
    const reads = boardReadsOf(h.built.ctx);
    const before = { ...reads.stats };

    const answers = await Promise.all(
      readers.flatMap((r) => [r.get('/api/v1/board'), r.get('/api/v1/board')]),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    for (const a of answers) expect(a.body).toEqual(answers[0]?.body);
    expect(answers[0]?.body.sessions).toHaveLength(1);
    expect(reads.stats.requests - before.requests).toBe(8);
    expect(reads.stats.reads - before.reads).toBeLessThan(8);

    const entries = await h.database.db
      .selectFrom('audit_log')
      .select(['user_id', 'role', 'action', 'category', 'details'])
      .where('clinic_id', '=', c.clinicId)
      .where('resource_type', '=', 'board')
      .execute();
    expect(entries).toHaveLength(8);
    expect(new Set(entries.map((e) => e.role))).toEqual(
      new Set(['nurse', 'prescriber', 'therapist', 'admin']),
    );
    for (const e of entries)
      expect(e).toMatchObject({ action: 'query', category: 'vital_signs', details: { sessions: 1 } });
  });

  it('shows every reading stored before a request arrived, though other reads of the board were running', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    const other = await c.login('prescriber');
    const s = await newSession(h, c, nurse, undefined, '5');
    // A second screen polls the board without pause, so reads are running whenever a reading is stored.
    let polling = true;
    // (It yields to the event loop between reads, as a screen across the network does: in-process requests on
    // the embedded database can otherwise run from one microtask to the next and starve everything else.)
    const poller = (async () => {
      while (polling) {
        expect((await other.get('/api/v1/board')).status).toBe(200);
        await new Promise((r) => setImmediate(r));
      }
    })();
    const pending: Array<{
      hr: number;
      board: Promise<{ body: { sessions: Array<{ trend: { hr: number }[] }> } }>;
    }> = [];
    for (let i = 0; i < 12; i++) {
      const hr = 60 + i;
      const up = await nurse.post(`/api/v1/sessions/${s.id}/vitals`, {
        idempotencyKey: `fresh-${i}`,
        readings: [{ at: at(h, i * 1000), hr }],
      });
      expect(up.status).toBe(201);
      pending.push({ hr, board: nurse.get('/api/v1/board') }); // not awaited: it may queue behind a read
    }
    for (const p of pending) {
      const hrs = (await p.board).body.sessions[0]?.trend.map((v) => v.hr);
      expect(hrs).toContain(p.hr);
    }
    polling = false;
    await poller;
  });

  it('keeps clinics apart: a read for one clinic never answers another', async () => {
    const a = await h.newClinic();
    const b = await h.newClinic();
    const nurseA = await a.login('nurse');
    const nurseB = await b.login('nurse');
    const sA = await newSession(h, a, nurseA, undefined, '1');
    const [boardA, boardB] = await Promise.all([nurseA.get('/api/v1/board'), nurseB.get('/api/v1/board')]);
    expect(boardA.body.sessions.map((x: { id: string }) => x.id)).toEqual([sA.id]);
    expect(boardB.body.sessions).toEqual([]);
  });

  it('sends the board gzipped to a client that accepts gzip, and as plain JSON to one that does not', async () => {
    const c = await h.newClinic();
    const nurse = await c.login('nurse');
    await newSession(h, c, nurse, undefined, '6');
    const get = (acceptEncoding?: string) =>
      h.app.inject({
        method: 'GET',
        url: '/api/v1/board',
        headers: {
          cookie: nurse.cookie as string,
          ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}),
        },
      });
    const [zipped, plain, refused] = await Promise.all([
      get('gzip, deflate, br'),
      get(),
      get('gzip;q=0, identity'),
    ]);
    for (const r of [zipped, plain, refused]) {
      expect(r.statusCode).toBe(200);
      expect(r.headers.vary).toBe('accept-encoding');
    }
    expect(zipped.headers['content-encoding']).toBe('gzip');
    const unzipped = JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'));
    expect(unzipped.sessions).toEqual(JSON.parse(plain.body).sessions);
    expect(unzipped.sessions).toHaveLength(1);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(refused.body).sessions).toEqual(unzipped.sessions);
    // Other answers are never compressed.
    const me = await h.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: nurse.cookie as string, 'accept-encoding': 'gzip' },
    });
    expect(me.statusCode).toBe(200);
    expect(me.headers['content-encoding']).toBeUndefined();
  });
});
