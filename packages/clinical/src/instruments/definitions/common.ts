/**
 * Answer option sets shared by several definitions.
 *
 * - PHQ frequency anchors: Kroenke K, Spitzer RL, Williams JBW. The PHQ-9. J Gen Intern Med 2001;16:606–613,
 *   and the PHQ/GAD-7 Instruction Manual (Pfizer, phqscreeners.com).
 * - Yes/no: yes = 1, no = 0 as entered, before any reverse scoring (Skinner 1982 for DAST-10; Posner et al.
 *   2011 for the C-SSRS screener).
 */
import type { AnswerOption } from '../types.ts';

/** PHQ-9 / GAD-7: "Over the last 2 weeks, how often have you been bothered by…" */
export const PHQ_FREQUENCY: readonly AnswerOption[] = [
  { value: 0, label: 'Not at all' },
  { value: 1, label: 'Several days' },
  { value: 2, label: 'More than half the days' },
  { value: 3, label: 'Nearly every day' },
];

/** PHQ-9 item 10 / GAD-7 difficulty question (asked, not scored). */
export const PHQ_DIFFICULTY: readonly AnswerOption[] = [
  { value: 0, label: 'Not difficult at all' },
  { value: 1, label: 'Somewhat difficult' },
  { value: 2, label: 'Very difficult' },
  { value: 3, label: 'Extremely difficult' },
];

export const YES_NO: readonly AnswerOption[] = [
  { value: 0, label: 'No' },
  { value: 1, label: 'Yes' },
];

/** PHQ-9 and GAD-7 remission and response (docs/clinical-sources.md#outcome-definitions). */
export const SYMPTOM_OUTCOME_SOURCE =
  'Plasticity outcome definitions (REFERENCE.md section 1): response = ≥ 50 % reduction from baseline; clinic-configurable';
