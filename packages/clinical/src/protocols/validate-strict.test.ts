/**
 * New protocol versions (`validateProtocol(p, { strict: true })`) must carry an mg cap, a dosing-weight rule, a
 * minimum observation time and, for esketamine, the REMS recovery checks and US-label doses (SPRAVATO US label;
 * REMS 386; the retired near-baseline alternative is refused); versions stored before them still validate.
 */
import { describe, expect, it } from 'vitest';
import { defaultIntranasalEsketamineProtocol } from './defaults-esketamine.ts';
import { defaultImKetamineProtocol, defaultIvKetamineProtocol } from './defaults-ketamine.ts';
import type { Protocol } from './types.ts';
import { validateProtocol } from './validate.ts';

// biome-ignore lint/suspicious/noExplicitAny: free-form JSON edits of a fixture, as a clinic's editor sends them
type Json = any;
type Edit = (p: Json) => void;
const copy = (base: () => Protocol, edit: Edit): unknown => {
  const p: Json = JSON.parse(JSON.stringify(base()));
  edit(p);
  return p;
};
const paths = (v: unknown, strict: boolean) => {
  const r = validateProtocol(v, { strict });
  return r.ok ? [] : r.errors.map((e) => e.path);
};

const iv = defaultIvKetamineProtocol;
const im = defaultImKetamineProtocol;
const esk = defaultIntranasalEsketamineProtocol;

describe('validateProtocol strict (new versions) vs stored versions', () => {
  it.each<[string, () => Protocol, Edit, string[]]>([
    ['IV without an mg cap', iv, (p) => delete p.dose.absoluteMaxMg, ['dose.absoluteMaxMg']],
    ['IV without a dosing-weight rule', iv, (p) => delete p.dose.dosingWeight, ['dose.dosingWeight']],
    [
      'IM without a minimum observation time',
      im,
      (p) => delete p.discharge.minMinutesAfterAdministrationEnd,
      ['discharge.minMinutesAfterAdministrationEnd'],
    ],
    [
      'with the retired within-20 %-of-baseline alternative',
      iv,
      (p) => {
        p.discharge.vitals.baselineTolerancePct = 20;
        p.discharge.vitals.baselineToleranceParameters = ['sbp'];
      },
      ['discharge.vitals.baselineTolerancePct'],
    ],
    ['esketamine without an mg cap', esk, (p) => delete p.dose.absoluteMaxMg, ['dose.absoluteMaxMg']],
    [
      'esketamine listing 28 mg with the non-US option off',
      esk,
      (p) => {
        p.dose.allowedMg = [28, 56, 84];
      },
      ['dose.allowedMg[0]'],
    ],
    [
      'esketamine without the REMS sedation check',
      esk,
      (p) => delete p.discharge.requireSedationResolved,
      ['discharge.requireSedationResolved'],
    ],
    [
      'esketamine with the respiratory-depression check turned off',
      esk,
      (p) => {
        p.discharge.requireNoRespiratoryDepression = false;
      },
      ['discharge.requireNoRespiratoryDepression'],
    ],
  ])('%s: refused for a new version, accepted as a stored version', (_n, base, edit, want) => {
    const v = copy(base, edit);
    expect(paths(v, true)).toEqual(want);
    expect(paths(v, false)).toEqual([]);
  });

  it.each<[string, () => Protocol, Edit, string]>([
    ['esketamine cap above 84 mg (label)', esk, (p) => (p.dose.absoluteMaxMg = 112), 'dose.absoluteMaxMg'],
    ['esketamine dose above its cap', esk, (p) => (p.dose.absoluteMaxMg = 56), 'dose.allowedMg[1]'],
    [
      'dosing-weight basis unknown',
      iv,
      (p) => (p.dose.dosingWeight.obeseBasis = 'lean'),
      'dose.dosingWeight.obeseBasis',
    ],
    [
      'BMI threshold implausible',
      iv,
      (p) => (p.dose.dosingWeight.obeseBmiAtLeast = 3),
      'dose.dosingWeight.obeseBmiAtLeast',
    ],
    [
      'adjusted fraction above 1',
      iv,
      (p) => (p.dose.dosingWeight.adjustedExcessFraction = 4),
      'dose.dosingWeight.adjustedExcessFraction',
    ],
    [
      'negative observation minimum',
      iv,
      (p) => (p.discharge.minMinutesAfterAdministrationEnd = -1),
      'discharge.minMinutesAfterAdministrationEnd',
    ],
    [
      'near-baseline without parameters',
      iv,
      (p) => (p.discharge.vitals.nearBaseline = { pct: 20, parameters: [], source: 'x' }),
      'discharge.vitals.nearBaseline.parameters',
    ],
  ])('%s → error in both modes', (_n, base, edit, path) => {
    const v = copy(base, edit);
    expect(paths(v, true)).toContain(path);
    expect(paths(v, false)).toContain(path);
  });

  it('28 mg is accepted with the non-US label option on (EU SmPC starting dose)', () => {
    const v = copy(esk, (p) => {
      p.dose.allowedMg = [28, 56, 84];
      p.dose.nonUsLabelDosesAllowed = true;
    });
    expect(paths(v, true)).toEqual([]);
  });

  it('a protocol max below the ceiling, and equal to it, are both valid (override band may be empty)', () => {
    expect(
      paths(
        copy(iv, (p) => (p.dose.protocolMaxMgPerKg = 1)),
        true,
      ),
    ).toEqual([]);
  });
});
