import { describe, expect, it } from 'vitest';
import { filterParams, initialView, toAuditParams, toggleSort, validateFilters } from './auditQuery.ts';

describe('audit query', () => {
  it('starts newest first, 50 a page', () => {
    expect(toAuditParams(initialView())).toEqual({ sort: 'at', order: 'desc', limit: 50, offset: 0 });
  });

  it('toggles the sorted column and starts a new column ascending, back on page 1', () => {
    const onPage3 = { ...initialView(), page: 3 };
    const byUser = toggleSort(onPage3, 'userEmail');
    expect(byUser).toMatchObject({ sort: 'userEmail', order: 'asc', page: 1 });
    expect(toggleSort(byUser, 'userEmail')).toMatchObject({ sort: 'userEmail', order: 'desc' });
    expect(toggleSort(toggleSort(byUser, 'userEmail'), 'userEmail')).toMatchObject({ order: 'asc' });
    expect(toggleSort(byUser, 'at')).toMatchObject({ sort: 'at', order: 'desc' });
    expect(toggleSort(initialView(), 'at')).toMatchObject({ sort: 'at', order: 'asc' });
  });

  it('turns filters and paging into the API query', () => {
    const view = {
      ...initialView(),
      page: 3,
      pageSize: 25,
      filters: {
        from: '2026-11-01T08:00',
        to: '',
        userId: '00000000-0000-4000-8000-000000000101',
        patientId: ' 00000000-0000-4000-8000-00000000050A ',
        action: 'read' as const,
      },
    };
    const params = toAuditParams(view);
    expect(params).toMatchObject({
      userId: '00000000-0000-4000-8000-000000000101',
      patientId: '00000000-0000-4000-8000-00000000050a',
      action: 'read',
      limit: 25,
      offset: 50,
    });
    expect(params.from).toBe(new Date('2026-11-01T08:00').toISOString());
    expect('to' in params).toBe(false);
    expect(filterParams(view)).not.toHaveProperty('limit');
  });

  it('validates the patient id and the range', () => {
    expect(validateFilters({ from: '', to: '', userId: '', patientId: 'Ada', action: '' })).toHaveProperty(
      'patientId',
    );
    expect(
      validateFilters({
        from: '2026-11-02T00:00',
        to: '2026-11-01T00:00',
        userId: '',
        patientId: '',
        action: '',
      }),
    ).toHaveProperty('to');
  });
});
