// The embedded database (PGlite) on a thread of its own: the worker side of `PGliteThread` (client.ts).
//
// PostgreSQL in WebAssembly computes on the thread that calls it, so on the server's main thread its start-up and
// every query hold up the HTTP server. Here it runs beside it, on another core. The worker owns one PGlite and
// answers the client's messages in the order they come, one at a time, as PGlite itself does:
//   { id, op: 'query', sql, params }  → { id, ok: true, value: { rows, affectedRows } }
//   { id, op: 'exec', sql }           → { id, ok: true, value: last statement's result }
//   { id, op: 'listen', channel }     → { id, ok: true }, then { notify: channel, payload } for each NOTIFY
//   { id, op: 'unlisten', channel }   → { id, ok: true }
//   { id, op: 'dump' }                → { id, ok: true, value: ArrayBuffer of the data directory's tar }
//   { id, op: 'close' }               → { id, ok: true }, and the worker ends
// A failure answers { id, ok: false, error: { message, name, ...PostgreSQL's fields } }.
//
// Plain JavaScript, so it runs as it is under any loader (the server's bundle, tsx, the test runner). What it
// opens is said in `workerData`: the data directory or a tar to load, and the buffer cache's size; it is opened
// with the same options as an embedded database on the main thread (pglite-options.mjs).
import { parentPort, workerData } from 'node:worker_threads';
import { createPGlite } from '../pglite-options.mjs';

/** The fields of PostgreSQL's error message (protocol "ErrorResponse"), as PGlite names them. */
const ERROR_FIELDS = [
  'severity',
  'code',
  'detail',
  'hint',
  'position',
  'internalPosition',
  'internalQuery',
  'where',
  'schema',
  'table',
  'column',
  'dataType',
  'constraint',
  'file',
  'line',
  'routine',
];

function describeError(e) {
  if (!(e instanceof Error)) return { message: String(e), name: 'Error' };
  const out = { message: e.message, name: e.name };
  for (const k of ERROR_FIELDS) if (typeof e[k] === 'string') out[k] = e[k];
  return out;
}

const port = parentPort;
if (!port) throw new Error('worker.mjs runs only as a worker thread');

const { dataDir, loadDataDir, sharedBuffersMb } = workerData;
const pg = await createPGlite(
  { ...(dataDir ? { dataDir } : {}), ...(loadDataDir ? { loadDataDir: new Blob([loadDataDir]) } : {}) },
  sharedBuffersMb,
);

/** Unsubscribe functions by channel: one subscription a channel, as the client keeps its own listeners. */
const listening = new Map();

const results = (r) => ({ rows: r.rows, affectedRows: r.affectedRows });

async function run(msg) {
  switch (msg.op) {
    case 'query':
      return results(await pg.query(msg.sql, msg.params));
    case 'exec': {
      const all = await pg.exec(msg.sql);
      const last = all.at(-1);
      return last ? results(last) : { rows: [], affectedRows: 0 };
    }
    case 'listen':
      if (!listening.has(msg.channel)) {
        const channel = msg.channel;
        listening.set(
          channel,
          await pg.listen(channel, (payload) => port.postMessage({ notify: channel, payload })),
        );
      }
      return undefined;
    case 'unlisten': {
      const unsub = listening.get(msg.channel);
      listening.delete(msg.channel);
      if (unsub) await unsub();
      return undefined;
    }
    case 'dump':
      return await (await pg.dumpDataDir('none')).arrayBuffer();
    case 'close':
      await pg.close();
      return undefined;
    default:
      throw new Error(`unknown operation ${String(msg.op)}`);
  }
}

// One operation at a time, in the order they came.
let tail = Promise.resolve();
port.on('message', (msg) => {
  tail = tail.then(async () => {
    try {
      const value = await run(msg);
      if (value instanceof ArrayBuffer) port.postMessage({ id: msg.id, ok: true, value }, [value]);
      else port.postMessage({ id: msg.id, ok: true, value });
    } catch (e) {
      port.postMessage({ id: msg.id, ok: false, error: describeError(e) });
    }
    if (msg.op === 'close') port.close();
  });
});
port.postMessage({ ready: true });
