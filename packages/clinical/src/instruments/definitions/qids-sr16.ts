/**
 * QIDS-SR16, Quick Inventory of Depressive Symptomatology (Self-Report, 16 items).
 *
 * Source: Rush AJ, Trivedi MH, Ibrahim HM, et al. The 16-item Quick Inventory of Depressive Symptomatology
 * (QIDS), clinician rating (QIDS-C), and self-report (QIDS-SR). Biol Psychiatry 2003;54(5):573–583; scoring
 * guide at ids-qids.org. 16 items scored 0–3 into 9 DSM symptom domains: sleep = max(1–4), sad mood = 5,
 * appetite/weight = max(6–9), concentration = 10, self-view = 11, suicidal ideation = 12, interest = 13,
 * energy = 14, psychomotor = max(15–16); total 0–27. Severity ≤ 5 none, 6–10 mild, 11–15 moderate, 16–20
 * severe, 21–27 very severe. Item 12 ≥ 2 ("several times a week" or worse) → suicide_risk. No LOINC code.
 */
import type { AnswerOption, InstrumentDefinition } from '../types.ts';

/** Anchors abbreviated to 0–3 severity; the published anchors differ per item. */
const SEVERITY_0_3: readonly AnswerOption[] = [
  { value: 0, label: '0 (none)' },
  { value: 1, label: '1' },
  { value: 2, label: '2' },
  { value: 3, label: '3 (most severe)' },
];

const SUICIDE: readonly AnswerOption[] = [
  { value: 0, label: 'No thoughts of suicide or death' },
  { value: 1, label: 'Life feels empty or not worth living' },
  { value: 2, label: 'Thoughts of suicide or death several times a week for several minutes' },
  { value: 3, label: 'Thoughts of suicide or death several times a day, or plans or attempts' },
];

export const qidsSr16: InstrumentDefinition = {
  id: 'qids_sr16',
  name: 'QIDS-SR16',
  version: '1.0.0',
  kind: 'self_report',
  instructions: 'Each item is rated 0–3 for the past seven days, as printed on the published form.',
  options: SEVERITY_0_3,
  wordingNote:
    'QIDS item wording and anchors are © UT Southwestern (ids-qids.org); free for clinical use but redistribution terms are unverified, so only item numbers, short labels and abbreviated 0–3 anchors ship.',
  items: [
    { number: 1, label: 'Falling asleep', scored: true },
    { number: 2, label: 'Sleep during the night', scored: true },
    { number: 3, label: 'Waking up too early', scored: true },
    { number: 4, label: 'Sleeping too much', scored: true },
    { number: 5, label: 'Feeling sad', scored: true },
    { number: 6, label: 'Decreased appetite', scored: true },
    { number: 7, label: 'Increased appetite', scored: true },
    { number: 8, label: 'Decreased weight (last 2 weeks)', scored: true },
    { number: 9, label: 'Increased weight (last 2 weeks)', scored: true },
    { number: 10, label: 'Concentration and decision making', scored: true },
    { number: 11, label: 'View of myself', scored: true },
    { number: 12, label: 'Thoughts of death or suicide', options: SUICIDE, scored: true },
    { number: 13, label: 'General interest', scored: true },
    { number: 14, label: 'Energy level', scored: true },
    { number: 15, label: 'Feeling slowed down', scored: true },
    { number: 16, label: 'Feeling restless', scored: true },
  ],
  scoring: {
    kind: 'domains',
    domains: [
      { id: 'sleep', label: 'Sleep disturbance', items: [1, 2, 3, 4], combine: 'max' },
      { id: 'mood', label: 'Sad mood', items: [5], combine: 'max' },
      { id: 'appetite_weight', label: 'Appetite or weight change', items: [6, 7, 8, 9], combine: 'max' },
      { id: 'concentration', label: 'Concentration', items: [10], combine: 'max' },
      { id: 'self_view', label: 'Self-view', items: [11], combine: 'max' },
      { id: 'suicidal_ideation', label: 'Suicidal ideation', items: [12], combine: 'max' },
      { id: 'interest', label: 'Interest', items: [13], combine: 'max' },
      { id: 'energy', label: 'Energy', items: [14], combine: 'max' },
      { id: 'psychomotor', label: 'Psychomotor change', items: [15, 16], combine: 'max' },
    ],
  },
  bands: [
    { min: 0, max: 5, label: 'none' },
    { min: 6, max: 10, label: 'mild' },
    { min: 11, max: 15, label: 'moderate' },
    { min: 16, max: 20, label: 'severe' },
    { min: 21, max: 27, label: 'very severe' },
  ],
  safetyRules: [{ kind: 'item_at_least', item: 12, value: 2, flag: 'suicide_risk' }],
  outcome: {
    direction: 'lower_is_better',
    response: { reductionPct: 50 },
    remission: { comparator: '<=', threshold: 5 },
    source:
      'Rush 2003 / STAR*D convention: response ≥ 50 % reduction, remission QIDS-SR16 ≤ 5; clinic-configurable',
  },
  missingRule: {
    kind: 'refuse',
    source:
      'Rush 2003 publishes no proration for the QIDS-SR16 (domains take the maximum of their items), so incomplete forms are not scored',
  },
  loinc: null,
  licence:
    'UT Southwestern Medical Center; free for clinical and research use (ids-qids.org). Wording not shipped.',
  citation:
    'Rush AJ, Trivedi MH, Ibrahim HM, et al. The 16-Item Quick Inventory of Depressive Symptomatology (QIDS), clinician rating (QIDS-C), and self-report (QIDS-SR). Biol Psychiatry. 2003;54(5):573-583.',
};
