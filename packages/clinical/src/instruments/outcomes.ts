/**
 * Treatment outcomes over a series of scores, per the instrument's outcome rule.
 *
 * Definitions (docs/clinical-sources.md#outcome-definitions, clinic-configurable): baseline = the last
 * score before the first dosing session (the first score when no first dose is given); response = a
 * reduction of ≥ 50 % from baseline; remission = PHQ-9 < 5, GAD-7 < 5, QIDS-SR16 ≤ 5 (Rush 2003),
 * MADRS ≤ 10 or 12 (Hawley 2002; esketamine trials); null where the instrument defines no rule.
 */
import type { InstrumentDefinition } from './types.ts';

export interface ScorePoint {
  /** ISO 8601 date-time of the assessment. */
  readonly at: string;
  readonly total: number;
}

export interface OutcomeSummary {
  readonly instrumentId: string;
  /** Which score is the baseline: the last before the first dose, or the first score. */
  readonly baselineRule: 'last_before_first_dose' | 'first_score';
  readonly baseline: number | null;
  readonly baselineAt: string | null;
  /** The most recent score. */
  readonly latest: number | null;
  readonly latestAt: string | null;
  /** Whether a score after the baseline exists; change, response and remission need one. */
  readonly hasFollowUp: boolean;
  /** (latest − baseline) / baseline × 100, to 1 decimal (halves away from zero); null without a non-zero baseline or follow-up. */
  readonly changePct: number | null;
  /** Reduction ≥ the response percentage; null where undefined or not computable. */
  readonly response: boolean | null;
  /** Latest score meets the remission threshold; null where the instrument has no rule or no follow-up. */
  readonly remission: boolean | null;
}

function parseTime(value: string, field: string): number {
  const t = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(t)) throw new RangeError(`${field} is not a valid ISO 8601 date-time: ${String(value)}`);
  return t;
}

/** Rounds to 1 decimal, halves away from zero, exactly for integer totals. */
function changePercent(baseline: number, latest: number): number {
  const tenths = ((latest - baseline) * 1000) / baseline;
  const rounded = Math.sign(tenths) * Math.floor(Math.abs(tenths) + 0.5);
  return rounded / 10 || 0;
}

/**
 * Baseline, latest, percentage change, response and remission for one instrument's score series.
 *
 * @param series scores in any order; sorted by `at` here
 * @param firstDoseAt ISO date-time of the first dosing session; the baseline is the last score strictly before it
 * @throws RangeError on an unparseable date or a non-finite total
 *
 * @example
 * computeOutcome(phq9, [
 *   { at: '2026-01-05T10:00:00Z', total: 18 },
 *   { at: '2026-02-20T10:00:00Z', total: 4 },
 * ], '2026-01-06T09:00:00Z')
 * // { baseline: 18, latest: 4, changePct: -77.8, response: true, remission: true, ... }
 */
export function computeOutcome(
  def: InstrumentDefinition,
  series: readonly ScorePoint[],
  firstDoseAt?: string,
): OutcomeSummary {
  const points = series
    .map((p, i) => {
      if (typeof p?.total !== 'number' || !Number.isFinite(p.total)) {
        throw new RangeError(`series[${i}].total must be a finite number`);
      }
      return { at: p.at, total: p.total, t: parseTime(p.at, `series[${i}].at`), i };
    })
    .sort((a, b) => a.t - b.t || a.i - b.i);
  const dose = firstDoseAt === undefined ? null : parseTime(firstDoseAt, 'firstDoseAt');

  let baselineIdx = -1;
  if (dose === null) baselineIdx = points.length > 0 ? 0 : -1;
  else {
    points.forEach((p, idx) => {
      if (p.t < dose) baselineIdx = idx;
    });
  }
  const latestIdx = points.length - 1;
  const base = points[baselineIdx];
  const last = points[latestIdx];
  // A follow-up is any score after the baseline (or, with no pre-dose score, any score at all).
  const hasFollowUp = last !== undefined && latestIdx > baselineIdx;

  const { response: responseRule, remission: remissionRule } = def.outcome;
  const comparable = base !== undefined && last !== undefined && hasFollowUp && base.total !== 0;
  const changePct = comparable ? changePercent(base.total, last.total) : null;
  const response =
    responseRule && comparable
      ? (base.total - last.total) * 100 >= responseRule.reductionPct * base.total
      : null;
  let remission: boolean | null = null;
  if (remissionRule && last && hasFollowUp) {
    remission =
      remissionRule.comparator === '<'
        ? last.total < remissionRule.threshold
        : last.total <= remissionRule.threshold;
  }

  return {
    instrumentId: def.id,
    baselineRule: dose === null ? 'first_score' : 'last_before_first_dose',
    baseline: base?.total ?? null,
    baselineAt: base?.at ?? null,
    latest: last?.total ?? null,
    latestAt: last?.at ?? null,
    hasFollowUp,
    changePct,
    response,
    remission,
  };
}

/**
 * A short plain-language summary of progress for the patient portal. It avoids jargon, never mentions
 * individual questions, and always reminds the reader that the care team interprets scores.
 *
 * @example
 * describeProgressForPatient(phq9, computeOutcome(phq9, series, firstDoseAt))
 * // 'Your PHQ-9 score has gone down from 18 before your first treatment to 4 now, about 78 % lower. ...'
 */
export function describeProgressForPatient(def: InstrumentDefinition, outcome: OutcomeSummary): string {
  const name = def.name;
  const closing =
    'Scores are one part of the picture: your care team looks at them together with how you are feeling.';
  const before =
    outcome.baselineRule === 'last_before_first_dose'
      ? 'before your first treatment'
      : 'at your first check-in';
  const { baseline, latest } = outcome;
  if (latest === null) return `No ${name} results are recorded yet.`;
  if (baseline === null) {
    return `Your latest ${name} score is ${latest}. There is no score from ${before} to compare it with. ${closing}`;
  }
  if (!outcome.hasFollowUp) {
    return `Your ${name} score ${before} was ${baseline}. After your next check-in we can show how it is changing. ${closing}`;
  }
  const lowerIsBetter = def.outcome.direction === 'lower_is_better';
  const meaning = lowerIsBetter ? 'Lower scores mean fewer symptoms.' : 'Higher scores are better.';
  let text: string;
  if (latest === baseline) {
    text = `Your ${name} score is ${latest}, the same as ${before}. ${meaning}`;
  } else if (latest < baseline) {
    const pct =
      outcome.changePct === null ? '' : `, about ${Math.round(Math.abs(outcome.changePct))} % lower`;
    text = `Your ${name} score has gone down from ${baseline} ${before} to ${latest} now${pct}. ${meaning}`;
  } else {
    text = `Your ${name} score has gone up from ${baseline} ${before} to ${latest} now. ${meaning}`;
    if (lowerIsBetter)
      text += ' Please tell your care team how you are doing; they will go through this with you.';
  }
  if (outcome.response) text += ' A drop of half or more is what clinicians call a response to treatment.';
  if (outcome.remission)
    text += ' Your latest score is in the range clinicians call remission: few or no symptoms.';
  return `${text} ${closing}`;
}

/**
 * One short sentence of progress for the portal home, e.g. "Your PHQ-9 went from 19 to 8 since you started:
 * that is a response." Null without a baseline and a later score. Response and remission are the outcome's
 * own (docs/clinical-sources.md#outcome-definitions); the full wording stays `describeProgressForPatient`.
 */
export function progressHeadlineForPatient(
  name: string,
  o: Pick<OutcomeSummary, 'baseline' | 'latest' | 'hasFollowUp' | 'response' | 'remission'>,
): string | null {
  if (o.baseline === null || o.latest === null || !o.hasFollowUp) return null;
  const meaning =
    o.remission === true
      ? ': that is in the range clinicians call remission'
      : o.response === true
        ? ': that is a response'
        : '';
  if (o.latest === o.baseline) return `Your ${name} is ${o.latest}, the same as when you started${meaning}.`;
  return `Your ${name} went from ${o.baseline} to ${o.latest} since you started${meaning}.`;
}
