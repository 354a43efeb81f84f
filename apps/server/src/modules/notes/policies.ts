/**
 * Who may do what with notes (docs/clinical-sources.md#psychotherapy-notes):
 * - progress notes are written by a prescriber, nurse or therapist; integration notes and psychotherapy
 *   notes by a therapist or prescriber;
 * - progress and integration notes are part of the medical record: the care team (admin, prescriber,
 *   nurse, therapist) reads them; the front desk and patients never do;
 * - a psychotherapy note (45 CFR 164.501) is read by its custodian only — its author, or the successor it
 *   was handed to — not the admin, not other clinicians, not the patient (it is excluded from the right of
 *   access, 45 CFR 164.524(a)(1)(i), and any other use needs the patient's authorization, 164.508(a)(2)).
 */
import type { NoteKind, Role } from '@plasticity/contracts';
import { allow, CLINICAL_READERS } from '../../platform/policy.ts';

export const CARE_TEAM: readonly Role[] = CLINICAL_READERS;
export const READ_NOTES = allow.roles('admin', 'prescriber', 'nurse', 'therapist');
export const WRITE_NOTES = allow.roles('prescriber', 'nurse', 'therapist');
export const HOLD_PSYCHOTHERAPY_NOTES = allow.roles('therapist', 'prescriber');

export const WRITERS: Readonly<Record<NoteKind, readonly Role[]>> = {
  progress: ['prescriber', 'nurse', 'therapist'],
  integration: ['therapist', 'prescriber'],
  psychotherapy: ['therapist', 'prescriber'],
};

/** Whether the role may write (and so add addenda to) a note of this kind. */
export const mayWrite = (role: Role, kind: NoteKind): boolean => WRITERS[kind].includes(role);

/** Whether the role reads progress and integration notes. */
export const readsRecordNotes = (role: Role): boolean => CARE_TEAM.includes(role);
