import { describe, expect, it } from 'vitest';
import { sourceForDisplay } from './citations.ts';
import { reviewRules } from './eligibility/default-rules-review.ts';
import { SOURCES } from './protocols/sources.ts';

describe('sourceForDisplay', () => {
  it('keeps the words, drops file names and markers, and names the publication', () => {
    const d = sourceForDisplay('Andrade 2017: studied IV range 0.1–0.75 mg/kg (REFERENCE.md §2)');
    expect(d.text).toBe('Andrade 2017: studied IV range 0.1–0.75 mg/kg');
    expect(d.citations).toEqual([
      expect.objectContaining({ year: 2017, url: 'https://doi.org/10.4088/JCP.17f11738' }),
    ]);
    expect(d.clinicDefault).toBe(false);
  });

  it('marks a product default instead of showing UNVERIFIED', () => {
    const d = sourceForDisplay('Ketamine-associated cystitis; not in REFERENCE.md, UNVERIFIED');
    expect(d.text).toBe('Ketamine-associated cystitis');
    expect(d.clinicDefault).toBe(true);
  });

  it.each([...Object.entries(SOURCES), ...reviewRules().map((r) => [r.id, r.source] as const)])(
    '%s shows no developer note',
    (_id, source) => {
      const d = sourceForDisplay(source);
      expect(d.text).not.toMatch(/REFERENCE|UNVERIFIED|\(\s*\)|^[;,]|[;,]$|\bnot$/);
      expect(d.text.length).toBeGreaterThan(5);
    },
  );
});
