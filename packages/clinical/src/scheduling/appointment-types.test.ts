import { describe, expect, it } from 'vitest';
import type { Route } from '../protocols/types.ts';
import {
  APPOINTMENT_TYPE_KEYS,
  type AppointmentTypeKey,
  CHAIR_KINDS,
  type ChairKind,
  chairKindFor,
  defaultAppointmentTypes,
  isAppointmentTypeKey,
} from './appointment-types.ts';

describe('appointment type defaults', () => {
  const all = defaultAppointmentTypes();

  it('has exactly the six keys, each keyed by itself', () => {
    expect(APPOINTMENT_TYPE_KEYS).toEqual([
      'consultation',
      'dosing',
      'integration',
      'therapy',
      'follow_up',
      'assessment',
    ]);
    expect(Object.keys(all)).toEqual([...APPOINTMENT_TYPE_KEYS]);
    for (const key of APPOINTMENT_TYPE_KEYS) expect(all[key].key).toBe(key);
  });

  it.each([
    // [key, label, durationMin, chairKind, roles, bufferMin, selfBookable, prepMin, recoveryMin]
    ['consultation', 'Consultation', 60, null, ['prescriber'], 0, false, 0, 0],
    ['dosing', 'Dosing visit', null, null, ['prescriber', 'nurse'], 15, false, 15, 15],
    ['integration', 'Integration session', 60, 'therapy_room', ['therapist'], 10, true, 0, 0],
    ['therapy', 'Therapy session', 50, 'therapy_room', ['therapist'], 10, false, 0, 0],
    ['follow_up', 'Follow-up', 30, null, ['prescriber', 'nurse'], 0, true, 0, 0],
    ['assessment', 'Assessment', 45, null, ['prescriber', 'nurse', 'therapist'], 0, false, 0, 0],
  ] as const)(
    '%s',
    (key, label, durationMin, chairKind, roles, bufferMin, selfBookable, prepMin, recoveryMin) => {
      expect(all[key]).toMatchObject({
        label,
        durationMin,
        chairKind,
        bufferMin,
        selfBookable,
        prepMin,
        recoveryMin,
      });
      expect(all[key].roles).toEqual(roles);
      expect(all[key].cancelNoticeHours).toBe(24);
      expect(all[key].source).toMatch(/product default.*clinic can change it/);
      expect(all[key].source).toContain('docs/clinical-sources.md#scheduling-defaults');
    },
  );

  it('returns fresh copies', () => {
    const a = defaultAppointmentTypes();
    a.dosing.roles.push('therapist');
    a.dosing.bufferMin = 99;
    expect(defaultAppointmentTypes().dosing.roles).toEqual(['prescriber', 'nurse']);
    expect(defaultAppointmentTypes().dosing.bufferMin).toBe(15);
  });

  it.each([
    ['dosing', true],
    ['follow_up', true],
    ['follow-up', false],
    ['Dosing', false],
    ['', false],
  ])('isAppointmentTypeKey(%j) = %s', (value, expected) => {
    expect(isAppointmentTypeKey(value)).toBe(expected);
  });
});

describe('chairKindFor', () => {
  it.each([
    ['dosing', 'intranasal', 'spravato_room'],
    ['dosing', 'iv', 'infusion_chair'],
    ['dosing', 'im', 'infusion_chair'],
    ['dosing', 'sublingual', 'infusion_chair'],
    ['dosing', 'oral', 'infusion_chair'],
    ['dosing', undefined, 'infusion_chair'],
    ['integration', undefined, 'therapy_room'],
    ['therapy', 'intranasal', 'therapy_room'],
    ['consultation', undefined, null],
    ['follow_up', 'iv', null],
    ['assessment', undefined, null],
  ] as Array<[AppointmentTypeKey, Route | undefined, ChairKind | null]>)(
    '%s, route %s → %s',
    (key, route, kind) => {
      expect(chairKindFor(key, route)).toBe(kind);
      if (kind !== null) expect(CHAIR_KINDS).toContain(kind);
    },
  );
});
