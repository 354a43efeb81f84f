/**
 * Reading 42 CFR Part 2 disclosure consents (migration 0035): a patient's consents with their recipient's name
 * and whether each is in force now (`consentInForce`, the same SQL the release rule uses), as the API shows them,
 * and the explanation of one consent's scope that accompanies each disclosure under it (42 CFR 2.32(b)).
 */
import { part2ConsentExplanation } from '@plasticity/clinical/part2';
import type { Part2Consent } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import { type Kysely, sql } from 'kysely';
import { consentInForce } from '../part2.ts';

function select(db: Kysely<DB>, clinicId: string, now: Date) {
  return db
    .selectFrom('part2_disclosure_consents as c')
    .innerJoin('fhir_clients as f', 'f.id', 'c.recipient_client_id')
    .leftJoin('users as u', 'u.id', 'c.recorded_by')
    .selectAll('c')
    .select([
      'f.name as recipient_name',
      'u.display_name as recorded_by_name',
      sql<boolean>`${consentInForce('c', now)}`.as('in_force'),
    ])
    .where('c.clinic_id', '=', clinicId);
}

type ConsentRow = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;

export function toPart2Consent(r: ConsentRow): Part2Consent {
  return {
    id: r.id,
    patientId: r.patient_id,
    recipientClientId: r.recipient_client_id,
    recipientName: r.recipient_name,
    purpose: r.purpose,
    resourceTypes: r.resource_types,
    information: r.information,
    expiresOn: r.expires_on,
    expiryEvent: r.expiry_event,
    signedByName: r.signed_by_name,
    signedOn: r.signed_on,
    recordedAt: r.recorded_at.toISOString(),
    recordedByName: r.recorded_by_name,
    revokedAt: r.revoked_at?.toISOString() ?? null,
    revokedReason: r.revoked_reason,
    enteredInErrorAt: r.entered_in_error_at?.toISOString() ?? null,
    enteredInErrorReason: r.entered_in_error_reason,
    active: r.in_force,
  };
}

/** A patient's disclosure consents, newest first (revoked and entered in error included). */
export async function consentsOf(
  db: Kysely<DB>,
  clinicId: string,
  patientId: string,
  now: Date,
): Promise<ConsentRow[]> {
  return select(db, clinicId, now)
    .where('c.patient_id', '=', patientId)
    .orderBy('c.recorded_at', 'desc')
    .orderBy('c.id')
    .execute();
}

/** One consent of the clinic (for one patient when given). */
export async function consentById(
  db: Kysely<DB>,
  clinicId: string,
  consentId: string,
  now: Date,
): Promise<ConsentRow | undefined> {
  return select(db, clinicId, now).where('c.id', '=', consentId).executeTakeFirst();
}

/** The clear explanation of a consent's scope (42 CFR 2.32(b), 2024) that accompanies each release under it. */
export function explainConsent(r: ConsentRow): string {
  return part2ConsentExplanation({
    recipientName: r.recipient_name,
    purpose: r.purpose,
    resourceTypes: r.resource_types,
    information: r.information,
    signedOn: r.signed_on,
    expiresOn: r.expires_on,
    expiryEvent: r.expiry_event,
  });
}
