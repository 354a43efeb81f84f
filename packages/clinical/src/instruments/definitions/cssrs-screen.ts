/**
 * C-SSRS Screener (Columbia-Suicide Severity Rating Scale, screen version with lifetime and recent
 * suicidal behaviour), definition version 2.0.0.
 *
 * Sources:
 * - Posner K, Brown GK, Stanley B, et al. The Columbia-Suicide Severity Rating Scale: initial validity
 *   and internal consistency findings from three multisite studies with adolescents and adults. Am J
 *   Psychiatry 2011;168(12):1266–1277.
 * - The Columbia Lighthouse Project (cssrs.columbia.edu), C-SSRS Screener with triage colours: ideation
 *   items 1–5 are about the past month; items 3–5 are asked only after a yes to item 2 (with a no to
 *   item 2 the interviewer goes straight to the behaviour question); the behaviour question asks whether
 *   the person has EVER done, started or prepared anything to end their life, with the follow-up "was
 *   this within the past 3 months?". Risk is low, moderate or high by the most severe yes; Columbia's
 *   triage and workflow guidelines name the answers that need patient-safety precautions in every
 *   setting: a yes to item 4 or 5 in the past month, or any suicidal behaviour in the past 3 months.
 * - LOINC form 93373-9 carries the screener as 7 answers: 93246-7, 93247-5, 93248-3, 93249-1, 93250-9
 *   (items 1–5), 93267-3 (behaviour, ever) and 93269-9 (within the past 3 months); risk level 93374-7
 *   (HL7 US Behavioral Health Profiles IG, QuestionnaireResponse example C-SSRS-example-1).
 *
 * Triage: yes to 1 or 2 → low risk; yes to 3 → moderate; yes to 4 or 5 → high; behaviour ever but not
 * within 3 months (6 yes, 7 no) → moderate; behaviour within 3 months (7 yes) → high. Moderate or high
 * raises `suicide_risk`. Total = number of yes answers (the screener has no published total; it is kept
 * only so the trend shows each screen).
 *
 * Answers: 1 yes, 0 no. Not-asked questions are sent as 0 (or null, read as 0): items 3–5 when item 2 is
 * no, answer 7 when item 6 is no. An inconsistent form (item 3, 4 or 5 yes with item 2 no; answer 7 yes
 * with item 6 no) is refused naming the offending answer (`answers[i]`), never silently corrected.
 *
 * Who completes it: Columbia publishes self-report versions of the screener, so patients may complete
 * it in the portal or through a self-report link; staff enter it after asking the questions.
 *
 * Version 1.0.0 (`cssrs-screen-v1.ts`) had 6 answers and asked item 6 about the past 3 months only;
 * stored assessments keep that version and their answers.
 */
import type { InstrumentDefinition } from '../types.ts';
import { YES_NO } from './common.ts';

export const cssrsScreen: InstrumentDefinition = {
  id: 'cssrs_screen',
  name: 'C-SSRS Screener',
  version: '2.0.0',
  kind: 'self_report',
  instructions:
    'Answer yes or no. Questions 1 to 5 are about the past month. Question 6 is about your whole life.',
  options: YES_NO,
  wordingNote:
    'C-SSRS wording is © The Research Foundation for Mental Hygiene (Columbia Lighthouse Project); free for clinical use but redistribution terms are unverified, so only item numbers, short labels in our own words and yes/no anchors ship.',
  items: [
    { number: 1, label: 'In the past month: wished to be dead or to not wake up', scored: true },
    { number: 2, label: 'In the past month: thoughts of killing yourself', scored: true },
    { number: 3, label: 'In the past month: thought about how you might do it', scored: true },
    {
      number: 4,
      label: 'In the past month: had these thoughts with some intention of acting on them',
      scored: true,
    },
    {
      number: 5,
      label: 'In the past month: worked out a plan, and intend to carry it out',
      scored: true,
    },
    {
      number: 6,
      label: 'Ever in your life: done, started or prepared anything to end your life',
      scored: true,
    },
    { number: 7, label: 'Was this within the past 3 months?', scored: true },
  ],
  constraints: [
    { kind: 'gate', gateItem: 2, openAtLeast: 1, items: [3, 4, 5] },
    { kind: 'gate', gateItem: 6, openAtLeast: 1, items: [7] },
  ],
  scoring: { kind: 'sum' },
  bands: null,
  severityRule: {
    kind: 'item_levels',
    none: 'none',
    levels: [
      { label: 'low risk', items: [1, 2], atLeast: 1 },
      { label: 'moderate', items: [3, 6], atLeast: 1 },
      { label: 'high', items: [4, 5, 7], atLeast: 1 },
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
      'every screener question that is asked must be answered (Columbia protocol): an unanswered risk question is never assumed "no"',
  },
  loinc: {
    panel: '93373-9',
    total: null,
    items: {
      1: '93246-7',
      2: '93247-5',
      3: '93248-3',
      4: '93249-1',
      5: '93250-9',
      6: '93267-3',
      7: '93269-9',
    },
    riskLevel: '93374-7',
  },
  licence:
    'The Research Foundation for Mental Hygiene / Columbia Lighthouse Project; free for clinical use, terms UNVERIFIED.',
  citation:
    'Posner K, Brown GK, Stanley B, et al. The Columbia-Suicide Severity Rating Scale: initial validity and internal consistency findings from three multisite studies with adolescents and adults. Am J Psychiatry. 2011;168(12):1266-1277.',
};
