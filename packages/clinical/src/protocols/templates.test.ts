/** Protocol templates per indication (docs/clinical-sources.md#protocol-templates-per-indication). */
import { describe, expect, it } from 'vitest';
import { protocolTemplate, protocolTemplates } from './templates.ts';
import { validateProtocol } from './validate.ts';

describe('protocol templates', () => {
  it('offers one template per indication, each a valid DRAFT protocol with sources', () => {
    const all = protocolTemplates();
    expect(all.map((t) => t.indication)).toEqual([
      'ptsd',
      'alcohol_use_disorder',
      'anxiety',
      'opioid_use_disorder',
    ]);
    for (const t of all) {
      const v = validateProtocol(t.protocol, { strict: true });
      expect(v.errors, t.key).toEqual([]);
      expect(t.protocol.status).toBe('draft');
      expect(t.protocol.indications).toEqual([t.indication]);
      expect(t.sources.length).toBeGreaterThan(0);
      expect(t.protocol.integration).toMatchObject({ fromHours: 24, toHours: 72 });
      expect(t.protocol.requiredInstruments.map((i) => i.instrument)).toEqual(
        t.instruments.map((i) => i.instrument),
      );
    }
  });

  it.each([
    // key, route, mg/kg, minutes, count, per week, instrument tracked
    ['ptsd-iv-ketamine', 'iv', 0.5, 40, 6, 3, 'pcl5'],
    ['aud-iv-ketamine', 'iv', 0.8, 40, 3, 1, 'audit'],
    ['anxiety-iv-ketamine', 'iv', 0.5, 40, undefined, 1, 'gad7'],
    ['oud-im-ketamine', 'im', 0.5, undefined, 3, 0.25, 'dast10'],
  ] as const)(
    '%s: %s %s mg/kg over %s min, %s sessions, %s a week, tracks %s',
    (key, route, mgPerKg, minutes, count, perWeek, instrument) => {
      const t = protocolTemplate(key);
      if (!t) throw new Error(key);
      expect(t.protocol.route).toBe(route);
      expect(t.protocol.dose.kind === 'weight_based' && t.protocol.dose.defaultMgPerKg).toBe(mgPerKg);
      expect(t.protocol.durationMin).toBe(minutes);
      expect(t.protocol.sessions.count).toBe(count);
      expect(t.protocol.sessions.phases[0]?.perWeekMax).toBe(perWeek);
      expect(t.instruments.map((i) => i.instrument)).toContain(instrument);
    },
  );

  it('keeps the product ceilings: the opioid template does not take the trial’s 2.0 mg/kg IM dose', () => {
    const t = protocolTemplate('oud-im-ketamine');
    expect(t?.evidence).toBe('weak');
    const dose = t?.protocol.dose;
    expect(dose?.kind === 'weight_based' && dose.absoluteCeilingMgPerKg).toBeLessThan(2);
    expect(protocolTemplate('nope')).toBeNull();
  });
});
