import type { Me, Patient, Role, UserSummary } from '@plasticity/contracts';

export const CLINIC = {
  id: '7d3f5a9e-1c2b-4d6e-8f90-123456789abc',
  name: 'Riverside Clinic',
  timeZone: 'America/Chicago',
  demo: false,
  clinicDeviceSelfReport: false,
};

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export function makeMe(role: Role = 'nurse', overrides: Partial<Me> = {}): Me {
  return {
    id: uuid(1),
    email: `${role}@clinic.test`,
    displayName: `Test ${role}`,
    role,
    clinic: CLINIC,
    patientId: role === 'patient' ? uuid(500) : null,
    mfaEnabled: true,
    mfaRequired: false,
    idleTimeoutSec: 900,
    ...overrides,
  };
}

export function makePatient(overrides: Partial<Patient> = {}): Patient {
  return {
    id: uuid(500),
    mrn: 'MRN-0001',
    firstName: 'Ada',
    lastName: 'Lovelace',
    dateOfBirth: '1985-12-10',
    sex: 'female',
    phone: '555-0101',
    email: null,
    address: null,
    emergencyContact: null,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...overrides,
  };
}

export function makeUser(n: number, overrides: Partial<UserSummary> = {}): UserSummary {
  return {
    id: uuid(100 + n),
    email: `user${n}@clinic.test`,
    displayName: `User ${n}`,
    role: 'nurse',
    active: true,
    mfaEnabled: false,
    patientId: null,
    lastLoginAt: null,
    invitePending: false,
    ...overrides,
  };
}

export { uuid };
