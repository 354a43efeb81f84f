/**
 * PHQ-9, Patient Health Questionnaire depression module.
 *
 * Source: Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure.
 * J Gen Intern Med 2001;16(9):606–613. Instruction Manual: Instructions for Patient Health Questionnaire
 * (PHQ) and GAD-7 Measures (Pfizer; phqscreeners.com). Wording: © Pfizer Inc., free to reproduce, no
 * permission needed. Bands 0–4 / 5–9 / 10–14 / 15–19 / 20–27 (Kroenke 2001). Item 9 is scored (it is
 * the 9th of the 9 scored items); item 10 ("difficulty") is asked but not scored. LOINC per
 * docs/clinical-sources.md#instruments-scoring-and-codes.
 */
import type { InstrumentDefinition } from '../types.ts';
import { PHQ_DIFFICULTY, PHQ_FREQUENCY, SYMPTOM_OUTCOME_SOURCE } from './common.ts';

export const phq9: InstrumentDefinition = {
  id: 'phq9',
  name: 'PHQ-9',
  version: '1.0.0',
  kind: 'self_report',
  instructions: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
  options: PHQ_FREQUENCY,
  items: [
    { number: 1, label: 'Anhedonia', text: 'Little interest or pleasure in doing things', scored: true },
    { number: 2, label: 'Depressed mood', text: 'Feeling down, depressed, or hopeless', scored: true },
    {
      number: 3,
      label: 'Sleep',
      text: 'Trouble falling or staying asleep, or sleeping too much',
      scored: true,
    },
    { number: 4, label: 'Fatigue', text: 'Feeling tired or having little energy', scored: true },
    { number: 5, label: 'Appetite', text: 'Poor appetite or overeating', scored: true },
    {
      number: 6,
      label: 'Self-worth',
      text: 'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
      scored: true,
    },
    {
      number: 7,
      label: 'Concentration',
      text: 'Trouble concentrating on things, such as reading the newspaper or watching television',
      scored: true,
    },
    {
      number: 8,
      label: 'Psychomotor',
      text: 'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
      scored: true,
    },
    {
      number: 9,
      label: 'Thoughts of death or self-harm',
      text: 'Thoughts that you would be better off dead or of hurting yourself in some way',
      scored: true,
    },
    {
      number: 10,
      label: 'Difficulty (not scored)',
      text: 'If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?',
      options: PHQ_DIFFICULTY,
      scored: false,
    },
  ],
  minAnswers: 9,
  scoring: { kind: 'sum' },
  bands: [
    { min: 0, max: 4, label: 'minimal' },
    { min: 5, max: 9, label: 'mild' },
    { min: 10, max: 14, label: 'moderate' },
    { min: 15, max: 19, label: 'moderately severe' },
    { min: 20, max: 27, label: 'severe' },
  ],
  safetyRules: [{ kind: 'item_at_least', item: 9, value: 1, flag: 'suicide_risk' }],
  outcome: {
    direction: 'lower_is_better',
    response: { reductionPct: 50 },
    remission: { comparator: '<', threshold: 5 },
    source: `${SYMPTOM_OUTCOME_SOURCE}; remission PHQ-9 < 5 (Kroenke 2001 "minimal" band)`,
  },
  missingRule: {
    kind: 'prorate',
    maxMissing: 2,
    rounding: 'half_up',
    source:
      'at most 2 of 9 items missing: missing items take the mean of the answered items (total = sum × 9 / ' +
      'answered, rounded half up), the rule documented with Arrieta et al., J Clin Psychol 2017;73(9):1076–1090 ' +
      '(doi 10.1002/jclp.22390) and used by published PHQ-9 scoring code; the Pfizer PHQ instruction manual ' +
      'states no rule as far as we could check, so this is a secondary source: UNVERIFIED, clinic-configurable',
  },
  loinc: {
    panel: '44249-1',
    total: '44261-6',
    items: { 9: '44260-8' },
    related: [{ code: '55758-7', display: 'PHQ-2 total score (items 1–2)' }],
  },
  licence: 'PHQ-9 © Pfizer Inc.; free to use and reproduce, no permission required (phqscreeners.com).',
  citation:
    'Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. J Gen Intern Med. 2001;16(9):606-613.',
};
