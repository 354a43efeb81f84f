import { z } from 'zod';
import { AuditCategory, AuditResourceType } from './audit-codes.ts';
import { IsoDateTime, Uuid } from './common.ts';

export const AuditAction = z.enum([
  'create',
  'read',
  'update',
  'delete',
  'query',
  'export',
  'print',
  'login',
  'logout',
]);
export type AuditAction = z.infer<typeof AuditAction>;
export const AuditOutcome = z.enum(['success', 'failure']);

export const AUDIT_SORT_COLUMNS = [
  'at',
  'userEmail',
  'role',
  'action',
  'resourceType',
  'patientId',
  'outcome',
] as const;

export const AuditQuery = z.object({
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
  userId: Uuid.optional(),
  patientId: Uuid.optional(),
  action: AuditAction.optional(),
  /** Also finds entries stored under a drifted value of the same meaning (`AUDIT_DRIFTED`). */
  resourceType: AuditResourceType.optional(),
  /** Also finds entries stored under a drifted value of the same meaning (`AUDIT_DRIFTED`). */
  category: AuditCategory.optional(),
  sort: z.enum(AUDIT_SORT_COLUMNS).default('at'),
  order: z.enum(['asc', 'desc']).default('desc'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  format: z.enum(['json', 'csv']).default('json'),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditEntry = z.object({
  id: z.string(),
  seq: z.number().nullable(),
  at: z.string(),
  userId: z.string().nullable(),
  userEmail: z.string().nullable(),
  role: z.string().nullable(),
  patientId: z.string().nullable(),
  /** "Last, First" for callers who may read the patient's record, when the patient is in their clinic. */
  patientName: z.string().nullable(),
  action: AuditAction,
  /** Canonical (`AUDIT_RESOURCE_TYPES`) for every entry written by this version; drifted values mapped. */
  resourceType: z.string(),
  resourceId: z.string().nullable(),
  /** Canonical (`AUDIT_CATEGORIES`) for every entry written by this version; drifted values mapped. */
  category: z.string().nullable(),
  outcome: AuditOutcome,
  sourceAddress: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = z.object({ items: z.array(AuditEntry), total: z.number() });
