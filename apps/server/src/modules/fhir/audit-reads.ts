/**
 * Every FHIR read and search is audited in its request's transaction (HIPAA §164.312(b)): one entry per patient
 * (or none, for staff and chairs) and kind of record it disclosed, naming the patient, with the interface and the count in `details` (never a
 * value). A search that disclosed nothing still leaves one entry — naming the patient it asked about when that
 * is a patient of the caller's clinic (never another clinic's id), so the query itself is accounted for. A
 * system client's entries carry its id in `details.client` (the actor columns name no user for it).
 */
import type { AuditCategory, AuditResourceType } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';
import type { AuditWriter } from '../audit/audit-writer.ts';
import type { FhirCaller } from './access.ts';

export interface Disclosed {
  /** The patient the record is about; null for records about no patient (staff, chairs). */
  patientId: string | null;
  resourceType: AuditResourceType;
  category: AuditCategory | null;
  /** The source record's id. */
  id: string;
}

export async function auditFhirAccess(
  trx: Kysely<DB>,
  audit: AuditWriter,
  caller: FhirCaller,
  access: {
    interaction: 'read' | 'search';
    fhirType: string;
    disclosed: Disclosed[];
    /** For a search with nothing disclosed: what to name. */
    empty: { resourceType: AuditResourceType; category: AuditCategory | null; patientId: string | null };
  },
): Promise<void> {
  const groups = new Map<string, Disclosed[]>();
  for (const d of access.disclosed) {
    const key = `${d.patientId} ${d.resourceType}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  const action = access.interaction === 'read' ? 'read' : 'query';
  const client = caller.clientId ? { client: caller.clientId } : {};
  if (groups.size === 0) {
    await audit.record(trx, caller.actor, {
      action,
      resourceType: access.empty.resourceType,
      patientId: access.empty.patientId,
      category: access.empty.category,
      details: { interface: 'fhir', fhirType: access.fhirType, count: 0, ...client },
    });
    return;
  }
  for (const items of groups.values()) {
    const [first] = items;
    if (!first) continue;
    await audit.record(trx, caller.actor, {
      action,
      resourceType: first.resourceType,
      resourceId: items.length === 1 ? first.id : null,
      patientId: first.patientId,
      category: first.category,
      details: { interface: 'fhir', fhirType: access.fhirType, count: items.length, ...client },
    });
  }
}
