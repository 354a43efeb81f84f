/**
 * Who may do what with the journal, its prompts and the mood check-in (declared on each route):
 * - the patient writes, lists and shares (or stops sharing) their own entries and check-ins on the portal;
 * - the care team (admin, prescriber, nurse, therapist) reads SHARED entries only, and the mood trend;
 * - the prompt library is managed by admin, therapist and prescriber.
 * The front desk reads neither entries nor moods.
 */
import { allow } from '../../platform/policy.ts';

export const PATIENT_ONLY = allow.roles('patient');
export const READ_SHARED = allow.roles('admin', 'prescriber', 'nurse', 'therapist');
export const READ_MOOD = allow.roles('admin', 'prescriber', 'nurse', 'therapist').orSelf('id');
export const MANAGE_PROMPTS = allow.roles('admin', 'therapist', 'prescriber');
