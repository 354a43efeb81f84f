/**
 * The billing code list the product ships: CPT/HCPCS procedure codes and ICD-10-CM diagnosis codes, each with a
 * short description in our own words, its code set, how far it was checked and against what. The descriptions are
 * summaries, not the official descriptors (CPT descriptors are the AMA's). Sources and what was checked:
 * docs/clinical-sources.md#diagnosis-and-billing-codes.
 */

export type CodeSystem = 'cpt' | 'hcpcs' | 'icd10cm';

/**
 * How far a code and its description were checked: `primary` — against the code set's own file (the CMS HCPCS
 * quarterly file, the CMS Physician Fee Schedule file for CPT short descriptors, the CDC/NCHS ICD-10-CM tabular
 * list); `secondary` — against several independent references that quote the official descriptor (a Medicare
 * contractor's or payer's billing notice, coding references), not the file itself; `unverified` — not checked.
 */
export type CodeVerification = 'primary' | 'secondary' | 'unverified';

export interface BillingCode {
  code: string;
  system: CodeSystem;
  description: string;
  /** The code set the code belongs to and who maintains it. */
  source: string;
  verification: CodeVerification;
  /** What the code and description were matched against (and, when not against the primary file, why not). */
  checkedAgainst: string;
}

const CPT = 'AMA CPT code set (maintained by the American Medical Association)';
const HCPCS = 'CMS HCPCS Level II code set (quarterly update file)';
const ICD = 'ICD-10-CM, CDC National Center for Health Statistics (tabular list, fiscal year 2026)';

/** Why no code here is `primary`: the code sets' own files could not be read where the list was checked. */
const NO_PRIMARY =
  'the primary file could not be read where the list was checked (docs/clinical-sources.md#diagnosis-and-billing-codes)';
const CPT_CHECKED = `coding references quoting the AMA descriptor; ${NO_PRIMARY}`;
const ICD_CHECKED = `coding references quoting the FY2026 ICD-10-CM tabular title; ${NO_PRIMARY}`;
const G_CHECKED = `the CMS HCPCS long descriptor as quoted by CGS Medicare (a Medicare contractor, notice of 1 May 2023) and a payer's billing notice; ${NO_PRIMARY}`;

const cpt = (code: string, description: string): BillingCode => ({
  code,
  system: 'cpt',
  description,
  source: CPT,
  verification: 'secondary',
  checkedAgainst: CPT_CHECKED,
});
const hcpcs = (code: string, description: string, checkedAgainst: string): BillingCode => ({
  code,
  system: 'hcpcs',
  description,
  source: HCPCS,
  verification: 'secondary',
  checkedAgainst,
});
const icd = (code: string, description: string): BillingCode => ({
  code,
  system: 'icd10cm',
  description,
  source: ICD,
  verification: 'secondary',
  checkedAgainst: ICD_CHECKED,
});

export const PROCEDURE_CODES: readonly BillingCode[] = [
  cpt('96365', 'IV infusion for therapy, first hour'),
  cpt('96366', 'IV infusion for therapy, each additional hour'),
  cpt('96374', 'IV push injection, single drug'),
  cpt('96372', 'Injection into muscle or under the skin'),
  cpt('90832', 'Psychotherapy, 30 minutes'),
  cpt('90834', 'Psychotherapy, 45 minutes'),
  cpt('90837', 'Psychotherapy, 60 minutes'),
  cpt('90838', 'Psychotherapy, 60 minutes, with an E/M visit'),
  cpt('99203', 'Office visit, new patient, low complexity'),
  cpt('99204', 'Office visit, new patient, moderate complexity'),
  cpt('99205', 'Office visit, new patient, high complexity'),
  cpt('99212', 'Office visit, established patient, straightforward'),
  cpt('99213', 'Office visit, established patient, low complexity'),
  cpt('99214', 'Office visit, established patient, moderate complexity'),
  cpt('99215', 'Office visit, established patient, high complexity'),
  hcpcs(
    'G2082',
    'Established-patient visit with supervised esketamine nasal self-administration up to 56 mg, with 2 hours of observation',
    G_CHECKED,
  ),
  hcpcs(
    'G2083',
    'Established-patient visit with supervised esketamine nasal self-administration over 56 mg, with 2 hours of observation',
    G_CHECKED,
  ),
  hcpcs('J3490', 'Unclassified drug (ketamine)', `coding references ("Unclassified drugs"); ${NO_PRIMARY}`),
  hcpcs(
    'J0013',
    'Esketamine nasal spray, 1 mg',
    `a payer's 2026 coding update (J0013 added and S0013 ended on 1 January 2026) and a reproduction of the CMS HCPCS file record ("Esketamine, nasal spray, 1 mg"); ${NO_PRIMARY}`,
  ),
];

export const DIAGNOSIS_CODES: readonly BillingCode[] = [
  icd('F32.0', 'Major depressive disorder, single episode, mild'),
  icd('F32.1', 'Major depressive disorder, single episode, moderate'),
  icd('F32.2', 'Major depressive disorder, single episode, severe without psychotic features'),
  icd('F32.9', 'Major depressive disorder, single episode, unspecified'),
  icd('F33.0', 'Major depressive disorder, recurrent, mild'),
  icd('F33.1', 'Major depressive disorder, recurrent, moderate'),
  icd('F33.2', 'Major depressive disorder, recurrent, severe without psychotic features'),
  icd('F33.9', 'Major depressive disorder, recurrent, unspecified'),
  icd('F41.1', 'Generalized anxiety disorder'),
  icd('F43.10', 'Post-traumatic stress disorder, unspecified'),
  icd('F10.20', 'Alcohol dependence, uncomplicated'),
  icd('F11.20', 'Opioid dependence, uncomplicated'),
];

const ALL: ReadonlyMap<string, BillingCode> = new Map(
  [...PROCEDURE_CODES, ...DIAGNOSIS_CODES].map((c) => [c.code, c]),
);

/** The shipped entry for a code, or undefined when the code is not in the list. */
export function billingCode(code: string): BillingCode | undefined {
  return ALL.get(code);
}

/** True when `code` is a procedure code (CPT or HCPCS) in the list. */
export function isProcedureCode(code: string): boolean {
  const c = ALL.get(code);
  return c !== undefined && c.system !== 'icd10cm';
}

/** True when `code` is an ICD-10-CM code in the list. */
export function isDiagnosisCode(code: string): boolean {
  return ALL.get(code)?.system === 'icd10cm';
}

/** Place-of-service code 11 (office), CMS Place of Service code set. */
export const PLACE_OF_SERVICE_OFFICE = '11';
