import { describe, expect, it } from 'vitest';
import { findNul } from './nul-guard.ts';

describe('findNul', () => {
  it.each([
    ['plain', null],
    [{ a: 'x', b: [1, 'y'] }, null],
    ['a\u0000', 'body'],
    [{ a: { b: 'c\u0000' } }, 'body.a.b'],
    [{ items: ['ok', 'bad\u0000'] }, 'body.items[1]'],
    [{ 'k\u0000': 'v' }, 'body'],
    [null, null],
    [42, null],
  ])('%j → %s', (v, out) => expect(findNul(v, 'body')).toBe(out));
});
