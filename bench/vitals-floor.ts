/**
 * The floor for the vitals benchmark: the same work as Plasticity's vitals ingestion done by a minimal
 * Node `http` + `pg` program, so the app's figures can be printed as a ratio against it in the same run.
 * POST /vitals {sessionId, reading}: one transaction inserting the reading and an audit-like row, and a
 * `pg_notify` when SpO2 crosses 92 (as an alert would); GET /events: an SSE stream fed by LISTEN.
 * Started by vitals.bench.ts as its own process: `node --import tsx bench/vitals-floor.ts <database-url>`.
 */
import http from 'node:http';
import pg from 'pg';

const url = process.argv[2];
if (!url) throw new Error('usage: vitals-floor.ts <database-url>');
const pool = new pg.Pool({ connectionString: url, max: 10 });
await pool.query(`
  create table if not exists floor_vitals (id uuid primary key default gen_random_uuid(), session_id uuid not null, at timestamptz not null,
    sbp double precision, dbp double precision, hr double precision, spo2 double precision, rr double precision, recorded_at timestamptz not null default now());
  create table if not exists floor_audit (id uuid primary key default gen_random_uuid(), at timestamptz not null default now(), action text not null,
    resource_id text, details jsonb);`);
const clients = new Set<http.ServerResponse>();
const listener = new pg.Client({ connectionString: url });
await listener.connect();
await listener.query('listen floor_alerts');
listener.on('notification', (n) => {
  for (const res of clients) res.write(`event: alert\ndata: ${n.payload}\n\n`);
});

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/events') {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    res.write(': connected\n\n');
    clients.add(res);
    req.on('close', () => clients.delete(res));
    return;
  }
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (c: string) => {
    body += c;
  });
  req.on('end', async () => {
    try {
      const { sessionId, reading: r } = JSON.parse(body);
      const c = await pool.connect();
      try {
        await c.query('begin');
        const ins = await c.query(
          'insert into floor_vitals (session_id, at, sbp, dbp, hr, spo2, rr) values ($1, $2, $3, $4, $5, $6, $7) returning id',
          [sessionId, r.at, r.sbp ?? null, r.dbp ?? null, r.hr ?? null, r.spo2 ?? null, r.rr ?? null],
        );
        await c.query('insert into floor_audit (action, resource_id, details) values ($1, $2, $3)', [
          'create',
          sessionId,
          '{"readings":1}',
        ]);
        if (typeof r.spo2 === 'number' && r.spo2 < 92) {
          await c.query('select pg_notify($1, $2)', [
            'floor_alerts',
            JSON.stringify({ sessionId, parameter: 'spo2', value: r.spo2, at: r.at }),
          ]);
        }
        await c.query('commit');
        res.writeHead(201, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: ins.rows[0].id }));
      } catch (e) {
        await c.query('rollback').catch(() => {});
        throw e;
      } finally {
        c.release();
      }
    } catch {
      res.writeHead(400).end();
    }
  });
});
server.listen(0, '127.0.0.1', () => {
  const a = server.address() as { port: number };
  console.log(JSON.stringify({ floorReady: true, port: a.port }));
});
process.on('SIGTERM', () => {
  for (const res of clients) res.end();
  server.close();
  void Promise.all([pool.end(), listener.end()]).finally(() => process.exit(0));
});
