import { describe, expect, it } from 'vitest';
import { defaultProtocolFor } from '../protocols/defaults.ts';
import type { Protocol, Route } from '../protocols/types.ts';
import { dosingVisitMinutes } from './dosing-visit.ts';

const DEFAULTS = { prepMin: 15, recoveryMin: 15 };

describe('dosingVisitMinutes with the default protocols', () => {
  it.each([
    // [route, administration, observation after it, total with 15 + 15]
    ['iv', 40, 60, 130],
    ['im', 0, 60, 90],
    ['sublingual', 0, 120, 150],
    ['oral', 0, 120, 150],
    ['intranasal', 0, 120, 150],
  ] as Array<[Route, number, number, number]>)('%s', (route, administrationMin, observationMin, minutes) => {
    expect(dosingVisitMinutes(defaultProtocolFor(route), DEFAULTS)).toEqual({
      minutes,
      parts: { prepMin: 15, administrationMin, observationMin, recoveryMin: 15 },
    });
  });

  it('esketamine observes at least 2 hours after administration (label)', () => {
    const r = dosingVisitMinutes(defaultProtocolFor('intranasal'), { prepMin: 0, recoveryMin: 0 });
    expect(r.parts.observationMin).toBeGreaterThanOrEqual(120);
    expect(r.minutes).toBe(120);
  });
});

/** `base` with only the given discharge minimums and administration time. */
function withDischarge(
  base: Protocol,
  patch: Partial<Protocol['discharge']>,
  durationMin?: number,
): Protocol {
  const { minMinutesAfterDose: _dose, minMinutesAfterAdministrationEnd: _end, ...discharge } = base.discharge;
  const { durationMin: _duration, ...rest } = base;
  return {
    ...rest,
    discharge: { ...discharge, ...patch },
    ...(durationMin !== undefined ? { durationMin } : {}),
  };
}

describe('dosingVisitMinutes boundaries', () => {
  const iv = defaultProtocolFor('iv');
  const esk = defaultProtocolFor('intranasal');
  it.each([
    // [case, protocol, observationMin, minutes with prep 10 + recovery 5]
    ['no duration, no minimums', withDischarge(iv, {}), 0, 15],
    ['duration only', withDischarge(iv, {}, 40), 0, 55],
    ['after-dose only', withDischarge(iv, { minMinutesAfterDose: 90 }), 90, 105],
    ['after-dose shorter than the infusion', withDischarge(iv, { minMinutesAfterDose: 30 }, 40), 0, 55],
    [
      'after-dose equals infusion + after-end',
      withDischarge(iv, { minMinutesAfterDose: 100, minMinutesAfterAdministrationEnd: 60 }, 40),
      60,
      115,
    ],
    [
      'after-dose larger',
      withDischarge(iv, { minMinutesAfterDose: 101, minMinutesAfterAdministrationEnd: 60 }, 40),
      61,
      116,
    ],
    [
      'after-end larger',
      withDischarge(iv, { minMinutesAfterDose: 99, minMinutesAfterAdministrationEnd: 60 }, 40),
      60,
      115,
    ],
    ['after-end 0', withDischarge(iv, { minMinutesAfterAdministrationEnd: 0 }, 40), 0, 55],
    [
      'esketamine with a lower stored minimum keeps the label 120',
      withDischarge(esk, { minMinutesAfterDose: 60 }),
      120,
      135,
    ],
    ['esketamine with a higher minimum', withDischarge(esk, { minMinutesAfterDose: 150 }), 150, 165],
  ])('%s', (_case, protocol, observationMin, minutes) => {
    const r = dosingVisitMinutes(protocol, { prepMin: 10, recoveryMin: 5 });
    expect(r.parts.observationMin).toBe(observationMin);
    expect(r.minutes).toBe(minutes);
    expect(r.minutes).toBe(
      r.parts.prepMin + r.parts.administrationMin + r.parts.observationMin + r.parts.recoveryMin,
    );
  });

  it.each([[{ prepMin: -1, recoveryMin: 0 }], [{ prepMin: 0, recoveryMin: Number.NaN }]])(
    'rejects %j',
    (opts) => {
      expect(() => dosingVisitMinutes(iv, opts)).toThrow(RangeError);
    },
  );
});
