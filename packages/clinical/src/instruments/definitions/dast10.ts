/**
 * DAST-10, Drug Abuse Screening Test (10-item).
 *
 * Source: Skinner HA. The Drug Abuse Screening Test. Addict Behav 1982;7(4):363–371 (DAST-28); DAST-10
 * short form and guidelines: Skinner HA, Centre for Addiction and Mental Health (CAMH), Toronto; Yudko E,
 * Lozhkina O, Fouts A. A comprehensive review of the psychometric properties of the DAST. J Subst Abuse
 * Treat 2007;32:189–198. Ten yes/no items about the past 12 months, yes = 1 except item 3, where "no"
 * scores 1. Levels 0 none, 1–2 low, 3–5 moderate, 6–8 substantial, 9–10 severe. LOINC per
 * docs/clinical-sources.md#instruments-scoring-and-codes.
 */
import type { InstrumentDefinition } from '../types.ts';
import { YES_NO } from './common.ts';

export const dast10: InstrumentDefinition = {
  id: 'dast10',
  name: 'DAST-10',
  version: '1.0.0',
  kind: 'self_report',
  instructions:
    'Questions about drug use (not alcohol or tobacco) in the past 12 months. Answer yes = 1, no = 0 as asked; item 3 is reverse scored by the engine.',
  options: YES_NO,
  wordingNote:
    'DAST-10 wording is © Harvey A. Skinner (CAMH); reproduction terms are unverified, so only item numbers, short labels and yes/no anchors ship. Clinics with permission can add the wording.',
  items: [
    { number: 1, label: 'Used drugs other than for medical reasons', scored: true },
    { number: 2, label: 'Used more than one drug at a time', scored: true },
    { number: 3, label: 'Always able to stop when wanted (reverse scored)', scored: true },
    { number: 4, label: 'Blackouts or flashbacks from drug use', scored: true },
    { number: 5, label: 'Felt bad or guilty about drug use', scored: true },
    { number: 6, label: 'Spouse or parents complained about drug use', scored: true },
    { number: 7, label: 'Neglected family because of drug use', scored: true },
    { number: 8, label: 'Illegal activities to obtain drugs', scored: true },
    { number: 9, label: 'Withdrawal symptoms on stopping', scored: true },
    { number: 10, label: 'Medical problems from drug use', scored: true },
  ],
  scoring: { kind: 'sum', reverse: [{ item: 3 }] },
  bands: [
    { min: 0, max: 0, label: 'none' },
    { min: 1, max: 2, label: 'low' },
    { min: 3, max: 5, label: 'moderate' },
    { min: 6, max: 8, label: 'substantial' },
    { min: 9, max: 10, label: 'severe' },
  ],
  safetyRules: [],
  outcome: {
    direction: 'lower_is_better',
    response: null,
    remission: null,
    source: 'DAST-10 is a screen: no response or remission rule is published',
  },
  missingRule: {
    kind: 'refuse',
    source: 'no published rule for missing DAST-10 items (Skinner 1982), so incomplete forms are not scored',
  },
  loinc: { panel: '82666-9', total: '82667-7', items: {} },
  licence: '© Harvey A. Skinner (CAMH); use terms UNVERIFIED (REFERENCE.md). Wording not shipped.',
  citation: 'Skinner HA. The Drug Abuse Screening Test. Addict Behav. 1982;7(4):363-371.',
};
