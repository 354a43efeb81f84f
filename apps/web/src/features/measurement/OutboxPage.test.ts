import { describe, expect, it } from 'vitest';
import { absoluteLinks } from './OutboxPage.tsx';

describe('outbox links', () => {
  it('prefixes relative self-report links with the app origin and leaves absolute ones alone', () => {
    expect(absoluteLinks('visit:\n/r/abc_DEF-1\nthanks', 'https://c.example')).toBe(
      'visit:\nhttps://c.example/r/abc_DEF-1\nthanks',
    );
    expect(absoluteLinks('https://x.example/r/abc', 'https://c.example')).toBe('https://x.example/r/abc');
  });
});
