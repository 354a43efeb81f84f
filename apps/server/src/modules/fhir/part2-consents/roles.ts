/**
 * Who works with 42 CFR Part 2 disclosure consents. Recording and revoking one is what clinicians already do with
 * the patient's treatment consents (plans/consent: clinicians record a withdrawal), and the admin, who registers
 * the system clients a consent names, records them too. The accounting of disclosures is shown to the admin (who
 * answers a patient's request for it, 42 CFR 2.25(a)) and the prescribers.
 */
import type { Role } from '@plasticity/contracts';

export const PART2_CONSENT_RECORDERS: readonly Role[] = ['admin', 'prescriber', 'nurse', 'therapist'];
export const PART2_ACCOUNTING_READERS: readonly Role[] = ['admin', 'prescriber'];
