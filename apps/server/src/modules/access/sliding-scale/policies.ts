/**
 * Who may do what with the sliding scale (declared on each route):
 * - any staff member evaluates a household (no patient data is stored or read);
 * - the admin edits the tiers and adds guideline years; staff read them;
 * - the front desk and the admin record an assessment or mark one entered in error; staff read a patient's.
 */
import { allow } from '../../../platform/policy.ts';

export const ANY_STAFF = allow.roles('admin', 'prescriber', 'nurse', 'therapist', 'front_desk');
export const ADMIN_ONLY = allow.roles('admin');
export const RECORD_ASSESSMENT = allow.roles('admin', 'front_desk');
