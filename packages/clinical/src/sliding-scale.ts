/**
 * `@plasticity/clinical/sliding-scale`: HHS poverty guidelines as data, percent of poverty, and the clinic's
 * sliding-scale tiers. Sources: docs/clinical-sources.md#hhs-poverty-guidelines and #sliding-scale-tiers.
 */
export {
  guidelineRegion,
  guidelineYear,
  type PovertyGuidelineYear,
  percentOfPoverty,
  povertyGuideline,
  SHIPPED_POVERTY_GUIDELINES,
  US_STATE_CODES,
} from './access/poverty.ts';
export {
  DEFAULT_SLIDING_SCALE_TIERS,
  type SlidingScaleTier,
  type TierProblem,
  tierFor,
  tierProblems,
} from './access/tiers.ts';
