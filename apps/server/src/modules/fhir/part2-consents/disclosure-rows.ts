/** The accounting of a patient's Part 2 disclosures (42 CFR 2.25(a): the 3 years before `now`), newest first. */
import type { Part2Disclosure } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import type { Kysely } from 'kysely';

/** 42 CFR 2.25(a): an accounting covers the 3 years prior to the request. */
const ACCOUNTING_YEARS = 3;

export async function disclosuresOf(
  db: Kysely<DB>,
  clinicId: string,
  patientId: string,
  now: Date,
): Promise<Part2Disclosure[]> {
  const from = new Date(now);
  from.setUTCFullYear(from.getUTCFullYear() - ACCOUNTING_YEARS);
  const rows = await db
    .selectFrom('part2_disclosures as d')
    .innerJoin('fhir_clients as f', 'f.id', 'd.recipient_client_id')
    .innerJoin('part2_disclosure_consents as c', 'c.id', 'd.consent_id')
    .select([
      'd.id',
      'd.disclosed_at',
      'd.recipient_client_id',
      'f.name as recipient_name',
      'd.interaction',
      'd.resource_type',
      'd.resource_count',
      'd.consent_id',
      'c.purpose',
    ])
    .where('d.clinic_id', '=', clinicId)
    .where('d.patient_id', '=', patientId)
    .where('d.disclosed_at', '>=', from)
    .orderBy('d.disclosed_at', 'desc')
    .orderBy('d.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    disclosedAt: r.disclosed_at.toISOString(),
    recipientClientId: r.recipient_client_id,
    recipientName: r.recipient_name,
    interaction: r.interaction,
    resourceType: r.resource_type,
    resourceCount: r.resource_count,
    consentId: r.consent_id,
    purpose: r.purpose,
  }));
}
