/**
 * Default eligibility rules that read the medication list and the prior antidepressant trials, each citing its
 * primary source. None is a label contraindication, so each is a prescriber decision ('relative' → review),
 * except where the evidence is one small study ('caution': listed, not blocking).
 *
 * Sources:
 * - SPRAVATO (esketamine) nasal spray, US prescribing information, §7 Drug Interactions: §7.1 CNS depressants
 *   (e.g. benzodiazepines, opioids, alcohol) may increase sedation — closely monitor for sedation; §7.2
 *   psychostimulants (amphetamines, methylphenidate, modafinil, armodafinil) may increase blood pressure —
 *   closely monitor BP; §7.3 MAOIs may increase blood pressure — closely monitor BP.
 * - KETALAR (ketamine hydrochloride) injection, US prescribing information (revised 10/2024): §7.2
 *   sympathomimetics — closely monitor vital signs; §7.3 benzodiazepines, opioid analgesics or other CNS
 *   depressants — profound sedation, respiratory depression, coma or death; opioids may prolong recovery.
 * - Benzodiazepines blunting the antidepressant effect (secondary evidence): Andrashko et al., Front Psychiatry
 *   2020;11:844; Feeney et al., J Clin Psychiatry 2023;84(1):22m14491 (higher doses, day 1 effect).
 * - Lamotrigine (secondary evidence): Anand et al., Arch Gen Psychiatry 2000;57(3):270–276 (lamotrigine
 *   attenuated ketamine's perceptual effects in healthy volunteers); Andrade, J Clin Psychiatry 2017;78(7)
 *   "Ketamine for depression, 5" (effect on the antidepressant action unknown).
 * - Naltrexone: Williams et al., Am J Psychiatry 2018;175(12):1205–1215 (naltrexone attenuated ketamine's
 *   antidepressant effect; n = 12).
 * - TRD: see `medications/trials.ts` (SPRAVATO label §1/§14; Popova et al. 2019; MGH ATRQ).
 */
import { TRD_DEFAULTS } from '../medications/trials.ts';
import { all, isTrue } from './rule-helpers.ts';
import type { EligibilityRule } from './types.ts';

const SPRAVATO_7 = 'SPRAVATO (esketamine) US prescribing information, Drug Interactions §7';
const KETALAR_7 =
  'KETALAR (ketamine hydrochloride) US prescribing information (rev. 10/2024), Drug Interactions §7';
const BENZO_EVIDENCE =
  'Andrashko et al., Front Psychiatry 2020;11:844; Feeney et al., J Clin Psychiatry 2023;84(1):22m14491';

export function medicationRules(): EligibilityRule[] {
  return [
    {
      id: 'maoi',
      version: 2,
      description: 'MAO inhibitor: blood pressure may rise further',
      message:
        'MAO inhibitor on the medication list: blood pressure may rise further. Prescriber to decide; monitor BP closely.',
      severity: 'relative',
      condition: isTrue('med.maoi'),
      source: `${SPRAVATO_7}.3 (MAOIs may increase blood pressure); ${KETALAR_7}.2 (sympathomimetic effects)`,
    },
    {
      id: 'psychostimulant',
      version: 2,
      description: 'Psychostimulant: blood pressure may rise further',
      message:
        'Psychostimulant on the medication list: blood pressure may rise further. Prescriber to decide; monitor BP closely.',
      severity: 'relative',
      condition: isTrue('med.psychostimulant'),
      source: `${SPRAVATO_7}.2 (psychostimulants may increase blood pressure); ${KETALAR_7}.2 (sympathomimetics)`,
    },
    {
      id: 'benzodiazepine',
      version: 2,
      description: 'Benzodiazepine: added sedation; higher doses may blunt the antidepressant effect',
      message:
        'Benzodiazepine on the medication list: added sedation, and higher doses may blunt the antidepressant effect. Prescriber to decide (dose, timing).',
      severity: 'relative',
      condition: isTrue('med.benzodiazepine'),
      source: `${SPRAVATO_7}.1 (CNS depressants: sedation); ${KETALAR_7}.3; blunted effect: ${BENZO_EVIDENCE}`,
    },
    {
      id: 'non_benzodiazepine_hypnotic',
      version: 1,
      description: 'Non-benzodiazepine hypnotic: added sedation',
      message:
        'Sleep medicine (non-benzodiazepine hypnotic) on the medication list: added sedation. Prescriber to decide.',
      severity: 'relative',
      condition: isTrue('med.nonBenzodiazepineHypnotic'),
      source: `${SPRAVATO_7}.1 (CNS depressants: sedation); ${KETALAR_7}.3 (other CNS depressants)`,
    },
    {
      id: 'opioid',
      version: 2,
      description: 'Opioid: added sedation and respiratory depression; longer recovery',
      message:
        'Opioid on the medication list: added sedation and risk of slowed breathing; recovery may take longer. Prescriber to decide.',
      severity: 'relative',
      condition: isTrue('med.opioid'),
      source: `${SPRAVATO_7}.1 (CNS depressants: sedation); ${KETALAR_7}.3 (opioid analgesics: respiratory depression, longer recovery)`,
    },
    {
      id: 'lamotrigine',
      version: 2,
      description: 'Lamotrigine: may attenuate ketamine effects',
      message: "Lamotrigine on the medication list: may weaken ketamine's effects. Prescriber to decide.",
      severity: 'relative',
      condition: isTrue('med.lamotrigine'),
      source:
        'Anand et al., Arch Gen Psychiatry 2000;57(3):270–276; Andrade, J Clin Psychiatry 2017;78(7) ' +
        '(secondary evidence; not in either label)',
    },
    {
      id: 'naltrexone',
      version: 1,
      description: 'Naltrexone: may blunt the antidepressant effect (one small study)',
      severity: 'caution',
      condition: isTrue('med.naltrexone'),
      source: 'Williams et al., Am J Psychiatry 2018;175(12):1205–1215 (n = 12; not in either label)',
    },
    {
      id: 'nmda_antagonist',
      version: 1,
      description: 'Another NMDA receptor antagonist (e.g. memantine) on the list',
      severity: 'caution',
      condition: isTrue('med.nmdaAntagonist'),
      source:
        'Pharmacological class overlap only; no clinical interaction study found, UNVERIFIED (caution, not review)',
    },
    {
      id: 'trd_fewer_than_2_failed_trials',
      version: 2,
      description:
        'Treatment-resistant depression: fewer than 2 adequate antidepressant trials (at least 6 weeks, no or partial response) recorded',
      severity: 'relative',
      appliesTo: { indications: ['trd'] },
      condition: all(isTrue('indication.depression'), {
        trials: { minWeeks: TRD_DEFAULTS.minWeeks, outcomes: [...TRD_DEFAULTS.outcomes] },
        op: 'lt',
        value: TRD_DEFAULTS.minTrials,
      }),
      source:
        'SPRAVATO US prescribing information §1 and §14 (inadequate response to ≥ 2 antidepressants of adequate ' +
        'dose and duration in the current episode); Popova et al., Am J Psychiatry 2019;176:428–438; 6 weeks: ' +
        'MGH ATRQ (Chandler et al., CNS Neurosci Ther 2010;16:322–325); clinic sets the count and the weeks',
    },
  ];
}
