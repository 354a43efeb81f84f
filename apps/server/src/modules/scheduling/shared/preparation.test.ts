import { defaultProtocols } from '@plasticity/clinical/protocols';
import { describe, expect, it } from 'vitest';
import { fastingRule, preparationInstructions } from './preparation.ts';

const esketamine = defaultProtocols().find((p) => p.drug === 'esketamine');
const ivKetamine = defaultProtocols().find((p) => p.route === 'iv');

describe('preparation instructions', () => {
  it.each([
    [
      'esketamine default protocol',
      esketamine ?? null,
      'no food for at least 2 h and no liquids for at least 30 min before dosing',
    ],
    [
      'IV ketamine default protocol',
      ivKetamine ?? null,
      'no food for 4–6 h, clear fluids until 2 h before dosing',
    ],
    ['no protocol', null, 'no food for 4–6 h, clear fluids until 2 h before dosing'],
    [
      'a protocol without a fasting item',
      { checklist: [] },
      'no food for 4–6 h, clear fluids until 2 h before dosing',
    ],
    [
      'a clinic’s own wording',
      {
        checklist: [
          {
            key: 'fasting',
            label: 'Fasting — Nothing by mouth after midnight',
            kind: 'attestation' as const,
            blocking: true,
            source: 'clinic',
          },
        ],
      },
      'nothing by mouth after midnight',
    ],
  ])('fasting rule for %s', (_name, protocol, rule) => {
    expect(fastingRule(protocol)).toBe(rule);
  });

  it('gives dosing visits fasting, escort and no-driving lines, other visits none', () => {
    const lines = preparationInstructions('dosing', esketamine ?? null);
    expect(lines[0]).toBe(
      'Fasting: no food for at least 2 h and no liquids for at least 30 min before dosing.',
    );
    expect(lines.some((l) => l.includes('adult escort'))).toBe(true);
    expect(lines.some((l) => l.startsWith('Do not drive'))).toBe(true);
    for (const type of ['consultation', 'integration', 'therapy', 'follow_up', 'assessment'] as const)
      expect(preparationInstructions(type, esketamine ?? null)).toEqual([]);
  });
});
