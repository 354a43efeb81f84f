import type { AUDIT_SORT_COLUMNS, AuditAction } from '@plasticity/contracts';
import type { AuditParams } from '../../api/audit.ts';
import type { FieldErrors } from '../../api/errors.ts';

export type AuditSort = (typeof AUDIT_SORT_COLUMNS)[number];
export type SortOrder = 'asc' | 'desc';

/** Filter form values as typed (datetime-local strings, ids). */
export interface AuditFilters {
  from: string;
  to: string;
  userId: string;
  patientId: string;
  action: AuditAction | '';
}

export interface AuditView {
  filters: AuditFilters;
  sort: AuditSort;
  order: SortOrder;
  /** 1-based. */
  page: number;
  pageSize: number;
}

export const PAGE_SIZES = [25, 50, 100, 200] as const;

export const emptyFilters = (): AuditFilters => ({ from: '', to: '', userId: '', patientId: '', action: '' });

export const initialView = (): AuditView => ({
  filters: emptyFilters(),
  sort: 'at',
  order: 'desc',
  page: 1,
  pageSize: 50,
});

/**
 * Header click: the sorted column flips between asc and desc; another column starts ascending,
 * except time, which starts newest-first. Either way the report goes back to page 1.
 */
export function toggleSort(view: AuditView, column: AuditSort): AuditView {
  if (view.sort === column) return { ...view, order: view.order === 'asc' ? 'desc' : 'asc', page: 1 };
  return { ...view, sort: column, order: column === 'at' ? 'desc' : 'asc', page: 1 };
}

/** A `datetime-local` value (the browser's local time) as an ISO timestamp with offset. */
function localToIso(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function validateFilters(f: AuditFilters): FieldErrors {
  const errors: FieldErrors = {};
  if (f.patientId.trim() && !UUID.test(f.patientId.trim()))
    errors.patientId = 'Enter a full patient id (a UUID)';
  if (f.from && !localToIso(f.from)) errors.from = 'Enter a valid date and time';
  if (f.to && !localToIso(f.to)) errors.to = 'Enter a valid date and time';
  const from = localToIso(f.from);
  const to = localToIso(f.to);
  if (from && to && from > to) errors.to = 'Must be after the start';
  return errors;
}

/** Filters and sort, without paging: what the CSV export sends. */
export function filterParams(view: AuditView): AuditParams {
  const f = view.filters;
  const params: AuditParams = {
    from: localToIso(f.from),
    to: localToIso(f.to),
    userId: f.userId || undefined,
    patientId: f.patientId.trim().toLowerCase() || undefined,
    action: f.action || undefined,
    sort: view.sort,
    order: view.order,
  };
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as AuditParams;
}

/** The JSON report query: filters, sort and the page as limit/offset. */
export function toAuditParams(view: AuditView): AuditParams {
  return { ...filterParams(view), limit: view.pageSize, offset: (view.page - 1) * view.pageSize };
}
