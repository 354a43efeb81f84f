/**
 * GAD-7, Generalized Anxiety Disorder 7-item scale.
 *
 * Source: Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety
 * disorder: the GAD-7. Arch Intern Med 2006;166(10):1092–1097. Instruction Manual for the PHQ and GAD-7
 * (Pfizer; phqscreeners.com). Wording © Pfizer Inc., free to reproduce. Bands 0–4 / 5–9 / 10–14 / 15–21
 * (Spitzer 2006). LOINC per docs/clinical-sources.md#instruments-scoring-and-codes: panel 69737-5, total
 * 70274-6 (the panel is not the total).
 */
import type { InstrumentDefinition } from '../types.ts';
import { PHQ_FREQUENCY, SYMPTOM_OUTCOME_SOURCE } from './common.ts';

export const gad7: InstrumentDefinition = {
  id: 'gad7',
  name: 'GAD-7',
  version: '1.0.0',
  kind: 'self_report',
  instructions: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
  options: PHQ_FREQUENCY,
  items: [
    { number: 1, label: 'Nervous', text: 'Feeling nervous, anxious or on edge', scored: true },
    {
      number: 2,
      label: 'Uncontrolled worry',
      text: 'Not being able to stop or control worrying',
      scored: true,
    },
    { number: 3, label: 'Excessive worry', text: 'Worrying too much about different things', scored: true },
    { number: 4, label: 'Trouble relaxing', text: 'Trouble relaxing', scored: true },
    { number: 5, label: 'Restless', text: 'Being so restless that it is hard to sit still', scored: true },
    { number: 6, label: 'Irritable', text: 'Becoming easily annoyed or irritable', scored: true },
    { number: 7, label: 'Afraid', text: 'Feeling afraid as if something awful might happen', scored: true },
  ],
  scoring: { kind: 'sum' },
  bands: [
    { min: 0, max: 4, label: 'minimal' },
    { min: 5, max: 9, label: 'mild' },
    { min: 10, max: 14, label: 'moderate' },
    { min: 15, max: 21, label: 'severe' },
  ],
  safetyRules: [],
  outcome: {
    direction: 'lower_is_better',
    response: { reductionPct: 50 },
    remission: { comparator: '<', threshold: 5 },
    source: `${SYMPTOM_OUTCOME_SOURCE}; remission GAD-7 < 5 (Spitzer 2006 "minimal" band)`,
  },
  missingRule: {
    kind: 'prorate',
    maxMissing: 1,
    rounding: 'half_up',
    source:
      'at most 1 of 7 items missing: the missing item takes the mean of the answered items (total = sum × 7 / 6, ' +
      'rounded half up). Neither Spitzer 2006 nor the Pfizer PHQ/GAD-7 instruction manual (as far as we could ' +
      'check) publishes a missing-item rule; this 1-item limit is a Plasticity default mirroring the PHQ-9 ' +
      'practice, UNVERIFIED against a primary source and clinic-configurable',
  },
  loinc: { panel: '69737-5', total: '70274-6', items: {} },
  licence: 'GAD-7 © Pfizer Inc.; free to use and reproduce, no permission required (phqscreeners.com).',
  citation:
    'Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety disorder: the GAD-7. Arch Intern Med. 2006;166(10):1092-1097.',
};
