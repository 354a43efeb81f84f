/**
 * 42 CFR Part 2 disclosure consents and the accounting of disclosures made under them.
 *
 * A disclosure consent is a patient's written consent to disclose their substance use disorder records to one
 * recipient (42 CFR 2.31(a), as amended by 89 FR 12472, Feb. 16, 2024): here a FHIR system client the clinic
 * registered. The accounting lists each release to a system client under a consent (42 CFR 2.25(a), whose
 * contents follow 45 CFR 164.528(b)(2): date, recipient, a brief description of what was disclosed, the purpose).
 */
import { z } from 'zod';
import { IsoDate, IsoDateTime, Uuid } from './common.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

/** The FHIR resource types a consent may name (those served about a patient). */
export const PART2_RESOURCE_TYPES = [
  'Patient',
  'Observation',
  'QuestionnaireResponse',
  'Encounter',
  'Consent',
] as const;
export const Part2ResourceType = z.enum(PART2_RESOURCE_TYPES);
export type Part2ResourceType = z.infer<typeof Part2ResourceType>;

export const RecordPart2ConsentRequest = z
  .object({
    /** § 2.31(a)(4): the recipient, a system client of the clinic. */
    recipientClientId: Uuid,
    /** § 2.31(a)(5): the purpose of the disclosure. */
    purpose: text(500),
    /**
     * § 2.31(a)(3): how much and what kind of information: null for every record about the patient the FHIR
     * interface serves, or the resource types listed.
     */
    resourceTypes: z.array(Part2ResourceType).min(1).max(PART2_RESOURCE_TYPES.length).nullable(),
    /** § 2.31(a)(3): the information described in the patient's words, as on the signed form. */
    information: text(1000),
    /** § 2.31(a)(6): the date on which the consent expires, or an event (at least one of them). */
    expiresOn: IsoDate.nullable(),
    expiryEvent: text(300).nullable(),
    /** § 2.31(a)(8): the name of the patient or authorized person who signed; (9) the date signed. */
    signedByName: text(200),
    signedOn: IsoDate,
  })
  .strict();
export type RecordPart2ConsentRequest = z.infer<typeof RecordPart2ConsentRequest>;

export const RevokePart2ConsentRequest = z
  .object({
    /** `revoked`: the patient revoked it (§ 2.31(a)(7)); `entered_in_error`: it was recorded by mistake. */
    kind: z.enum(['revoked', 'entered_in_error']),
    reason: text(500),
  })
  .strict();
export type RevokePart2ConsentRequest = z.infer<typeof RevokePart2ConsentRequest>;

export const Part2ConsentParams = z.object({ id: Uuid, consentId: Uuid });

export const Part2Consent = z.object({
  id: Uuid,
  patientId: Uuid,
  recipientClientId: Uuid,
  recipientName: z.string(),
  purpose: z.string(),
  resourceTypes: z.array(z.string()).nullable(),
  information: z.string(),
  expiresOn: IsoDate.nullable(),
  expiryEvent: z.string().nullable(),
  signedByName: z.string(),
  signedOn: IsoDate,
  recordedAt: IsoDateTime,
  recordedByName: z.string().nullable(),
  revokedAt: IsoDateTime.nullable(),
  revokedReason: z.string().nullable(),
  enteredInErrorAt: IsoDateTime.nullable(),
  enteredInErrorReason: z.string().nullable(),
  /** Whether releases may be made under it now: not revoked, not in error, not past its expiry date. */
  active: z.boolean(),
});
export type Part2Consent = z.infer<typeof Part2Consent>;

export const Part2ConsentList = z.object({ items: z.array(Part2Consent) });
export type Part2ConsentList = z.infer<typeof Part2ConsentList>;

/** One release of a patient's records to a system client (42 CFR 2.25; 45 CFR 164.528(b)(2)). */
export const Part2Disclosure = z.object({
  id: Uuid,
  disclosedAt: IsoDateTime,
  recipientClientId: Uuid,
  recipientName: z.string(),
  interaction: z.enum(['read', 'search', 'export']),
  resourceType: z.string(),
  resourceCount: z.number().int().min(1),
  consentId: Uuid,
  purpose: z.string(),
});
export type Part2Disclosure = z.infer<typeof Part2Disclosure>;

export const Part2DisclosureList = z.object({ items: z.array(Part2Disclosure) });
export type Part2DisclosureList = z.infer<typeof Part2DisclosureList>;

/**
 * A system client a disclosure consent may name: the clinic's enabled FHIR clients, by name only (no keys or
 * scopes), for the staff who record consents but may not administer clients.
 */
export const Part2Recipient = z.object({ id: Uuid, name: z.string() });
export type Part2Recipient = z.infer<typeof Part2Recipient>;

export const Part2RecipientList = z.object({ items: z.array(Part2Recipient) });
export type Part2RecipientList = z.infer<typeof Part2RecipientList>;
