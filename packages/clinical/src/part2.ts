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
