import { describe, expect, it } from 'vitest';
import { nameMatches } from './name-match.ts';

describe('nameMatches', () => {
  it('matches a typed name in any script against the name on record', () => {
    expect(nameMatches('łukasz żółć', 'Łukasz', 'Żółć')).toBe(true);
    expect(nameMatches('Nguyễn Thị Ánh', 'Nguyễn', 'Thị Ánh')).toBe(true);
    expect(nameMatches('محمد عبد الله', 'محمد', 'عبد الله')).toBe(true);
    expect(nameMatches('王小明', '小明', '王')).toBe(true);
    expect(nameMatches('Pat Portal', 'Pat', 'Portal')).toBe(true);
  });

  it('refuses a different person, or a name that is only part of the one on record', () => {
    expect(nameMatches('محمد', 'محمد', 'عبد الله')).toBe(false);
    expect(nameMatches('王小红', '小明', '王')).toBe(false);
    expect(nameMatches('Someone Else', 'Pat', 'Portal')).toBe(false);
    expect(nameMatches('', '小明', '王')).toBe(false);
  });
});
