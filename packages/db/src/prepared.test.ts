import { describe, expect, it } from 'vitest';
import { preparedName } from './prepared.ts';

describe('preparedName', () => {
  it.each([
    ['-- prepare:session_resolve\nselect 1', /^session_resolve_[0-9a-f]{12}$/],
    ['  -- prepare:a1\n select 1', /^a1_[0-9a-f]{12}$/],
    ['select 1', null],
    ['select 1 -- prepare:late\n', null],
    ['-- prepare:Upper\nselect 1', null],
    ['-- prepare:no_newline select 1', null],
    [`-- prepare:${'x'.repeat(41)}\nselect 1`, null],
  ])('%j', (text, expected) => {
    const n = preparedName(text);
    if (expected === null) expect(n).toBeNull();
    else expect(n).toMatch(expected);
  });

  it('gives a changed text a new name, and the same text the same name', () => {
    const a = preparedName('-- prepare:q\nselect 1');
    expect(preparedName('-- prepare:q\nselect 1')).toBe(a);
    expect(preparedName('-- prepare:q\nselect 2')).not.toBe(a);
  });
});
