/**
 * AUDIT, Alcohol Use Disorders Identification Test (WHO).
 *
 * Source: Babor TF, Higgins-Biddle JC, Saunders JB, Monteiro MG. AUDIT: The Alcohol Use Disorders
 * Identification Test. Guidelines for Use in Primary Care, 2nd ed. World Health Organization, 2001
 * (WHO/MSD/MSB/01.6a); Saunders JB et al., Addiction 1993;88:791–804. Items 1–8 score 0–4; items 9–10
 * score 0, 2 or 4. Risk zones 0–7 / 8–15 / 16–19 / 20–40. Wording may be reproduced (WHO). LOINC:
 * AUDIT panel 72110-0, total 75624-7 (not the AUDIT-C codes).
 *
 * Item-level flags (version 1.1.0), from the manual's interpretation of individual questions:
 * - `possible_dependence_items`: points scored above 0 on questions 4–6 (especially weekly or daily)
 *   imply the presence or incipient presence of alcohol dependence.
 * - `alcohol_related_harm`: points scored on questions 7–10 indicate that alcohol-related harm is
 *   already being experienced (the manual names questions 7 to 10, not only 9 and 10, and any points,
 *   not only "in the last year"; it adds that questions 9–10 answered "yes, but not in the last year"
 *   show a past problem that calls for vigilance).
 * - `next_level_intervention`: the manual's risk-level table says to provide the next highest level of
 *   intervention to patients who score 2 or more on questions 4, 5 and 6, or 4 on questions 9 or 10.
 * Version 1.0.0 flagged harm only at 4 points on items 9–10.
 */
import type { AnswerOption, InstrumentDefinition } from '../types.ts';

const FREQUENCY: readonly AnswerOption[] = [
  { value: 0, label: 'Never' },
  { value: 1, label: 'Less than monthly' },
  { value: 2, label: 'Monthly' },
  { value: 3, label: 'Weekly' },
  { value: 4, label: 'Daily or almost daily' },
];

const HARM: readonly AnswerOption[] = [
  { value: 0, label: 'No' },
  { value: 2, label: 'Yes, but not in the last year' },
  { value: 4, label: 'Yes, during the last year' },
];

/** AUDIT items 1–3, shared with the AUDIT-C. */
export const AUDIT_CONSUMPTION_ITEMS = [
  {
    number: 1,
    label: 'Frequency of drinking',
    text: 'How often do you have a drink containing alcohol?',
    options: [
      { value: 0, label: 'Never' },
      { value: 1, label: 'Monthly or less' },
      { value: 2, label: '2 to 4 times a month' },
      { value: 3, label: '2 to 3 times a week' },
      { value: 4, label: '4 or more times a week' },
    ],
    scored: true,
  },
  {
    number: 2,
    label: 'Typical quantity',
    text: 'How many drinks containing alcohol do you have on a typical day when you are drinking?',
    options: [
      { value: 0, label: '1 or 2' },
      { value: 1, label: '3 or 4' },
      { value: 2, label: '5 or 6' },
      { value: 3, label: '7, 8 or 9' },
      { value: 4, label: '10 or more' },
    ],
    scored: true,
  },
  {
    number: 3,
    label: 'Frequency of heavy drinking',
    text: 'How often do you have six or more drinks on one occasion?',
    options: FREQUENCY,
    scored: true,
  },
] as const;

export const audit: InstrumentDefinition = {
  id: 'audit',
  name: 'AUDIT',
  version: '1.1.0',
  kind: 'self_report',
  instructions: 'Questions about your use of alcoholic beverages during the past year.',
  items: [
    ...AUDIT_CONSUMPTION_ITEMS,
    {
      number: 4,
      label: 'Impaired control',
      text: 'How often during the last year have you found that you were not able to stop drinking once you had started?',
      options: FREQUENCY,
      scored: true,
    },
    {
      number: 5,
      label: 'Increased salience',
      text: 'How often during the last year have you failed to do what was normally expected from you because of drinking?',
      options: FREQUENCY,
      scored: true,
    },
    {
      number: 6,
      label: 'Morning drinking',
      text: 'How often during the last year have you needed a first drink in the morning to get yourself going after a heavy drinking session?',
      options: FREQUENCY,
      scored: true,
    },
    {
      number: 7,
      label: 'Guilt after drinking',
      text: 'How often during the last year have you had a feeling of guilt or remorse after drinking?',
      options: FREQUENCY,
      scored: true,
    },
    {
      number: 8,
      label: 'Blackouts',
      text: 'How often during the last year have you been unable to remember what happened the night before because you had been drinking?',
      options: FREQUENCY,
      scored: true,
    },
    {
      number: 9,
      label: 'Alcohol-related injuries',
      text: 'Have you or someone else been injured as a result of your drinking?',
      options: HARM,
      scored: true,
    },
    {
      number: 10,
      label: 'Others concerned',
      text: 'Has a relative or friend or a doctor or another health worker been concerned about your drinking or suggested you cut down?',
      options: HARM,
      scored: true,
    },
  ],
  scoring: { kind: 'sum' },
  bands: [
    { min: 0, max: 7, label: 'low risk' },
    { min: 8, max: 15, label: 'hazardous' },
    { min: 16, max: 19, label: 'harmful' },
    { min: 20, max: 40, label: 'possible dependence' },
  ],
  safetyRules: [],
  flagRules: [
    { kind: 'any_item_at_least', items: [4, 5, 6], value: 1, flag: 'possible_dependence_items' },
    { kind: 'any_item_at_least', items: [7, 8, 9, 10], value: 1, flag: 'alcohol_related_harm' },
    { kind: 'any_item_at_least', items: [4, 5, 6], value: 2, flag: 'next_level_intervention' },
    { kind: 'any_item_at_least', items: [9, 10], value: 4, flag: 'next_level_intervention' },
  ],
  outcome: {
    direction: 'lower_is_better',
    response: null,
    remission: null,
    source: 'The WHO manual (Babor 2001) defines risk zones, not response or remission',
  },
  missingRule: {
    kind: 'refuse',
    source: 'the WHO manual (Babor 2001) gives no rule for missing items, so incomplete forms are not scored',
  },
  loinc: { panel: '72110-0', total: '75624-7', items: {} },
  licence: 'World Health Organization; free to reproduce and use without permission (Babor 2001).',
  citation:
    'Babor TF, Higgins-Biddle JC, Saunders JB, Monteiro MG. AUDIT: The Alcohol Use Disorders Identification Test. Guidelines for Use in Primary Care. 2nd ed. Geneva: World Health Organization; 2001.',
};
