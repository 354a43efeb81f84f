/**
 * C-SSRS Screener, definition version 1.0.0: SUPERSEDED by version 2.0.0 (`cssrs-screen.ts`), kept
 * unchanged so that assessments stored under it (six answers) are still read with the definition
 * they were scored with. Never used for new forms: it asked item 6 about the past 3 months only and
 * so missed suicidal behaviour further back (see `cssrs-screen.ts`).
 *
 * Source: Posner K, Brown GK, Stanley B, et al. The Columbia-Suicide Severity Rating Scale: initial validity
 * and internal consistency findings. Am J Psychiatry 2011;168(12):1266–1277; C-SSRS Screen Version, The
 * Columbia Lighthouse Project (cssrs.columbia.edu). Six yes/no items: 1–2 past month; 3–5 asked only when
 * item 2 is yes; item 6 here means suicidal behaviour within the past 3 months. Triage (secondary sources,
 * clinic-configurable): yes to 1 or 2 → low risk; yes to 3 → moderate; yes to 4, 5 or 6 →
 * high. Moderate or high raises `suicide_risk`. Total = number of yes answers. LOINC 93373-9 / 93374-7.
 */
import type { InstrumentDefinition } from '../types.ts';
import { YES_NO } from './common.ts';

export const cssrsScreenV1: InstrumentDefinition = {
  id: 'cssrs_screen',
  name: 'C-SSRS Screener',
  version: '1.0.0',
  kind: 'clinician',
  instructions:
    'Items 1–5 ask about the past month; items 3–5 are asked only when item 2 is yes (send 0 otherwise). Item 6: suicidal behaviour within the past 3 months.',
  options: YES_NO,
  wordingNote:
    'C-SSRS wording is © The Research Foundation for Mental Hygiene (Columbia Lighthouse Project); free for clinical use but redistribution terms are unverified, so only item numbers, short labels and yes/no anchors ship.',
  items: [
    { number: 1, label: 'Wish to be dead', scored: true },
    { number: 2, label: 'Non-specific active suicidal thoughts', scored: true },
    { number: 3, label: 'Suicidal thoughts with method (no plan or intent)', scored: true },
    { number: 4, label: 'Suicidal intent without specific plan', scored: true },
    { number: 5, label: 'Suicidal intent with specific plan', scored: true },
    { number: 6, label: 'Suicidal behaviour in the past 3 months', scored: true },
  ],
  constraints: [{ kind: 'gate', gateItem: 2, openAtLeast: 1, items: [3, 4, 5] }],
  scoring: { kind: 'sum' },
  bands: null,
  severityRule: {
    kind: 'item_levels',
    none: 'none',
    levels: [
      { label: 'low risk', items: [1, 2], atLeast: 1 },
      { label: 'moderate', items: [3], atLeast: 1 },
      { label: 'high', items: [4, 5, 6], atLeast: 1 },
    ],
  },
  safetyRules: [{ kind: 'severity_in', labels: ['moderate', 'high'], flag: 'suicide_risk' }],
  outcome: {
    direction: 'lower_is_better',
    response: null,
    remission: null,
    source: 'The C-SSRS screener triages risk; it defines no response or remission',
  },
  missingRule: {
    kind: 'refuse',
    source:
      'every screener question must be answered (Columbia protocol): an unanswered risk question is never assumed "no"',
  },
  loinc: { panel: '93373-9', total: null, items: {}, riskLevel: '93374-7' },
  licence:
    'The Research Foundation for Mental Hygiene / Columbia Lighthouse Project; free for clinical use, terms UNVERIFIED (REFERENCE.md).',
  citation:
    'Posner K, Brown GK, Stanley B, et al. The Columbia-Suicide Severity Rating Scale: initial validity and internal consistency findings from three multisite studies with adolescents and adults. Am J Psychiatry. 2011;168(12):1266-1277.',
};
