/**
 * The demo clinic's week of appointments, as data: who comes when, for what, and whether it was cancelled.
 * Days are offsets from the clinic's today; times are the clinic's wall clock. `seed-demo.ts` places each
 * visit in a free chair or room of the kind it needs with a free clinician of a role that runs it, moving it
 * later in 30-minute steps when the wanted slot is taken, so the database's no-overlap constraints always
 * hold whatever the time of day the demo starts.
 */
import type { AppointmentTypeKey, ScheduledRole } from '@plasticity/clinical/scheduling';

export interface DemoVisit {
  day: number;
  time: string;
  patient: string;
  type: AppointmentTypeKey;
  cancelled?: string;
}

/** Which clinicians run each type in the demo, first choice first (the product defaults' roles). */
export const DEMO_ROLES: Record<AppointmentTypeKey, ScheduledRole[]> = {
  consultation: ['prescriber'],
  dosing: ['nurse', 'prescriber'],
  integration: ['therapist'],
  therapy: ['therapist'],
  follow_up: ['prescriber', 'nurse'],
  assessment: ['prescriber', 'therapist'],
};

/**
 * Dosing visits follow the patients' plans (IV series for portal, p8, p10; SPRAVATO twice weekly for p4
 * and p12; KAP for p5; p9's first infusion booked while the plan awaits approval); integration and therapy
 * sessions with the therapist; a consultation for the new referral and the AUD intake; one cancellation.
 */
export const DEMO_WEEK: DemoVisit[] = [
  { day: -3, time: '08:30', patient: 'portal', type: 'dosing' },
  { day: -2, time: '08:30', patient: 'p8', type: 'dosing' },
  { day: -2, time: '09:00', patient: 'p4', type: 'dosing' },
  { day: -1, time: '09:00', patient: 'p12', type: 'dosing' },
  { day: -1, time: '10:00', patient: 'p10', type: 'dosing' },
  { day: -1, time: '11:00', patient: 'p9', type: 'consultation' },
  { day: -1, time: '15:00', patient: 'portal', type: 'integration' },
  { day: 0, time: '09:00', patient: 'p4', type: 'dosing' },
  { day: 0, time: '10:00', patient: 'portal', type: 'dosing' },
  { day: 0, time: '13:30', patient: 'p8', type: 'dosing' },
  { day: 0, time: '11:00', patient: 'p5', type: 'integration' },
  { day: 0, time: '14:00', patient: 'p2', type: 'integration' },
  { day: 0, time: '15:30', patient: 'p6', type: 'consultation' },
  { day: 1, time: '09:00', patient: 'p9', type: 'dosing' },
  { day: 1, time: '10:30', patient: 'p5', type: 'dosing' },
  { day: 1, time: '14:00', patient: 'p7', type: 'assessment' },
  { day: 1, time: '15:00', patient: 'portal', type: 'integration' },
  { day: 2, time: '08:30', patient: 'p8', type: 'dosing' },
  { day: 2, time: '13:00', patient: 'p10', type: 'dosing' },
  { day: 2, time: '10:00', patient: 'p2', type: 'integration', cancelled: 'Patient is travelling that week' },
  { day: 2, time: '11:00', patient: 'p5', type: 'therapy' },
  { day: 3, time: '10:00', patient: 'portal', type: 'dosing' },
  { day: 3, time: '14:00', patient: 'p12', type: 'dosing' },
  { day: 3, time: '11:30', patient: 'p3', type: 'follow_up' },
  { day: 4, time: '09:00', patient: 'p4', type: 'dosing' },
];

/** The demo clinicians' weekly hours (ISO weekday, clinic wall clock). */
export const DEMO_HOURS: Record<'prescriber' | 'nurse' | 'therapist', Array<[number, string, string]>> = {
  prescriber: [1, 2, 3, 4, 5].map((d) => [d, '08:00', '17:00']),
  nurse: [
    ...[1, 2, 3, 4, 5].map((d): [number, string, string] => [d, '07:30', '16:30']),
    [6, '09:00', '13:00'],
  ],
  therapist: [
    ...[1, 2, 3, 4].map((d): [number, string, string] => [d, '09:00', '12:30']),
    ...[1, 2, 3, 4].map((d): [number, string, string] => [d, '13:30', '18:00']),
    [5, '09:00', '13:00'],
  ],
};
