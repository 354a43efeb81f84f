/**
 * Who may do what with the medication and allergy lists (declared on each route):
 * - read: clinical staff, and the patient their own lists;
 * - add: clinicians, and the patient to their own lists (recorded as patient-reported);
 * - stop, mark entered in error, reconcile: a prescriber or a nurse (a clinician takes responsibility).
 */
import { allow } from '../../platform/policy.ts';

export const READ_LISTS = allow.roles('admin', 'prescriber', 'nurse', 'therapist').orSelf('id');
export const ADD_ENTRY = allow.roles('prescriber', 'nurse', 'therapist').orSelf('id');
export const CORRECT_ENTRY = allow.roles('prescriber', 'nurse');
export const RECONCILE = allow.roles('prescriber', 'nurse');
