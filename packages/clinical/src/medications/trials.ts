/**
 * Prior antidepressant trials and the treatment-resistant depression (TRD) count.
 *
 * Definition used by the esketamine label and its trials: an inadequate response to at least two different
 * antidepressants of adequate dose and duration in the current depressive episode (SPRAVATO US prescribing
 * information §1 and §14; Popova et al., Am J Psychiatry 2019;176:428–438, TRANSFORM-2). The trials assessed
 * history with the MGH Antidepressant Treatment Response Questionnaire (Chandler et al., CNS Neurosci Ther
 * 2010;16:322–325), which counts a trial of at least 6 weeks at an adequate dose; the 6 weeks is a default the
 * clinic sets in its rule data (the rule's `trials.minWeeks`), as is the number of trials (the rule's value).
 * Partial response counts as inadequate; intolerance does not count unless the clinic adds it to `outcomes`.
 * A trial whose dose the clinician marked inadequate never counts.
 */
import { lookupDrug } from './classify.ts';

export const TRIAL_OUTCOMES = ['no_response', 'partial', 'intolerance', 'response'] as const;
export type TrialOutcome = (typeof TRIAL_OUTCOMES)[number];

export const TRIAL_OUTCOME_LABELS: Record<TrialOutcome, string> = {
  no_response: 'No response',
  partial: 'Partial response',
  intolerance: 'Stopped: side effects',
  response: 'Response',
};

export interface PriorTrial {
  drug: string;
  rxcui?: string;
  /** As the patient or clinician wrote it, e.g. "20 mg daily". */
  dose?: string;
  durationWeeks?: number;
  outcome: TrialOutcome;
  /** Set by a clinician; `false` excludes the trial from the count. */
  adequateDose?: boolean;
}

export interface TrialCriteria {
  minWeeks: number;
  /** Outcomes that count as an inadequate response; default no response and partial response. */
  outcomes?: readonly TrialOutcome[];
}

export const TRD_DEFAULTS = { minTrials: 2, minWeeks: 6, outcomes: ['no_response', 'partial'] } as const;

const key = (t: PriorTrial): string =>
  t.rxcui ??
  lookupDrug(t.drug)?.name ??
  t.drug
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * The distinct antidepressants (one trial each) that count as adequate failed trials under the criteria.
 *
 * @example
 * adequateFailedTrials([{ drug: 'Sertraline', durationWeeks: 8, outcome: 'no_response' }], { minWeeks: 6 }).length; // 1
 */
export function adequateFailedTrials(trials: readonly PriorTrial[], criteria: TrialCriteria): PriorTrial[] {
  const outcomes: readonly string[] = criteria.outcomes ?? TRD_DEFAULTS.outcomes;
  const seen = new Set<string>();
  const out: PriorTrial[] = [];
  for (const t of trials) {
    if (!t || typeof t !== 'object' || typeof t.drug !== 'string') continue;
    if (typeof t.durationWeeks !== 'number' || !(t.durationWeeks >= criteria.minWeeks)) continue;
    if (!outcomes.includes(t.outcome) || t.adequateDose === false) continue;
    const k = key(t);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(t);
  }
  return out;
}
