/**
 * MOAA/S, Modified Observer's Assessment of Alertness/Sedation (clinician-rated, one rating 0–5).
 *
 * Source: Chernik DA, Gillings D, Laine H, et al. Validity and reliability of the Observer's Assessment of
 * Alertness/Sedation Scale: study with intravenous midazolam. J Clin Psychopharmacol 1990;10(4):244–251;
 * the modified (responsiveness-only) form as used in sedation and esketamine monitoring. 5 responds readily
 * to name spoken in normal tone … 0 no response after painful trapezius squeeze. Higher = more alert.
 */
import type { InstrumentDefinition } from '../types.ts';

export const moaas: InstrumentDefinition = {
  id: 'moaas',
  name: 'MOAA/S',
  version: '1.0.0',
  kind: 'clinician',
  instructions: 'Rate the patient’s responsiveness, from the least intense stimulus upward.',
  items: [
    {
      number: 1,
      label: 'Responsiveness',
      text: 'Responsiveness level (0–5)',
      options: [
        { value: 0, label: 'No response after painful trapezius squeeze' },
        { value: 1, label: 'Responds only after painful trapezius squeeze' },
        { value: 2, label: 'Responds only after mild prodding or shaking' },
        { value: 3, label: 'Responds only after name is called loudly and/or repeatedly' },
        { value: 4, label: 'Lethargic response to name spoken in normal tone' },
        { value: 5, label: 'Responds readily to name spoken in normal tone' },
      ],
      scored: true,
    },
  ],
  scoring: { kind: 'single', item: 1 },
  bands: [
    { min: 0, max: 0, label: 'no response to painful trapezius squeeze' },
    { min: 1, max: 1, label: 'responds only to painful trapezius squeeze' },
    { min: 2, max: 2, label: 'responds only to mild prodding or shaking' },
    { min: 3, max: 3, label: 'responds only to name called loudly or repeatedly' },
    { min: 4, max: 4, label: 'lethargic response to name' },
    { min: 5, max: 5, label: 'responds readily to name' },
  ],
  safetyRules: [],
  outcome: {
    direction: 'higher_is_better',
    response: null,
    remission: null,
    source: 'MOAA/S is a sedation level, not a treatment outcome',
  },
  missingRule: { kind: 'refuse', source: 'a single rating: nothing to score when it is missing' },
  loinc: null,
  licence: 'Free to use (REFERENCE.md).',
  citation:
    'Chernik DA, Gillings D, Laine H, et al. Validity and reliability of the Observer’s Assessment of Alertness/Sedation Scale: study with intravenous midazolam. J Clin Psychopharmacol. 1990;10(4):244-251.',
};
