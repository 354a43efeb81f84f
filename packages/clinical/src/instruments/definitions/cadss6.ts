/**
 * CADSS-6, six-item Clinician-Administered Dissociative States Scale.
 *
 * Source: Bremner JD, Krystal JH, Putnam FW, et al. Measurement of dissociative states with the
 * Clinician-Administered Dissociative States Scale (CADSS). J Trauma Stress 1998;11(1):125–136; six-item
 * form: Rodrigues NB, McIntyre RS, Lipsitz O, et al. A simplified 6-item clinician administered dissociative
 * symptom scale (CADSS-6) for monitoring dissociative effects of sub-anesthetic ketamine infusions.
 * J Affect Disord 2021;282:160–164. CADSS items 1, 2, 6, 7, 15 and 22, each 0–4; total 0–24. No severity
 * bands are published: severity is null (higher = more dissociation).
 */
import type { InstrumentDefinition } from '../types.ts';

export const cadss6: InstrumentDefinition = {
  id: 'cadss6',
  name: 'CADSS-6',
  version: '1.0.0',
  kind: 'clinician',
  instructions: 'Clinician-administered during or after dosing; each item 0–4.',
  options: [
    { value: 0, label: 'Not at all' },
    { value: 1, label: 'Slightly' },
    { value: 2, label: 'Moderately' },
    { value: 3, label: 'Considerably' },
    { value: 4, label: 'Extremely' },
  ],
  wordingNote:
    'The CADSS item wording belongs to its authors (Bremner et al., J Trauma Stress 1998) and no licence to reproduce it was found, so each item shows a short description written for Plasticity with its CADSS item number; the interviewer asks the questions from the CADSS manual.',
  // Labels are Plasticity's own descriptions of what each item rates (not the CADSS question text), from
  // the item topics reported by Bremner 1998 (Table 1) for items 1, 2, 6, 7 and 15. Item 22 has no
  // description: its content could not be confirmed from a public source, so only its number is shown.
  items: [
    { number: 1, label: 'Item 1 — time seems slowed (CADSS 1)', scored: true },
    { number: 2, label: 'Item 2 — surroundings feel unreal (CADSS 2)', scored: true },
    { number: 3, label: 'Item 3 — feeling detached from the body (CADSS 6)', scored: true },
    { number: 4, label: 'Item 4 — body size or shape feels changed (CADSS 7)', scored: true },
    { number: 5, label: 'Item 5 — spacing out, losing track of events (CADSS 15)', scored: true },
    { number: 6, label: 'Item 6 — CADSS item 22 (ask as worded in the CADSS manual)', scored: true },
  ],
  scoring: { kind: 'sum' },
  bands: null,
  severityNote:
    'No severity bands are published for the CADSS-6 (Rodrigues 2021): total 0–24, higher = more dissociation.',
  safetyRules: [],
  outcome: {
    direction: 'lower_is_better',
    response: null,
    remission: null,
    source: 'CADSS-6 measures an acute drug effect; no response or remission rule applies',
  },
  missingRule: {
    kind: 'refuse',
    source: 'Rodrigues 2021 gives no rule for missing items, so incomplete ratings are not scored',
  },
  loinc: null,
  licence:
    'Research instrument, © the authors (Bremner et al. 1998); no public licence to reproduce the item text found — descriptive labels written for Plasticity ship instead.',
  citation:
    'Rodrigues NB, McIntyre RS, Lipsitz O, et al. A simplified 6-item clinician administered dissociative symptom scale (CADSS-6) for monitoring dissociative effects of sub-anesthetic ketamine infusions. J Affect Disord. 2021;282:160-164.',
};
