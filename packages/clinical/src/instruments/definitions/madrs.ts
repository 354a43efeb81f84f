/**
 * MADRS, Montgomery–Åsberg Depression Rating Scale (clinician-rated).
 *
 * Source: Montgomery SA, Åsberg M. A new depression scale designed to be sensitive to change. Br J
 * Psychiatry 1979;134:382–389. Ten items rated 0–6 (anchors defined at 0, 2, 4, 6; odd values lie
 * between), total 0–60. Bands 0–6 normal, 7–19 mild, 20–34 moderate, 35–60 severe (Snaith RP et al.,
 * Br J Psychiatry 1986;148:599–601 style cut-offs in common use). Remission ≤ 10 by default, ≤ 12 as used
 * in esketamine trials (clinic setting). No LOINC code.
 *
 * Safety rule (product default, version 1.1.0): item 10 "Suicidal thoughts" rated 4 or more raises
 * `suicide_risk`. The scale itself defines no alert; the threshold is Plasticity's choice at the item's
 * anchor 4 (Montgomery & Åsberg 1979: suicidal thoughts are common and suicide is considered a possible
 * solution, without specific plans or intention; 6 = explicit plans; anchors as reproduced in Perroud N
 * et al., BMC Med 2009;7:60, table 1), so a rating at or above the anchor
 * that first names suicide as a solution alerts the care team, as PHQ-9 item 9 does. A clinic's medical
 * director may lower it (1–4: more sensitive) in the clinic's measurement settings; it cannot be raised
 * above the anchor 4. Version 1.0.0 had no safety rule.
 */
import type { InstrumentDefinition } from '../types.ts';

export const madrs: InstrumentDefinition = {
  id: 'madrs',
  name: 'MADRS',
  version: '1.1.0',
  kind: 'clinician',
  instructions:
    'Clinician rating from a clinical interview; each item 0–6, odd values between the defined anchors.',
  options: [
    { value: 0, label: '0 (absent / normal)' },
    { value: 1, label: '1' },
    { value: 2, label: '2' },
    { value: 3, label: '3' },
    { value: 4, label: '4' },
    { value: 5, label: '5' },
    { value: 6, label: '6 (most severe)' },
  ],
  wordingNote:
    'MADRS item definitions and anchors are copyrighted (licence status UNVERIFIED), so only item numbers, short labels and numeric anchors ship.',
  items: [
    { number: 1, label: 'Apparent sadness', scored: true },
    { number: 2, label: 'Reported sadness', scored: true },
    { number: 3, label: 'Inner tension', scored: true },
    { number: 4, label: 'Reduced sleep', scored: true },
    { number: 5, label: 'Reduced appetite', scored: true },
    { number: 6, label: 'Concentration difficulties', scored: true },
    { number: 7, label: 'Lassitude', scored: true },
    { number: 8, label: 'Inability to feel', scored: true },
    { number: 9, label: 'Pessimistic thoughts', scored: true },
    { number: 10, label: 'Suicidal thoughts', scored: true },
  ],
  scoring: { kind: 'sum' },
  bands: [
    { min: 0, max: 6, label: 'normal' },
    { min: 7, max: 19, label: 'mild' },
    { min: 20, max: 34, label: 'moderate' },
    { min: 35, max: 60, label: 'severe' },
  ],
  safetyRules: [
    {
      kind: 'item_at_least',
      item: 10,
      value: 4,
      flag: 'suicide_risk',
      configurable: { min: 1, max: 4 },
      source:
        'Plasticity product default (not part of the published scale): item 10 at or above anchor 4 of Montgomery & Åsberg 1979 raises the suicide-risk alert; a medical director may lower it to 1–3',
    },
  ],
  outcome: {
    direction: 'lower_is_better',
    response: { reductionPct: 50 },
    remission: { comparator: '<=', threshold: 10, configurable: { min: 10, max: 12 } },
    source:
      'response ≥ 50 % reduction; remission MADRS ≤ 10 (Hawley et al. 2002; ≤ 12 in esketamine trials, clinic setting)',
  },
  missingRule: {
    kind: 'refuse',
    source:
      'Montgomery & Åsberg 1979 give no proration rule; a clinician-rated scale should be completed, so incomplete ratings are not scored',
  },
  loinc: null,
  licence: 'Copyright status UNVERIFIED; item wording not shipped.',
  citation:
    'Montgomery SA, Åsberg M. A new depression scale designed to be sensitive to change. Br J Psychiatry. 1979;134:382-389.',
};
