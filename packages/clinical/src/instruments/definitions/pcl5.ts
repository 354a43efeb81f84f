/**
 * PCL-5, PTSD Checklist for DSM-5.
 *
 * Source: Weathers FW, Litz BT, Keane TM, Palmieri PA, Marx BP, Schnurr PP. The PTSD Checklist for DSM-5
 * (PCL-5). National Center for PTSD, 2013 (ptsd.va.gov), with its scoring guidance: total 0–80; cluster
 * scores B = items 1–5, C = 6–7, D = 8–14, E = 15–20; provisional diagnosis treats an item rated ≥ 2
 * ("Moderately") as endorsed and needs ≥ 1 B, ≥ 1 C, ≥ 2 D and ≥ 2 E items; a total of 31–33 suggests
 * probable PTSD (Bovin et al., Psychol Assess 2016;28:1379–1391). Public domain. LOINC per
 * docs/clinical-sources.md#instruments-scoring-and-codes. NCPTSD publishes no severity bands and, as far as
 * we could find, no missing-item rule: incomplete forms are refused (a clinic may configure proration).
 */
import type { InstrumentDefinition } from '../types.ts';
import { SYMPTOM_OUTCOME_SOURCE } from './common.ts';

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

export const pcl5: InstrumentDefinition = {
  id: 'pcl5',
  name: 'PCL-5',
  version: '1.0.0',
  kind: 'self_report',
  instructions:
    'Below is a list of problems that people sometimes have in response to a very stressful experience. In the past month, how much were you bothered by:',
  options: [
    { value: 0, label: 'Not at all' },
    { value: 1, label: 'A little bit' },
    { value: 2, label: 'Moderately' },
    { value: 3, label: 'Quite a bit' },
    { value: 4, label: 'Extremely' },
  ],
  items: [
    {
      number: 1,
      label: 'Intrusive memories',
      text: 'Repeated, disturbing, and unwanted memories of the stressful experience?',
      scored: true,
    },
    {
      number: 2,
      label: 'Disturbing dreams',
      text: 'Repeated, disturbing dreams of the stressful experience?',
      scored: true,
    },
    {
      number: 3,
      label: 'Flashbacks',
      text: 'Suddenly feeling or acting as if the stressful experience were actually happening again (as if you were actually back there reliving it)?',
      scored: true,
    },
    {
      number: 4,
      label: 'Upset at reminders',
      text: 'Feeling very upset when something reminded you of the stressful experience?',
      scored: true,
    },
    {
      number: 5,
      label: 'Physical reactions to reminders',
      text: 'Having strong physical reactions when something reminded you of the stressful experience (for example, heart pounding, trouble breathing, sweating)?',
      scored: true,
    },
    {
      number: 6,
      label: 'Avoiding memories',
      text: 'Avoiding memories, thoughts, or feelings related to the stressful experience?',
      scored: true,
    },
    {
      number: 7,
      label: 'Avoiding reminders',
      text: 'Avoiding external reminders of the stressful experience (for example, people, places, conversations, activities, objects, or situations)?',
      scored: true,
    },
    {
      number: 8,
      label: 'Memory gaps',
      text: 'Trouble remembering important parts of the stressful experience?',
      scored: true,
    },
    {
      number: 9,
      label: 'Negative beliefs',
      text: 'Having strong negative beliefs about yourself, other people, or the world (for example, having thoughts such as: I am bad, there is something seriously wrong with me, no one can be trusted, the world is completely dangerous)?',
      scored: true,
    },
    {
      number: 10,
      label: 'Blame',
      text: 'Blaming yourself or someone else for the stressful experience or what happened after it?',
      scored: true,
    },
    {
      number: 11,
      label: 'Negative feelings',
      text: 'Having strong negative feelings such as fear, horror, anger, guilt, or shame?',
      scored: true,
    },
    {
      number: 12,
      label: 'Loss of interest',
      text: 'Loss of interest in activities that you used to enjoy?',
      scored: true,
    },
    { number: 13, label: 'Detachment', text: 'Feeling distant or cut off from other people?', scored: true },
    {
      number: 14,
      label: 'Numbing of positive feelings',
      text: 'Trouble experiencing positive feelings (for example, being unable to feel happiness or have loving feelings for people close to you)?',
      scored: true,
    },
    {
      number: 15,
      label: 'Irritability or aggression',
      text: 'Irritable behavior, angry outbursts, or acting aggressively?',
      scored: true,
    },
    {
      number: 16,
      label: 'Risk taking',
      text: 'Taking too many risks or doing things that could cause you harm?',
      scored: true,
    },
    {
      number: 17,
      label: 'Hypervigilance',
      text: 'Being “superalert” or watchful or on guard?',
      scored: true,
    },
    { number: 18, label: 'Startle', text: 'Feeling jumpy or easily startled?', scored: true },
    { number: 19, label: 'Concentration', text: 'Having difficulty concentrating?', scored: true },
    { number: 20, label: 'Sleep', text: 'Trouble falling or staying asleep?', scored: true },
  ],
  scoring: { kind: 'sum' },
  cutoff: {
    value: 33,
    positiveLabel: 'probable ptsd',
    negativeLabel: 'below cut-off',
    configurable: { min: 31, max: 33 },
  },
  bands: [
    { min: 0, max: 32, label: 'below cut-off' },
    { min: 33, max: 80, label: 'probable ptsd' },
  ],
  subscales: [
    { id: 'B', label: 'Intrusions (criterion B)', items: range(1, 5) },
    { id: 'C', label: 'Avoidance (criterion C)', items: range(6, 7) },
    { id: 'D', label: 'Negative alterations in cognition and mood (criterion D)', items: range(8, 14) },
    { id: 'E', label: 'Alterations in arousal and reactivity (criterion E)', items: range(15, 20) },
  ],
  safetyRules: [],
  flagRules: [
    { kind: 'cutoff_met', flag: 'probable_ptsd' },
    {
      kind: 'item_count_groups',
      minValue: 2,
      groups: [
        { items: range(1, 5), minCount: 1 },
        { items: range(6, 7), minCount: 1 },
        { items: range(8, 14), minCount: 2 },
        { items: range(15, 20), minCount: 2 },
      ],
      flag: 'provisional_ptsd_dx',
    },
  ],
  outcome: {
    direction: 'lower_is_better',
    response: { reductionPct: 50 },
    remission: null,
    source: `${SYMPTOM_OUTCOME_SOURCE}; NCPTSD defines no remission threshold for the PCL-5 (it describes a 5–10 point change as reliable and 10–20 as clinically meaningful)`,
  },
  missingRule: {
    kind: 'refuse',
    source:
      'the NCPTSD PCL-5 scoring guidance (ptsd.va.gov) gives no rule for missing items, so incomplete forms are not scored',
  },
  loinc: { panel: '101697-1', total: '101698-9', items: {} },
  licence: 'Public domain (US Department of Veterans Affairs, National Center for PTSD).',
  citation:
    'Weathers FW, Litz BT, Keane TM, Palmieri PA, Marx BP, Schnurr PP. The PTSD Checklist for DSM-5 (PCL-5). National Center for PTSD; 2013. www.ptsd.va.gov',
};
