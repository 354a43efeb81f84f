/**
 * 42 CFR Part 2 on the FHIR interface: the one decision of what a system client may receive of a patient treated
 * for a substance use disorder (a treatment plan — draft, active or ended; not one entered in error — whose
 * indications include a substance use disorder, `@plasticity/clinical/part2`).
 *
 * Such a patient's records are released to a system client only while the patient has a disclosure consent
 * naming that client that is in force (`consentInForce`: signed, not past its expiry date in the clinic's time
 * zone, not revoked, not entered in error; 42 CFR 2.31(a)) and whose scope names the resource type (or all of
 * them). Staff sessions are uses within the program and are not filtered. The condition is put on every read,
 * search and Bulk Data export of every type whose rows are about a patient (`ResourceSource.patientColumn`), so a
 * patient without such a consent is absent from searches and exports and a read answers 404, as for an id that
 * does not exist.
 *
 * What was released under a consent is labelled and accompanied by the notice of § 2.32 (`labelPart2`) and
 * recorded in the accounting of disclosures (`recordPart2Disclosures`, 42 CFR 2.25). `part2Grants` tells which of
 * the released rows were Part 2 records and under which consent, from the same SQL as the filter.
 * Sources: docs/clinical-sources.md#42-cfr-part-2-disclosure-consents-the-notice-and-the-accounting.
 */
import { PART2_INDICATIONS, PART2_NOTICE } from '@plasticity/clinical/part2';
import type { FhirResource } from '@plasticity/contracts';
import type { DB } from '@plasticity/db';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { FhirResourceType } from './access.ts';
import type { ResourceSource, SourceRow } from './resource-source.ts';

const part2Indications = sql.join(PART2_INDICATIONS.map((i) => sql`${i}`));

/** Who receives: a clinic's staff session (`clientId` null) or one of its system clients. */
export interface Part2Recipient {
  clinicId: string;
  clientId: string | null;
}

/** Whether the patient `patient` (a uuid expression) has records protected by Part 2. */
function isPart2Patient(clinicId: string, patient: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`exists (
    select 1 from plan_treatment_plans t
     where t.clinic_id = ${clinicId}
       and t.patient_id = ${patient}
       and t.entered_in_error_at is null
       and exists (select 1 from jsonb_array_elements_text(t.indications) as i(v) where i.v in (${part2Indications})))`;
}

/**
 * Whether the disclosure consent `c` is in force at `now`: not revoked, not entered in error, signed on or before
 * the clinic-local day and not past its expiry date (the date given is the last day it permits, § 2.31(a)(6)).
 * An expiry event cannot be observed by the program: staff revoke the consent when it happens.
 */
export function consentInForce(c: string, now: Date): RawBuilder<unknown> {
  const today = sql`(${now}::timestamptz at time zone (select z.time_zone from clinics z where z.id = ${sql.ref(`${c}.clinic_id`)}))::date`;
  return sql`(${sql.ref(`${c}.revoked_at`)} is null and ${sql.ref(`${c}.entered_in_error_at`)} is null
    and ${sql.ref(`${c}.signed_on`)} <= ${today}
    and (${sql.ref(`${c}.expires_on`)} is null or ${sql.ref(`${c}.expires_on`)} >= ${today}))`;
}

/** The id of the newest consent in force naming the client for the patient and type (null when none). */
function grantingConsent(
  to: Part2Recipient & { clientId: string },
  type: FhirResourceType,
  patient: RawBuilder<unknown>,
  now: Date,
): RawBuilder<unknown> {
  return sql`(select c.id from part2_disclosure_consents c
     where c.clinic_id = ${to.clinicId} and c.patient_id = ${patient} and c.recipient_client_id = ${to.clientId}
       and ${consentInForce('c', now)}
       and (c.resource_types is null or c.resource_types @> ${JSON.stringify([type])}::jsonb)
     order by c.recorded_at desc, c.id limit 1)`;
}

/** The condition (on the relation `r`) that keeps out what the recipient may not receive under Part 2. */
export function part2Releasable<Row extends SourceRow>(
  source: ResourceSource<Row>,
  to: Part2Recipient,
  now: Date,
): RawBuilder<unknown> {
  if (to.clientId === null || source.patientColumn === null) return sql`true`;
  const patient = sql`${sql.ref(`r.${source.patientColumn}`)}::uuid`;
  return sql`(not ${isPart2Patient(to.clinicId, patient)}
    or ${grantingConsent({ ...to, clientId: to.clientId }, source.type, patient, now)} is not null)`;
}

/** A Part 2 record released under a consent: its patient and the consent. */
export interface Part2Grant {
  consentId: string;
  /** The consent's explanation (recipient, purpose, scope, dates), sent with the notice. */
  explanation: string;
}

/**
 * Of the patients whose records were just released to `to`, those whose records are Part 2 records, with the
 * consent each release relied on (the same consent `part2Releasable` found). Empty for a staff session.
 */
export async function part2Grants(
  db: Kysely<DB>,
  to: Part2Recipient,
  type: FhirResourceType,
  patientIds: readonly string[],
  now: Date,
  explain: (consentId: string) => Promise<string>,
): Promise<Map<string, Part2Grant>> {
  const grants = new Map<string, Part2Grant>();
  const ids = [...new Set(patientIds)];
  if (to.clientId === null || ids.length === 0) return grants;
  const patient = sql`p.id`;
  const rows = await sql<{ patient_id: string; consent_id: string | null }>`
    select p.id as patient_id,
           ${grantingConsent({ ...to, clientId: to.clientId }, type, patient, now)} as consent_id
      from patients p
     where p.clinic_id = ${to.clinicId} and p.id in (${sql.join(ids.map((id) => sql`${id}::uuid`))})
       and ${isPart2Patient(to.clinicId, patient)}`.execute(db);
  const explained = new Map<string, string>();
  for (const r of rows.rows) {
    // The filter let the row through, so a consent covers it; none here means it was revoked in between.
    if (!r.consent_id) throw new Error('a Part 2 record was released without a consent in force');
    const explanation = explained.get(r.consent_id) ?? (await explain(r.consent_id));
    explained.set(r.consent_id, explanation);
    grants.set(r.patient_id, { consentId: r.consent_id, explanation });
  }
  return grants;
}

/**
 * Security labels of a Part 2 record (HL7 v3 ActCode, terminology.hl7.org CodeSystem v3-ActCode:
 * `42CFRPart2` under _ActUSPrivacyLaw, `NORDSCLCD` "no redisclosure without consent directive" under
 * RefrainPolicy; v3-Confidentiality `R` restricted), as FHIR R4 security-labels.html places them in `meta.security`.
 */
export const PART2_SECURITY_LABELS = [
  { system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R', display: 'restricted' },
  { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: '42CFRPart2', display: '42 CFR Part2' },
  {
    system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
    code: 'NORDSCLCD',
    display: 'no redisclosure without consent directive',
  },
] as const;

/**
 * The extension (on `meta`) that carries the notice of 42 CFR 2.32(a)(1) and the consent's explanation
 * (§ 2.32(b)) with a reference to the Consent resource it was disclosed under (docs/fhir.md#42-cfr-part-2).
 */
export const PART2_NOTICE_EXTENSION = 'urn:plasticity:fhir:StructureDefinition:part2-disclosure-notice';

/** The FHIR id of a Part 2 disclosure consent as a Consent resource (consent-source.ts builds the same). */
export const part2ConsentFhirId = (consentId: string): string => `part2-${consentId}`;

/** The § 2.32 notice with the consent's explanation, as an extension. */
export function part2NoticeExtension(grant: Part2Grant) {
  return {
    url: PART2_NOTICE_EXTENSION,
    extension: [
      { url: 'notice', valueString: PART2_NOTICE },
      { url: 'consentExplanation', valueString: grant.explanation },
      { url: 'consent', valueReference: { reference: `Consent/${part2ConsentFhirId(grant.consentId)}` } },
    ],
  };
}

/** The resource as released under Part 2: its security labels and the notice added to `meta`. */
export function labelPart2(resource: FhirResource, grant: Part2Grant): FhirResource {
  const meta = (resource.meta ?? {}) as { security?: unknown[]; extension?: unknown[] };
  return {
    ...resource,
    meta: {
      ...meta,
      security: [...(meta.security ?? []), ...PART2_SECURITY_LABELS],
      extension: [...(meta.extension ?? []), part2NoticeExtension(grant)],
    },
  };
}

/** One line of the accounting: what was released of one patient's records of one type under one consent. */
export interface Part2Release {
  patientId: string;
  consentId: string;
  resourceType: string;
  count: number;
}

/** Counts released rows per patient under their grants (rows of patients without a grant are not Part 2). */
export function part2Releases(
  type: FhirResourceType,
  patientIds: readonly string[],
  grants: Map<string, Part2Grant>,
): Part2Release[] {
  const counts = new Map<string, Part2Release>();
  for (const id of patientIds) {
    const grant = grants.get(id);
    if (!grant) continue;
    const one = counts.get(id) ?? { patientId: id, consentId: grant.consentId, resourceType: type, count: 0 };
    one.count += 1;
    counts.set(id, one);
  }
  return [...counts.values()];
}

/** Writes the accounting of disclosures (42 CFR 2.25) for releases to a system client, in the caller's transaction. */
export async function recordPart2Disclosures(
  trx: Kysely<DB>,
  to: Part2Recipient,
  interaction: 'read' | 'search' | 'export',
  releases: readonly Part2Release[],
  at: Date,
): Promise<void> {
  const clientId = to.clientId;
  if (clientId === null || releases.length === 0) return;
  await trx
    .insertInto('part2_disclosures')
    .values(
      releases.map((r) => ({
        clinic_id: to.clinicId,
        patient_id: r.patientId,
        consent_id: r.consentId,
        recipient_client_id: clientId,
        disclosed_at: at,
        interaction,
        resource_type: r.resourceType,
        resource_count: r.count,
      })),
    )
    .execute();
}

/**
 * Whether every consent `releases` relied on is still in force for the recipient (a Bulk Data file written earlier
 * is released when downloaded: a consent revoked or expired since stops it).
 */
export async function consentsStillInForce(
  db: Kysely<DB>,
  to: Part2Recipient,
  releases: readonly Part2Release[],
  now: Date,
): Promise<boolean> {
  const ids = [...new Set(releases.map((r) => r.consentId))];
  if (ids.length === 0) return true;
  if (to.clientId === null) return false;
  const r = await sql<{ n: number }>`
    select count(*)::int as n from part2_disclosure_consents c
     where c.clinic_id = ${to.clinicId} and c.recipient_client_id = ${to.clientId}
       and c.id in (${sql.join(ids.map((id) => sql`${id}::uuid`))}) and ${consentInForce('c', now)}`.execute(
    db,
  );
  return r.rows[0]?.n === ids.length;
}
