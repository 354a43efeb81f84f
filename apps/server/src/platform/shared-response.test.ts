import { gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import {
  acceptsGzip,
  compressSharedResponses,
  serializeSharedOnce,
  shareResponse,
} from './shared-response.ts';

describe('serializeSharedOnce', () => {
  const counting = () => {
    const calls: unknown[] = [];
    const compile = serializeSharedOnce((route: string) => (data: unknown) => {
      calls.push(data);
      return `${route}:${JSON.stringify(data)}`;
    });
    return { calls, compile };
  };

  it('serialises a shared answer once per route, however many requests send it', () => {
    const { calls, compile } = counting();
    const board = shareResponse({ sessions: [1, 2] });
    const serialize = compile('/board');
    expect([serialize(board), serialize(board), serialize(board)]).toEqual(
      Array(3).fill('/board:{"sessions":[1,2]}'),
    );
    expect(calls).toHaveLength(1);
    expect(Object.isFrozen(board)).toBe(true);
  });

  it('serialises every other answer each time, an equal object included', () => {
    const { calls, compile } = counting();
    const serialize = compile('/x');
    const answer = { a: 1 };
    serialize(answer);
    serialize(answer);
    serialize({ a: 1 });
    serialize('text');
    serialize(null);
    expect(calls).toHaveLength(5);
  });

  it('does not keep a text when the serializer refuses the answer', () => {
    let fail = true;
    const serialize = serializeSharedOnce(() => (data: unknown) => {
      if (fail) throw new Error('response does not match the contract');
      return JSON.stringify(data);
    })('/board');
    const board = shareResponse({ n: 1 });
    expect(() => serialize(board)).toThrow('does not match');
    fail = false;
    expect(serialize(board)).toBe('{"n":1}');
  });
});

describe('acceptsGzip (RFC 9110 §12.5.3)', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['identity', false],
    ['br', false],
    ['gzip', true],
    ['GZIP', true],
    ['x-gzip', true],
    ['gzip, deflate, br, zstd', true],
    ['deflate, gzip;q=0.5', true],
    ['gzip;q=0', false],
    ['gzip; q=0.000', false],
    ['gzip;q=0.001', true],
    ['*', true],
    ['*;q=0', false],
    ['br, *;q=0.1', true],
    // A named coding's weight wins over the wildcard's, either way.
    ['gzip;q=0, *', false],
    ['*;q=0, gzip', true],
    ['gzip;q=abc', false],
    ['gzipped', false],
  ])('%j → %s', (header, accepted) => {
    expect(acceptsGzip(header)).toBe(accepted);
  });
});

describe('compressSharedResponses', () => {
  const app = async () => {
    const a = Fastify();
    a.setSerializerCompiler(serializeSharedOnce(() => (data: unknown) => JSON.stringify(data)));
    compressSharedResponses(a);
    const board = shareResponse({ chairs: Array.from({ length: 50 }, (_, i) => ({ chair: i })) });
    // A response schema, so the route's answers go through the serializer compiler (as every app route's do).
    const schema = { response: { 200: { type: 'object' } } };
    a.get('/shared', { schema }, async (_req, reply) => {
      reply.header('vary', 'origin');
      return board;
    });
    a.get('/plain', { schema }, async () => ({ chairs: [] }));
    await a.ready();
    return a;
  };

  it('gzips a shared answer for a client that accepts gzip, keeping the Vary another part set', async () => {
    const a = await app();
    const [zipped, again, plain] = await Promise.all([
      a.inject({ url: '/shared', headers: { 'accept-encoding': 'gzip' } }),
      a.inject({ url: '/shared', headers: { 'accept-encoding': 'gzip' } }),
      a.inject({ url: '/shared' }),
    ]);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('origin, accept-encoding');
    expect(again.rawPayload.equals(zipped.rawPayload)).toBe(true);
    expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(plain.body);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('origin, accept-encoding');
    const other = await a.inject({ url: '/plain', headers: { 'accept-encoding': 'gzip' } });
    expect(other.headers['content-encoding']).toBeUndefined();
    expect(other.headers.vary).toBeUndefined();
    expect(other.json()).toEqual({ chairs: [] });
    await a.close();
  });
});
