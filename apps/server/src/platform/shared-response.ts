/**
 * One answer object sent to many requests is checked against its route's response contract, serialised and
 * compressed once, not once per request. A route marks such an object with `shareResponse` (the object is
 * frozen, so what is kept for it can never go stale):
 * - `serializeSharedOnce` wraps the app's serializer compiler so that a marked object's JSON text is made by the
 *   route's own serializer the first time and reused after;
 * - `compressSharedResponses` sends a marked object gzipped (RFC 9110 §8.4.1) to clients that accept it
 *   (`Accept-Encoding`, RFC 9110 §12.5.3: every browser does), compressed the first time and reused after, with
 *   `Vary: Accept-Encoding`. A 50-chair live board is about 280 KB of JSON and 41 KB gzipped: the screens of a
 *   clinic receive a seventh of the bytes, and the server writes a seventh, for one compression per read.
 * Unmarked answers go through the serializer as before, every time, and are never compressed: compressing each
 * answer on its own costs more processor time than it saves on a clinic's network (a proxy in front may do it).
 *
 * @example
 *   return shareResponse(board); // in a handler whose board several waiting requests share
 */
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { FastifyInstance, FastifyReply } from 'fastify';

const marked = new WeakSet<object>();
const texts = new WeakMap<object, string>();
const gzipped = new WeakMap<object, Promise<Buffer>>();
/** The marked answer a reply sends, when its client accepts gzip. */
const compressFor = new WeakMap<FastifyReply, object>();
const gzipAsync = promisify(gzip);

/** Marks (and freezes, shallowly) an answer several requests are sent; returns it. */
export function shareResponse<T extends object>(body: T): T {
  marked.add(Object.freeze(body));
  return body;
}

type Serializer = (data: unknown) => string;

/** Wraps a serializer compiler: each route's serializer serialises a shared answer once. */
export function serializeSharedOnce<Route>(
  compile: (route: Route) => Serializer,
): (route: Route) => Serializer {
  return (route) => {
    const serialize = compile(route);
    return (data) => {
      if (typeof data !== 'object' || data === null || !marked.has(data)) return serialize(data);
      const kept = texts.get(data);
      if (kept !== undefined) return kept;
      const text = serialize(data);
      texts.set(data, text);
      return text;
    };
  };
}

/**
 * Whether an `Accept-Encoding` value accepts gzip (RFC 9110 §12.5.3): `gzip` or its alias `x-gzip` (§8.4.1.3)
 * with a weight above 0, or else `*` with a weight above 0. Tokens are case-insensitive; a weight is `q=` 0–1.
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let named: number | undefined;
  let any: number | undefined;
  for (const part of header.split(',')) {
    const [coding = '', ...params] = part.split(';').map((x) => x.trim().toLowerCase());
    const q = params.find((p) => /^q\s*=/.test(p));
    const weight = q === undefined ? 1 : Number(q.replace(/^q\s*=\s*/, ''));
    if (!Number.isFinite(weight)) continue;
    if (coding === 'gzip' || coding === 'x-gzip') named = Math.max(named ?? 0, weight);
    else if (coding === '*') any = weight;
  }
  return (named ?? any ?? 0) > 0;
}

/** Adds `accept-encoding` to the reply's `Vary`, keeping what another part of the app put there. */
function varyOnEncoding(reply: FastifyReply) {
  const vary = reply.getHeader('vary');
  const listed = typeof vary === 'string' && vary.trim() !== '' ? vary : undefined;
  if (listed && /(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(listed)) return;
  reply.header('vary', listed ? `${listed}, accept-encoding` : 'accept-encoding');
}

/**
 * Sends marked answers gzipped, each compressed once, to clients that accept gzip. The hooks run for every
 * answer of the app, so they are callback hooks (no promise per request) that return at once for the others.
 */
export function compressSharedResponses(app: FastifyInstance) {
  app.addHook('preSerialization', (req, reply, payload, done) => {
    if (typeof payload === 'object' && payload !== null && marked.has(payload)) {
      varyOnEncoding(reply);
      if (acceptsGzip(req.headers['accept-encoding'])) compressFor.set(reply, payload);
    }
    done(null, payload);
  });
  app.addHook('onSend', (_req, reply, payload, done) => {
    const body = compressFor.get(reply);
    // Only the shared text itself (an error answer in its place is sent as it is).
    if (body === undefined || typeof payload !== 'string' || texts.get(body) !== payload) {
      done(null, payload);
      return;
    }
    let zipped = gzipped.get(body);
    if (!zipped) {
      // A failed compression is not kept: the requests waiting for it fail with it, the next one tries again.
      zipped = gzipAsync(payload).catch((e: unknown) => {
        gzipped.delete(body);
        throw e;
      });
      gzipped.set(body, zipped);
    }
    zipped.then(
      (bytes) => {
        reply.header('content-encoding', 'gzip');
        done(null, bytes);
      },
      (e: unknown) => done(e instanceof Error ? e : new Error(String(e))),
    );
  });
}
