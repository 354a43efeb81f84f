/**
 * Who may book and change appointments: the patient editors (admin, prescriber, nurse, front desk) any type;
 * a therapist their own kinds of visit (integration and therapy sessions).
 */
import type { AppointmentTypeKey, Role } from '@plasticity/contracts';
import { forbidden } from '../../../platform/errors.ts';
import { PATIENT_EDITORS, STAFF } from '../../../platform/policy.ts';

/** Route policy roles for booking and changes; `requireMayEdit` narrows the therapist to their types. */
export const APPOINTMENT_EDITORS: Role[] = [...STAFF];
const THERAPIST_TYPES: readonly AppointmentTypeKey[] = ['integration', 'therapy'];

export function requireMayEdit(role: Role, type: AppointmentTypeKey): void {
  if (PATIENT_EDITORS.includes(role)) return;
  if (role === 'therapist' && THERAPIST_TYPES.includes(type)) return;
  throw forbidden('your role may not book or change this kind of appointment');
}
