import type { Appointment } from '@plasticity/contracts';
import { describe, expect, it } from 'vitest';
import { appointmentFlags, escortText } from './appointmentFlags.ts';
import { makeAppointment } from './testFixtures.ts';

const unconfirmed = {
  status: 'unconfirmed' as const,
  confirmedAt: null,
  escortName: null,
  escortPhone: null,
  fastingConfirmed: false,
  noDrivingConfirmed: false,
  rescheduleRequestedAt: null,
  rescheduleNote: null,
};

describe('escort on the day list', () => {
  it.each([
    ['booked', 'Escort not confirmed', true],
    ['checked_in', 'Escort not confirmed', true],
    ['completed', '', false],
    ['cancelled', '', false],
    ['no_show', '', false],
  ] as const)('a dosing visit %s and never confirmed → "%s"', (status, text, flagged) => {
    const a: Appointment = makeAppointment(1, { type: 'dosing', status, confirmation: unconfirmed });
    expect(escortText(a)).toBe(text);
    expect(appointmentFlags(a).some((f) => f.key === 'escort')).toBe(flagged);
  });

  it('names a confirmed escort whatever became of the visit', () => {
    const a = makeAppointment(1, {
      type: 'dosing',
      status: 'completed',
      confirmation: { ...unconfirmed, status: 'confirmed', escortName: 'Sam Rivera' },
    });
    expect(escortText(a)).toBe('Escort: Sam Rivera (confirmed)');
  });
});
