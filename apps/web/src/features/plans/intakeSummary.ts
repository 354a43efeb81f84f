/** A readable summary of a stored intake: indications, every "yes" answer, and measurements with units. */
import { INDICATIONS, MEDICAL, MEDICATIONS, OTHER, PSYCHIATRIC, TRIAL_RESULTS } from './intakeForm.ts';

type Obj = Record<string, unknown>;
const o = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});
const label = (list: { key: string; label: string }[], key: string) =>
  list.find((x) => x.key === key)?.label ?? key;

export function summariseIntake(intake: Obj) {
  const ind = o(intake.indications);
  const indications: string[] = [];
  const dep = o(ind.depression);
  const trials = Array.isArray(dep.priorTrials) ? dep.priorTrials.map(o) : [];
  if (dep.present === true)
    indications.push(
      `Depression${typeof dep.failedAntidepressantTrials === 'number' ? ` (${dep.failedAntidepressantTrials} failed trials)` : ''}`,
    );
  const priorTrials = trials.map((t) =>
    [
      String(t.drug ?? ''),
      typeof t.dose === 'string' ? t.dose : '',
      typeof t.durationWeeks === 'number' ? `${t.durationWeeks} weeks` : 'weeks not given',
      TRIAL_RESULTS.find((r) => r.value === t.outcome)?.label ?? '',
    ]
      .filter(Boolean)
      .join(', '),
  );
  for (const k of ['anxiety', 'ptsd', 'alcoholUseDisorder', 'opioidUseDisorder'])
    if (ind[k] === true) indications.push(label(INDICATIONS, k));
  const yes: string[] = [];
  for (const [k, v] of Object.entries(o(intake.psychiatric))) if (v === true) yes.push(label(PSYCHIATRIC, k));
  const med = o(intake.medical);
  for (const [k, v] of Object.entries(med)) {
    if (k === 'liverDisease' && (med.hepaticImpairment === 'moderate' || med.hepaticImpairment === 'severe'))
      continue;
    if (k === 'hepaticImpairment' && (v === 'moderate' || v === 'severe'))
      yes.push(label(MEDICAL, v === 'severe' ? 'hepaticSevere' : 'hepaticModerate'));
    if (v === true) yes.push(label(MEDICAL, k));
    const sub = o(v);
    if (sub.present === true) {
      const extra =
        sub.controlled === false
          ? ' (uncontrolled)'
          : sub.unstable === true
            ? ' (unstable)'
            : sub.untreated === true
              ? ' (untreated)'
              : '';
      yes.push(`${label(MEDICAL, k)}${extra}`);
    }
  }
  for (const [k, v] of Object.entries(o(intake.medications)))
    if (v === true && MEDICATIONS.some((m) => m.key === k)) yes.push(label(MEDICATIONS, k));
  if (o(intake.substanceUse).activeSubstanceUseDisorder === true)
    yes.push(label(OTHER, 'activeSubstanceUseDisorder'));
  for (const [k, v] of Object.entries(o(intake.ketamine))) if (v === true) yes.push(label(OTHER, k));
  if (intake.escortAvailable === false) yes.push('No escort available to drive home');
  const m = o(intake.measurements);
  const su = o(intake.substanceUse);
  const measurements = [
    typeof m.heightCm === 'number' ? `height ${m.heightCm} cm` : '',
    typeof m.weightKg === 'number' ? `weight ${m.weightKg} kg` : '',
    typeof m.baselineSbp === 'number' ? `BP ${m.baselineSbp}/${m.baselineDbp ?? '?'} mmHg` : '',
    typeof m.baselineHr === 'number' ? `HR ${m.baselineHr}/min` : '',
    typeof su.auditTotal === 'number' ? `AUDIT ${su.auditTotal}` : '',
    typeof su.dast10Total === 'number' ? `DAST-10 ${su.dast10Total}` : '',
  ].filter(Boolean);
  return { indications, yes, measurements, priorTrials };
}
