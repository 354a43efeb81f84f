import { describe, expect, it } from 'vitest';
import { absoluteLinks } from './DemoMailboxPage.tsx';

describe('demo mailbox links', () => {
  it('prefixes relative self-report links with the app origin and leaves absolute ones alone', () => {
    expect(absoluteLinks('visit:\n/r/abc_DEF-1\nthanks', 'https://c.example')).toBe(
      'visit:\nhttps://c.example/r/abc_DEF-1\nthanks',
    );
    expect(absoluteLinks('https://x.example/r/abc', 'https://c.example')).toBe('https://x.example/r/abc');
    expect(absoluteLinks('set it here:\n/accept/xyz', 'https://c.example')).toBe(
      'set it here:\nhttps://c.example/accept/xyz',
    );
  });
});
