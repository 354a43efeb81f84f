import { defaultProtocols } from '@plasticity/clinical/protocols';
import { describe, expect, it } from 'vitest';
import {
  DOSING_FALLBACK_MIN,
  defaultTypeSettings,
  neededChairKind,
  visitMinutes,
} from './appointment-types.ts';
import { planStateOf } from './appointment-view.ts';

const protocol = (route: string) => {
  const p = defaultProtocols().find((x) => x.route === route);
  if (!p) throw new Error(`no default ${route} protocol`);
  return p;
};

describe('visit length', () => {
  const dosing = defaultTypeSettings('dosing');
  it('takes the request’s minutes first, then the type’s, then the protocol’s visit, then 120', () => {
    expect(visitMinutes(45, defaultTypeSettings('therapy'), null)).toBe(45);
    expect(visitMinutes(undefined, defaultTypeSettings('therapy'), null)).toBe(50);
    expect(visitMinutes(undefined, dosing, null)).toBe(DOSING_FALLBACK_MIN);
    // Esketamine: at least the label's 2 hours of monitoring plus prep and recovery.
    const esk = visitMinutes(undefined, dosing, protocol('intranasal'));
    expect(esk).toBe(120 + (dosing.prepMin ?? 0) + (dosing.recoveryMin ?? 0));
    expect(visitMinutes(undefined, { ...dosing, prepMin: 0, recoveryMin: 0 }, protocol('intranasal'))).toBe(
      120,
    );
  });
});

describe('chair kind', () => {
  it.each([
    ['dosing', 'intranasal', 'spravato_room'],
    ['dosing', 'iv', 'infusion_chair'],
    ['dosing', null, null],
    ['therapy', null, 'therapy_room'],
    ['follow_up', null, null],
  ] as const)('%s %s → %s', (type, route, kind) => {
    expect(neededChairKind(type, defaultTypeSettings(type), route ? protocol(route) : null)).toBe(kind);
  });
  it('follows the clinic’s setting over the route', () => {
    const own = { ...defaultTypeSettings('dosing'), chairKind: 'therapy_room' as const };
    expect(neededChairKind('dosing', own, protocol('iv'))).toBe('therapy_room');
  });
});

describe('plan state', () => {
  it.each([
    ['dosing', null, null, 'none'],
    ['dosing', 'p', 'draft', 'pending'],
    ['dosing', 'p', 'approved', 'approved'],
    ['dosing', 'p', 'active', 'approved'],
    ['dosing', 'p', 'completed', 'approved'],
    ['dosing', 'p', 'stopped', 'none'],
    ['follow_up', 'p', 'approved', null],
  ])('%s plan %s %s → %s', (type, planId, status, expected) => {
    expect(planStateOf(type, planId, status)).toBe(expected);
  });
});
