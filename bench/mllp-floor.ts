/**
 * The floor for the MLLP benchmark: the cheapest correct program for the same durable work — an MLLP server
 * (the same framer) that parses each ORU^R01 with the same HL7 library and reads the same observations
 * (`parseOru`), then in ONE prepared autocommit statement claims the message control id (MSH-10, unique: a
 * resent message stores nothing), stores its readings and an audit row, and answers AA — with no device or
 * session lookup, patient check, thresholds, alerts or board events.
 * Started by mllp.bench.ts as its own process: `node --import tsx bench/mllp-floor.ts <database-url> <session-id>`.
 */
import net from 'node:net';
import pg from 'pg';
import { buildAck } from '../apps/server/src/modules/devices/hl7/ack.ts';
import { parseOru } from '../apps/server/src/modules/devices/hl7/oru.ts';
import { frame, MllpFramer } from '../apps/server/src/modules/devices/mllp/framer.ts';

const [url, sessionId] = process.argv.slice(2);
if (!url || !sessionId) throw new Error('usage: mllp-floor.ts <database-url> <session-id>');
const pool = new pg.Pool({ connectionString: url, max: 10 });
await pool.query(`
  create table if not exists floor_device_messages (id bigint generated always as identity primary key,
    control_id text not null unique, at timestamptz not null default now());
  create table if not exists floor_device_vitals (id uuid primary key default gen_random_uuid(),
    session_id uuid not null, message_id bigint not null, at timestamptz not null, sbp double precision,
    dbp double precision, hr double precision, spo2 double precision, rr double precision, etco2 double precision,
    device_id text, recorded_at timestamptz not null default now());
  create table if not exists floor_device_audit (id bigint generated always as identity primary key,
    at timestamptz not null default now(), resource_id text, details jsonb);`);

const server = net.createServer((socket) => {
  const framer = new MllpFramer(1_048_576);
  let chain: Promise<void> = Promise.resolve();
  socket.setNoDelay(true);
  socket.on('error', () => socket.destroy());
  socket.on('data', (d: Buffer) => {
    for (const ev of framer.push(d)) {
      if (ev.kind !== 'message') continue;
      chain = chain.then(async () => {
        const m = parseOru(ev.text, new Date());
        if (!m.ok) return void socket.write(frame(buildAck(m.header, m.refusal)));
        const r = m.readings;
        const col = (k: 'sbp' | 'dbp' | 'hr' | 'spo2' | 'rr' | 'etco2') => r.map((x) => x[k] ?? null);
        await pool.query({
          name: 'floor_insert',
          text: `with k as (
                   insert into floor_device_messages (control_id) values ($11) on conflict do nothing returning id
                 ), v as (
                   insert into floor_device_vitals (session_id, message_id, at, sbp, dbp, hr, spo2, rr, etco2, device_id)
                   select $1, k.id, x.at, x.sbp, x.dbp, x.hr, x.spo2, x.rr, x.etco2, $10
                     from k, unnest($2::timestamptz[], $3::float8[], $4::float8[], $5::float8[], $6::float8[],
                                    $7::float8[], $8::float8[], $9::int[]) as x(at, sbp, dbp, hr, spo2, rr, etco2, n)
                 )
                 insert into floor_device_audit (resource_id, details)
                 select $1, jsonb_build_object('readings', cardinality($2::timestamptz[]), 'deviceId', $10::text) from k`,
          values: [
            sessionId,
            r.map((x) => x.at),
            col('sbp'),
            col('dbp'),
            col('hr'),
            col('spo2'),
            col('rr'),
            col('etco2'),
            r.map((_, i) => i),
            m.deviceId,
            m.header.controlId,
          ],
        });
        socket.write(frame(buildAck(m.header, { ack: 'AA', text: 'stored' })));
      });
    }
  });
});
server.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ floorReady: true, port: (server.address() as net.AddressInfo).port }));
});
process.once('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
