import { describe, expect, it } from 'vitest';
import { serializeSharedOnce, shareResponse } from './shared-response.ts';

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
