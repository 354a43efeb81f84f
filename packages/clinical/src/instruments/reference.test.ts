/**
 * The shipped definitions against the instrument table of
 * docs/clinical-sources.md#instruments-scoring-and-codes: LOINC codes, bands, item counts and ranges,
 * remission rules, and the traps that section names (AUDIT vs AUDIT-C codes swapped, GAD-7 panel used as its
 * total, PHQ-9 item 9 treated as unscored).
 */
import { describe, expect, it } from 'vitest';
import { scoreRange } from './helpers.ts';
import { audit, auditc, gad7, getInstrument, INSTRUMENT_IDS, INSTRUMENTS, phq9 } from './registry.ts';

/** docs/clinical-sources.md#instruments-scoring-and-codes, LOINC column ("none" → null). */
const LOINC: Record<string, { panel: string | null; total: string | null; extra?: Record<string, string> }> =
  {
    phq9: { panel: '44249-1', total: '44261-6', extra: { item9: '44260-8', phq2Total: '55758-7' } },
    gad7: { panel: '69737-5', total: '70274-6' },
    pcl5: { panel: '101697-1', total: '101698-9' },
    audit: { panel: '72110-0', total: '75624-7' },
    auditc: { panel: '72109-2', total: '75626-2' },
    dast10: { panel: '82666-9', total: '82667-7' },
    cssrs_screen: { panel: '93373-9', total: null, extra: { risk: '93374-7' } },
  };

/** docs/clinical-sources.md#instruments-scoring-and-codes, bands column, as [min, max, label]. */
const BANDS: Record<string, [number, number, string][] | null> = {
  phq9: [
    [0, 4, 'minimal'],
    [5, 9, 'mild'],
    [10, 14, 'moderate'],
    [15, 19, 'moderately severe'],
    [20, 27, 'severe'],
  ],
  gad7: [
    [0, 4, 'minimal'],
    [5, 9, 'mild'],
    [10, 14, 'moderate'],
    [15, 21, 'severe'],
  ],
  pcl5: [
    [0, 32, 'below cut-off'],
    [33, 80, 'probable ptsd'],
  ],
  audit: [
    [0, 7, 'low risk'],
    [8, 15, 'hazardous'],
    [16, 19, 'harmful'],
    [20, 40, 'possible dependence'],
  ],
  auditc: [
    [0, 2, 'negative'],
    [3, 12, 'positive'],
  ],
  dast10: [
    [0, 0, 'none'],
    [1, 2, 'low'],
    [3, 5, 'moderate'],
    [6, 8, 'substantial'],
    [9, 10, 'severe'],
  ],
  cssrs_screen: null,
  qids_sr16: [
    [0, 5, 'none'],
    [6, 10, 'mild'],
    [11, 15, 'moderate'],
    [16, 20, 'severe'],
    [21, 27, 'very severe'],
  ],
  madrs: [
    [0, 6, 'normal'],
    [7, 19, 'mild'],
    [20, 34, 'moderate'],
    [35, 60, 'severe'],
  ],
  moaas: [
    [0, 0, 'no response to painful trapezius squeeze'],
    [1, 1, 'responds only to painful trapezius squeeze'],
    [2, 2, 'responds only to mild prodding or shaking'],
    [3, 3, 'responds only to name called loudly or repeatedly'],
    [4, 4, 'lethargic response to name'],
    [5, 5, 'responds readily to name'],
  ],
  cadss6: null,
  drinking_days: null,
};

/** docs/clinical-sources.md#instruments-scoring-and-codes: item count, score range. */
const SHAPE: Record<string, { items: number; min: number; max: number }> = {
  phq9: { items: 10, min: 0, max: 27 },
  gad7: { items: 7, min: 0, max: 21 },
  pcl5: { items: 20, min: 0, max: 80 },
  audit: { items: 10, min: 0, max: 40 },
  auditc: { items: 3, min: 0, max: 12 },
  dast10: { items: 10, min: 0, max: 10 },
  cssrs_screen: { items: 7, min: 0, max: 7 },
  qids_sr16: { items: 16, min: 0, max: 27 },
  madrs: { items: 10, min: 0, max: 60 },
  moaas: { items: 1, min: 0, max: 5 },
  cadss6: { items: 6, min: 0, max: 24 },
  drinking_days: { items: 2, min: 0, max: 7 },
};

describe('registry', () => {
  it('lists exactly the twelve instruments of the clinical sources table', () => {
    expect([...INSTRUMENT_IDS].sort()).toEqual(Object.keys(SHAPE).sort());
    for (const id of INSTRUMENT_IDS) expect(getInstrument(id)?.id).toBe(id);
    expect(getInstrument('beck')).toBeUndefined();
  });
});

describe.each(INSTRUMENTS.map((d) => [d.id, d] as const))('%s matches the sources', (id, def) => {
  it('LOINC codes', () => {
    const want = LOINC[id];
    if (!want) {
      expect(def.loinc).toBeNull();
      return;
    }
    expect(def.loinc?.panel).toBe(want.panel);
    expect(def.loinc?.total).toBe(want.total);
  });

  it('bands', () => {
    const want = BANDS[id];
    expect(def.bands?.map((b) => [b.min, b.max, b.label]) ?? null).toEqual(want);
  });

  it('item count and score range', () => {
    const want = SHAPE[id];
    expect(def.items.length).toBe(want?.items);
    expect(scoreRange(def)).toEqual({ min: want?.min, max: want?.max });
  });

  it('cites a source and a licence', () => {
    expect(def.citation.length).toBeGreaterThan(20);
    expect(def.licence.length).toBeGreaterThan(5);
    expect(def.missingRule.source.length).toBeGreaterThan(10);
  });
});

describe('extra codes and traps', () => {
  it('PHQ-9 item 9 code and the PHQ-2 total', () => {
    expect(phq9.loinc?.items[9]).toBe('44260-8');
    expect(phq9.loinc?.related?.map((r) => r.code)).toEqual(['55758-7']);
  });

  it('C-SSRS screener risk level code', () => {
    expect(getInstrument('cssrs_screen')?.loinc?.riskLevel).toBe('93374-7');
  });

  it('AUDIT and AUDIT-C codes are not swapped', () => {
    expect(audit.loinc?.panel).toBe('72110-0');
    expect(audit.loinc?.total).toBe('75624-7');
    expect(auditc.loinc?.panel).toBe('72109-2');
    expect(auditc.loinc?.total).toBe('75626-2');
  });

  it('GAD-7 total is not its panel code', () => {
    expect(gad7.loinc?.total).toBe('70274-6');
    expect(gad7.loinc?.total).not.toBe(gad7.loinc?.panel);
  });

  it('PHQ-9 item 9 is scored; only item 10 (difficulty) is not', () => {
    expect(phq9.items.filter((i) => !i.scored).map((i) => i.number)).toEqual([10]);
    expect(phq9.items[8]?.scored).toBe(true);
  });

  it('AUDIT items 9–10 offer only 0, 2 and 4', () => {
    for (const n of [9, 10]) expect(audit.items[n - 1]?.options?.map((o) => o.value)).toEqual([0, 2, 4]);
  });

  it('remission rules: PHQ-9 < 5, GAD-7 < 5, QIDS-SR16 ≤ 5, MADRS ≤ 10 (configurable to 12), others none', () => {
    const rules = Object.fromEntries(INSTRUMENTS.map((d) => [d.id, d.outcome.remission]));
    expect(rules.phq9).toMatchObject({ comparator: '<', threshold: 5 });
    expect(rules.gad7).toMatchObject({ comparator: '<', threshold: 5 });
    expect(rules.qids_sr16).toMatchObject({ comparator: '<=', threshold: 5 });
    expect(rules.madrs).toEqual({ comparator: '<=', threshold: 10, configurable: { min: 10, max: 12 } });
    for (const id of ['pcl5', 'audit', 'auditc', 'dast10', 'cssrs_screen', 'moaas', 'cadss6']) {
      expect(rules[id]).toBeNull();
    }
  });

  it('CADSS-6 says why it has no severity', () => {
    expect(getInstrument('cadss6')?.severityNote).toMatch(/no severity bands/i);
  });

  it('licence-restricted instruments ship no wording and say why', () => {
    for (const id of ['dast10', 'cssrs_screen', 'qids_sr16', 'madrs', 'cadss6']) {
      const def = getInstrument(id);
      expect(def?.items.every((i) => i.text === undefined)).toBe(true);
      expect(def?.wordingNote).toBeTruthy();
    }
    for (const id of ['phq9', 'gad7', 'pcl5', 'audit', 'auditc']) {
      expect(getInstrument(id)?.items.every((i) => typeof i.text === 'string')).toBe(true);
    }
  });
});
