import { describe, expect, it } from 'vitest';
import { defaultIntranasalEsketamineProtocol } from '../protocols/defaults-esketamine.ts';
import { evaluateDischarge } from './discharge.ts';

// Esketamine: not before 120 min after the first device (SPRAVATO US prescribing information; SPRAVATO REMS).
const esk = defaultIntranasalEsketamineProtocol();
const DOSE = '2026-07-01T17:00:00.000Z'; // 10:00 in Los Angeles (PDT), 17:00 UTC

describe('evaluateDischarge: the earliest discharge time is told in the clinic zone', () => {
  it.each([
    ['America/Los_Angeles', '12:00'],
    ['America/New_York', '15:00'],
    [undefined, '19:00'],
  ])('%s → not before %s', (timeZone, shown) => {
    const r = evaluateDischarge(esk, {
      doseStartedAt: DOSE,
      now: '2026-07-01T18:00:00.000Z',
      ...(timeZone ? { timeZone } : {}),
    });
    const msg = r.failing.find((f) => f.key === 'time_since_dose')?.message ?? '';
    expect(msg).toContain(`(not before ${shown})`);
    expect(msg).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(r.earliestAt).toBe('2026-07-01T19:00:00.000Z');
  });
});
