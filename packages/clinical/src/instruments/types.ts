/**
 * Definition format for rating scales (instruments), as plain data.
 *
 * One `InstrumentDefinition` object describes one instrument completely: items, answer options, the
 * scoring rule, severity bands, subscales, safety and clinical flag rules, outcome rules (response and
 * remission), the rule for incomplete forms, LOINC codes, licence and citation. The scoring engine
 * (`score.ts`) has no per-instrument code path: everything instrument-specific is one of the closed
 * unions below, so a clinic can add its own instrument in this same format and check it with
 * `validateDefinition` (`validate.ts`).
 *
 * Sources for the shipped definitions are cited in each file under `definitions/` and in
 * docs/clinical-sources.md ("Rating scales").
 */

/** Who fills the form in. */
export type InstrumentKind = 'self_report' | 'clinician';

/** One printed answer choice. `value` is the number printed on the published form (an integer). */
export interface AnswerOption {
  readonly value: number;
  readonly label: string;
}

export interface ItemDefinition {
  /** 1-based, equal to the item's position: `answers[number - 1]` is this item's answer. */
  readonly number: number;
  /** Short label (our words), always present. */
  readonly label: string;
  /** Exact published wording, only where the licence allows shipping it (otherwise see `wordingNote`). */
  readonly text?: string;
  /** Answer options for this item; when absent the instrument's shared `options` apply. */
  readonly options?: readonly AnswerOption[];
  /** `false` for items that are asked but not counted (PHQ-9 item 10, "difficulty"). */
  readonly scored: boolean;
}

/** Reverse an item before summing: scored value = (lowest + highest option value) − answer. */
export interface ReverseItem {
  readonly item: number;
}

export interface Domain {
  readonly id: string;
  readonly label: string;
  readonly items: readonly number[];
  /** How the domain's items combine into the domain score. */
  readonly combine: 'max' | 'sum';
}

/** How a total is computed (closed union: the engine knows exactly these). */
export type ScoringRule =
  /** Total = sum of scored items, after reversing the listed items. */
  | { readonly kind: 'sum'; readonly reverse?: readonly ReverseItem[] }
  /** Total = sum of domain scores; every scored item belongs to exactly one domain (QIDS-SR16). */
  | { readonly kind: 'domains'; readonly domains: readonly Domain[] }
  /** Total = the one item's value (MOAA/S). */
  | { readonly kind: 'single'; readonly item: number };

/** Inclusive integer score range mapped to a lower-case label. */
export interface Band {
  readonly min: number;
  readonly max: number;
  readonly label: string;
}

/**
 * A screening cut-off: total ≥ value is positive. The definition's `bands` must be exactly
 * `[{min: rangeMin, max: value − 1, label: negativeLabel}, {min: value, max: rangeMax, label: positiveLabel}]`;
 * the scorer rebuilds them from the effective cut-off (sex-specific, or configured by the clinic).
 */
export interface Cutoff {
  /** Default cut-off; with `bySex`, the conservative value used when sex is unknown. */
  readonly value: number;
  readonly positiveLabel: string;
  readonly negativeLabel: string;
  /** Range a clinic may choose from with `configureDefinition` (PCL-5: 31–33). */
  readonly configurable?: { readonly min: number; readonly max: number };
  /** Sex-specific cut-offs (AUDIT-C). Unknown or other sex uses `value` and adds `unknownSexWarning`. */
  readonly bySex?: { readonly male: number; readonly female: number; readonly unknownSexWarning: string };
}

/** One level of an item-driven severity (C-SSRS screener): any listed item ≥ atLeast reaches it. */
export interface ItemLevel {
  readonly label: string;
  readonly items: readonly number[];
  readonly atLeast: number;
}

/** Severity from which items are endorsed, not from the total: the highest level reached wins. */
export interface ItemLevelsRule {
  readonly kind: 'item_levels';
  /** Ordered from lowest to highest. */
  readonly levels: readonly ItemLevel[];
  /** Label when no level is reached. */
  readonly none: string;
}

export interface Subscale {
  readonly id: string;
  readonly label: string;
  readonly items: readonly number[];
}

/**
 * Declarative flag rules. Item rules compare the answer as printed on the form (before any reverse
 * scoring). In `safetyRules`, a skipped (null) item named by an item rule adds `safety_item_skipped`.
 */
export type FlagRule =
  | {
      readonly kind: 'item_at_least';
      readonly item: number;
      readonly value: number;
      readonly flag: string;
      /**
       * Range within which a clinic's medical director may set `value` (a safety rule's threshold,
       * `InstrumentSettings.safetyItemThreshold`); absent when the threshold is fixed.
       */
      readonly configurable?: { readonly min: number; readonly max: number };
      /** Where the rule comes from, when it is not the instrument's own published rule (a product default). */
      readonly source?: string;
    }
  | {
      readonly kind: 'any_item_at_least';
      readonly items: readonly number[];
      readonly value: number;
      readonly flag: string;
    }
  /** Total ≥ the effective cut-off (see `Cutoff`). */
  | { readonly kind: 'cutoff_met'; readonly flag: string }
  /** Severity label is one of `labels`. */
  | { readonly kind: 'severity_in'; readonly labels: readonly string[]; readonly flag: string }
  /** Every group has at least `minCount` items rated ≥ `minValue` (PCL-5 provisional diagnosis). */
  | {
      readonly kind: 'item_count_groups';
      readonly minValue: number;
      readonly groups: readonly { readonly items: readonly number[]; readonly minCount: number }[];
      readonly flag: string;
    };

/**
 * Answer-consistency constraints. `gate`: the `items` are only asked when `gateItem` ≥ `openAtLeast`.
 * While the gate is closed those items must be 0; null there means "not asked" and is read as 0.
 */
export type Constraint = {
  readonly kind: 'gate';
  readonly gateItem: number;
  readonly openAtLeast: number;
  readonly items: readonly number[];
};

export interface OutcomeRule {
  /** Whether a fall in score is improvement. */
  readonly direction: 'lower_is_better' | 'higher_is_better';
  /** Response = reduction from baseline ≥ reductionPct percent; null where not defined. */
  readonly response: { readonly reductionPct: number } | null;
  /** Remission = latest total `comparator` threshold; null where the instrument defines no rule. */
  readonly remission: {
    readonly comparator: '<' | '<=';
    readonly threshold: number;
    readonly configurable?: { readonly min: number; readonly max: number };
  } | null;
  /** Where the outcome rules come from. */
  readonly source: string;
}

/** What to do when scored items are skipped. `source` cites the published rule (or says none exists). */
export type MissingRule =
  | { readonly kind: 'refuse'; readonly source: string }
  | {
      readonly kind: 'prorate';
      /** At most this many scored items may be missing. */
      readonly maxMissing: number;
      /** total = round(sum of answered × scored item count / answered count), halves rounded up. */
      readonly rounding: 'half_up';
      readonly source: string;
    };

export interface LoincCodes {
  readonly panel: string | null;
  readonly total: string | null;
  /** Item number → LOINC code, only for the codes we have verified. */
  readonly items: Readonly<Record<number, string>>;
  /** Code for an item-derived risk level (C-SSRS screener 93374-7). */
  readonly riskLevel?: string;
  /** Further related codes (e.g. PHQ-2 total for the PHQ-9). */
  readonly related?: readonly { readonly code: string; readonly display: string }[];
}

export interface InstrumentDefinition {
  readonly id: string;
  readonly name: string;
  /** Version of this definition (data), reported with every score. */
  readonly version: string;
  readonly kind: InstrumentKind;
  /** Recall period or administration note shown with the form. */
  readonly instructions?: string;
  readonly items: readonly ItemDefinition[];
  /** Shared answer options, used by every item without its own `options`. */
  readonly options?: readonly AnswerOption[];
  /** When set, answers may stop after this many items (only unscored items may follow). PHQ-9: 9 of 10. */
  readonly minAnswers?: number;
  /** Why item wording is not shipped (required when any item has no `text`). */
  readonly wordingNote?: string;
  readonly scoring: ScoringRule;
  /** Severity bands over the total score, or null when the instrument publishes none. */
  readonly bands: readonly Band[] | null;
  readonly cutoff?: Cutoff;
  /** Item-driven severity instead of bands (requires `bands: null`). */
  readonly severityRule?: ItemLevelsRule;
  /** Why there is no severity (required when `bands` is null and there is no `severityRule`). */
  readonly severityNote?: string;
  readonly subscales?: readonly Subscale[];
  readonly safetyRules: readonly FlagRule[];
  /** Non-safety clinical flags (probable PTSD, AUDIT dependence items...). */
  readonly flagRules?: readonly FlagRule[];
  readonly constraints?: readonly Constraint[];
  readonly outcome: OutcomeRule;
  readonly missingRule: MissingRule;
  /** LOINC codes, or null when none exist (a local code is used elsewhere). */
  readonly loinc: LoincCodes | null;
  readonly licence: string;
  readonly citation: string;
}

/** A problem found by `validateDefinition`, with a path such as `items[3].options[0].value`. */
export interface DefinitionError {
  readonly path: string;
  readonly message: string;
}

/** Context for scoring. `sex` is free text: male/m/man and female/f/woman are recognised. */
export interface ScoreContext {
  readonly sex?: string;
}

export interface ScoreError {
  /** 1-based item number, when the error concerns one item. */
  readonly item?: number;
  /** `answers`, `answers[3]`, or `definition`. */
  readonly field: string;
  readonly message: string;
}

export interface ScoreSuccess {
  readonly ok: true;
  readonly instrumentId: string;
  readonly instrumentVersion: string;
  readonly total: number;
  readonly severity: string | null;
  readonly subscales?: Readonly<Record<string, number>>;
  /** Domain scores, for domain-scored instruments (QIDS-SR16). */
  readonly domains?: Readonly<Record<string, number>>;
  readonly flags: readonly string[];
  /** Scored items that were skipped (1-based). */
  readonly missing: readonly number[];
  readonly prorated: boolean;
  readonly warnings: readonly string[];
}

export interface ScoreFailure {
  readonly ok: false;
  readonly errors: readonly ScoreError[];
  /**
   * Present when scoring was refused for skipped items: safety flags that the answered items already
   * raise (e.g. PHQ-9 item 9 ≥ 1 on a form with too many gaps), plus `safety_item_skipped`. A refusal
   * must not hide a risk answer.
   */
  readonly flags?: readonly string[];
}

export type ScoreResult = ScoreSuccess | ScoreFailure;

/** Flag added when an item named by a safety rule was skipped. */
export const SAFETY_ITEM_SKIPPED = 'safety_item_skipped';
