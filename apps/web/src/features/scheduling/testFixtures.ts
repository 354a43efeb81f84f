/** Scheduling records for the web tests, shaped by the contracts. */
import type { Appointment, AppointmentTypeView, Chair, ClinicianSchedule } from '@plasticity/contracts';
import { uuid } from '../../test/fixtures.ts';

export const CHAIR_1 = uuid(9001);
export const CHAIR_2 = uuid(9002);
export const NURSE = uuid(9101);

export function makeChair(n: number, overrides: Partial<Chair> = {}): Chair {
  return {
    id: uuid(9000 + n),
    name: `Chair ${n}`,
    kind: 'infusion_chair',
    active: true,
    deviceId: null,
    sortOrder: n,
    ...overrides,
  };
}

export const CHAIRS: Chair[] = [makeChair(1), makeChair(2)];

export const CLINICIANS: ClinicianSchedule[] = [
  {
    userId: NURSE,
    displayName: 'Nora Nurse',
    roles: ['nurse'],
    weekly: [{ weekday: 1, start: '08:00', end: '16:00' }],
    exceptions: [],
  },
];

export function makeAppointment(n: number, overrides: Partial<Appointment> = {}): Appointment {
  return {
    id: uuid(9200 + n),
    patientId: uuid(500),
    patientName: 'Ada Lovelace',
    type: 'dosing',
    typeLabel: 'Dosing visit',
    status: 'booked',
    start: '2026-11-01T16:00:00Z',
    end: '2026-11-01T18:00:00Z',
    heldUntil: '2026-11-01T18:15:00Z',
    durationMin: 120,
    chairId: CHAIR_1,
    chairName: 'Chair 1',
    clinicianId: NURSE,
    clinicianName: 'Nora Nurse',
    protocolId: 'iv-ketamine',
    planId: uuid(700),
    planState: 'approved',
    courseId: null,
    courseIndex: null,
    sessionId: null,
    notes: null,
    bookedVia: 'staff',
    statusReason: null,
    confirmation: {
      status: 'confirmed',
      confirmedAt: '2026-10-30T12:00:00Z',
      escortName: 'Sam Lee',
      escortPhone: '555-0102',
      fastingConfirmed: true,
      noDrivingConfirmed: true,
      rescheduleRequestedAt: null,
      rescheduleNote: null,
    },
    flags: [],
    createdAt: '2026-10-20T12:00:00Z',
    updatedAt: '2026-10-20T12:00:00Z',
    ...overrides,
  };
}

export const TYPES: AppointmentTypeView[] = [
  {
    type: 'consultation',
    label: 'Consultation',
    durationMin: 60,
    chairKind: null,
    roles: ['prescriber'],
    bufferMin: 0,
    selfBookable: false,
    cancelNoticeHours: 24,
    isDefault: true,
  },
  {
    type: 'dosing',
    label: 'Dosing visit',
    durationMin: null,
    chairKind: null,
    roles: ['nurse', 'prescriber'],
    bufferMin: 15,
    selfBookable: false,
    cancelNoticeHours: 48,
    prepMin: 15,
    recoveryMin: 30,
    isDefault: true,
  },
];
