/**
 * AUDIT-C, the consumption items (1–3) of the WHO AUDIT.
 *
 * Source: Bush K, Kivlahan DR, McDonell MB, Fihn SD, Bradley KA. The AUDIT alcohol consumption questions
 * (AUDIT-C). Arch Intern Med 1998;158:1789–1795; Bradley KA et al., Alcohol Clin Exp Res 2007;31:1208–1217
 * (cut-offs ≥ 4 men, ≥ 3 women). Item wording from the WHO AUDIT (Babor 2001), free to reproduce. When sex
 * is unknown the conservative ≥ 3 is used with a warning. LOINC per
 * docs/clinical-sources.md#instruments-scoring-and-codes: panel 72109-2, total 75626-2 (not the full AUDIT's
 * codes).
 */
import type { InstrumentDefinition } from '../types.ts';
import { AUDIT_CONSUMPTION_ITEMS } from './audit.ts';

export const auditc: InstrumentDefinition = {
  id: 'auditc',
  name: 'AUDIT-C',
  version: '1.0.0',
  kind: 'self_report',
  instructions: 'Questions about your use of alcoholic beverages during the past year.',
  items: AUDIT_CONSUMPTION_ITEMS,
  scoring: { kind: 'sum' },
  cutoff: {
    value: 3,
    positiveLabel: 'positive',
    negativeLabel: 'negative',
    bySex: {
      male: 4,
      female: 3,
      unknownSexWarning:
        'sex not recorded as male or female: the conservative AUDIT-C cut-off (≥ 3, the women’s cut-off) was used',
    },
  },
  bands: [
    { min: 0, max: 2, label: 'negative' },
    { min: 3, max: 12, label: 'positive' },
  ],
  safetyRules: [],
  outcome: {
    direction: 'lower_is_better',
    response: null,
    remission: null,
    source: 'AUDIT-C is a screen: no response or remission rule is published',
  },
  missingRule: {
    kind: 'refuse',
    source:
      'no published rule for missing AUDIT-C items (Bush 1998; Babor 2001), so incomplete forms are not scored',
  },
  loinc: { panel: '72109-2', total: '75626-2', items: {} },
  licence: 'World Health Organization AUDIT items; free to reproduce and use without permission.',
  citation:
    'Bush K, Kivlahan DR, McDonell MB, Fihn SD, Bradley KA. The AUDIT alcohol consumption questions (AUDIT-C). Arch Intern Med. 1998;158(16):1789-1795.',
};
