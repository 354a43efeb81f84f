/**
 * Drinking days in the past 7 days: a weekly count for tracking alcohol use during a course, in the style of the
 * timeline followback (a day-by-day recall of drinking, Sobell & Sobell 1992), reduced to the two counts the
 * alcohol use disorder template follows (docs/clinical-sources.md#protocol-templates-per-indication): days with
 * any alcohol and heavy drinking days. Grabski et al. 2022 measured percent days abstinent; drinking days are its
 * complement over the week. Heavy drinking day: 4 or more drinks for women, 5 or more for men (NIAAA). Our own
 * wording (product-written), no licence needed; not a validated instrument on its own. No LOINC panel: a local
 * code is used.
 */
import type { AnswerOption, InstrumentDefinition } from '../types.ts';

const DAYS: readonly AnswerOption[] = [0, 1, 2, 3, 4, 5, 6, 7].map((n) => ({
  value: n,
  label: n === 1 ? '1 day' : `${n} days`,
}));

export const drinkingDays: InstrumentDefinition = {
  id: 'drinking_days',
  name: 'Drinking days (past 7 days)',
  version: '1.0.0',
  kind: 'self_report',
  instructions: 'Think about the last 7 days, not counting today.',
  options: DAYS,
  minAnswers: 1,
  items: [
    {
      number: 1,
      label: 'Drinking days',
      text: 'On how many of the last 7 days did you have any alcohol to drink?',
      scored: true,
    },
    {
      number: 2,
      label: 'Heavy drinking days',
      text: 'On how many of the last 7 days did you have 4 or more drinks (women) or 5 or more drinks (men)?',
      scored: false,
    },
  ],
  scoring: { kind: 'single', item: 1 },
  bands: null,
  severityNote:
    'A count, not a severity scale: the trend over the course is what matters (fewer drinking days is better).',
  safetyRules: [],
  outcome: {
    direction: 'lower_is_better',
    response: null,
    remission: null,
    source:
      'No published response or remission rule for a weekly drinking-days count; the trend is read against the ' +
      'baseline week (Grabski et al., Am J Psychiatry 2022, measured percent days abstinent)',
  },
  missingRule: {
    kind: 'refuse',
    source:
      'A count of days has no missing-item rule: an unanswered first question is not scored (product rule)',
  },
  loinc: null,
  licence: 'Plasticity product wording (our own words); free to use.',
  citation:
    'Sobell LC, Sobell MB. Timeline follow-back: a technique for assessing self-reported alcohol consumption. In: Litten RZ, Allen JP, eds. Measuring Alcohol Consumption. Humana Press; 1992:41-72. Grabski M, et al. Am J Psychiatry 2022;179(2):152-162.',
};
