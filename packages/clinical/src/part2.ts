/**
 * `@plasticity/clinical/part2`: which treatment-plan indications make a patient's records Part 2 records.
 *
 * 42 CFR Part 2 protects records of the identity, diagnosis, prognosis or treatment of a patient by a federally
 * assisted substance use disorder program (§ 2.11 "Records", "Substance use disorder"; § 2.12), and a patient is
 * anyone who applied for or was given diagnosis, treatment or referral for treatment (§ 2.11 "Patient"). Such
 * records may be disclosed only with the patient's written consent naming the recipient (§ 2.31) or under the
 * rule's exceptions. Of the product's indications, alcohol and opioid use disorder are substance use disorders
 * (DSM-5-TR; ICD-10-CM F10, F11); the other indications are not. Sources:
 * docs/clinical-sources.md#42-cfr-part-2-and-the-fhir-interface.
 */
import type { Indication } from './protocols/types.ts';

/** A treatment plan with any of these indications makes its patient's records Part 2 records. */
export const PART2_INDICATIONS: readonly Indication[] = ['alcohol_use_disorder', 'opioid_use_disorder'];

/**
 * The notice that accompanies each disclosure made with the patient's written consent: Statement 1 of
 * 42 CFR 2.32(a)(1), as amended by the 2024 final rule (89 FR 12472, Feb. 16, 2024; compliance from Feb. 16, 2026).
 * § 2.32(a)(2) allows the abbreviated "42 CFR part 2 prohibits unauthorized use or disclosure of these records."
 * instead; the full statement is sent. Sources: docs/clinical-sources.md#42-cfr-part-2-disclosure-consents-the-notice-and-the-accounting.
 */
export const PART2_NOTICE: string =
  'This record which has been disclosed to you is protected by Federal confidentiality rules (42 CFR part 2). ' +
  'These rules prohibit you from using or disclosing this record, or testimony that describes the information ' +
  'contained in this record, in any civil, criminal, administrative, or legislative proceedings by any Federal, ' +
  'State, or local authority, against the patient, unless authorized by the consent of the patient, except as ' +
  'provided at 42 CFR 2.12(c)(5) or as authorized by a court in accordance with 42 CFR 2.64 or 2.65. In addition, ' +
  'the Federal rules prohibit you from making any other use or disclosure of this record unless at least one of ' +
  'the following applies: (i) Further use or disclosure is expressly permitted by the written consent of the ' +
  'individual whose information is being disclosed in this record or as otherwise permitted by 42 CFR part 2. ' +
  '(ii) You are a covered entity or business associate and have received the record for treatment, payment, or ' +
  'health care operations, or (iii) You have received the record from a covered entity or business associate as ' +
  'permitted by 45 CFR part 164, subparts A and E. A general authorization for the release of medical or other ' +
  'information is NOT sufficient to meet the required elements of written consent to further use or redisclose ' +
  'the record (see 42 CFR 2.31).';

/** What a disclosure consent says, as 42 CFR 2.31(a) requires it to. */
export interface Part2ConsentTerms {
  recipientName: string;
  purpose: string;
  /** null: every record about the patient the interface serves. */
  resourceTypes: readonly string[] | null;
  information: string;
  /** `yyyy-mm-dd` */
  signedOn: string;
  expiresOn: string | null;
  expiryEvent: string | null;
}

/**
 * The "clear explanation of the scope of the consent" that may accompany a disclosure instead of a copy of the
 * consent (42 CFR 2.32(b), 2024): to whom, for what purpose, which information, signed when, until when, and that
 * it may be revoked (§ 2.31(a)(7)).
 */
export function part2ConsentExplanation(t: Part2ConsentTerms): string {
  const what =
    t.resourceTypes === null
      ? 'all of the patient’s records held by the program'
      : `the patient’s records of these kinds: ${t.resourceTypes.join(', ')}`;
  const until = [t.expiresOn ? `until ${t.expiresOn}` : null, t.expiryEvent ? `until ${t.expiryEvent}` : null]
    .filter((s): s is string => s !== null)
    .join(' or ');
  return (
    `Disclosed under the patient’s written consent signed on ${t.signedOn}, which permits disclosure of ${what} ` +
    `(${t.information}) to ${t.recipientName} for this purpose: ${t.purpose}. The consent is in force ${until}, ` +
    'unless the patient revokes it earlier.'
  );
}
