/** The audit vocabularies and the one table of drifted stored values. */
import { describe, expect, it } from 'vitest';
import {
  AUDIT_CATEGORIES,
  AUDIT_DRIFTED,
  AUDIT_RESOURCE_TYPES,
  canonicalAuditValue,
  storedAuditValues,
} from './audit-codes.ts';

describe('audit drift table', () => {
  const lists = { resourceType: AUDIT_RESOURCE_TYPES, category: AUDIT_CATEGORIES } as const;

  it.each(['resourceType', 'category'] as const)(
    '%s: every drifted value maps to a canonical one and is not itself canonical',
    (field) => {
      const canonical: readonly string[] = lists[field];
      for (const [from, to] of Object.entries(AUDIT_DRIFTED[field])) {
        expect(canonical).toContain(to);
        expect(canonical).not.toContain(from);
      }
    },
  );

  it.each([
    ['category', 'vitals', 'vital_signs'],
    ['category', 'dosing', 'dosing_session'],
    ['category', 'vital_signs', 'vital_signs'],
    ['category', 'assessment', 'assessment'],
    ['resourceType', 'patient', 'patient'],
    ['resourceType', 'something_unknown', 'something_unknown'],
  ] as const)('reads %s %s as %s', (field, stored, canonical) => {
    expect(canonicalAuditValue(field, stored)).toBe(canonical);
  });

  it('reads a missing category as null', () => {
    expect(canonicalAuditValue('category', null)).toBeNull();
  });

  it('a filter on a canonical value matches its drifted stored values too', () => {
    expect(storedAuditValues('category', 'vital_signs').sort()).toEqual(['vital_signs', 'vitals']);
    expect(storedAuditValues('category', 'dosing_session').sort()).toEqual(['dosing', 'dosing_session']);
    expect(storedAuditValues('category', 'assessment')).toEqual(['assessment']);
  });

  it('the vocabularies have no duplicates', () => {
    expect(new Set(AUDIT_RESOURCE_TYPES).size).toBe(AUDIT_RESOURCE_TYPES.length);
    expect(new Set(AUDIT_CATEGORIES).size).toBe(AUDIT_CATEGORIES.length);
  });
});
