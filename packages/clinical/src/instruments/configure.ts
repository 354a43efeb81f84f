/**
 * Clinic settings applied to a definition: the PCL-5 cut-off (31–33), the MADRS remission threshold
 * (10–12), the response reduction, the MADRS item 10 safety threshold (product default 4, 1–4). Only values the definition declares configurable (or the response
 * percentage, a product-wide setting) can change, and only within the declared range, so a configured
 * definition stays valid. Sources: each definition's citation and docs/clinical-sources.md.
 */
import { cutoffBands, scoreRange } from './helpers.ts';
import type { InstrumentDefinition } from './types.ts';

export interface InstrumentSettings {
  /** Screening cut-off (total ≥ cutoff is positive); only within `cutoff.configurable`. */
  readonly cutoff?: number;
  /** Remission threshold; only within `outcome.remission.configurable`. */
  readonly remissionThreshold?: number;
  /** Response = reduction ≥ this percentage (above 0, at most 100); only where response is defined. */
  readonly responseReductionPct?: number;
  /**
   * Threshold of the instrument's configurable safety item rule (MADRS item 10, product default 4);
   * only within that rule's `configurable` range.
   */
  readonly safetyItemThreshold?: number;
}

/**
 * A copy of `def` with clinic settings applied. Throws RangeError for a setting the instrument does not
 * allow or a value outside its range.
 *
 * @example
 * const pcl5At31 = configureDefinition(pcl5, { cutoff: 31 });
 * const madrs12 = configureDefinition(madrs, { remissionThreshold: 12 });
 * const madrsAlertAt2 = configureDefinition(madrs, { safetyItemThreshold: 2 });
 */
export function configureDefinition(
  def: InstrumentDefinition,
  settings: InstrumentSettings,
): InstrumentDefinition {
  let out: InstrumentDefinition = def;
  if (settings.cutoff !== undefined) {
    const c = def.cutoff;
    const v = settings.cutoff;
    if (!c?.configurable) throw new RangeError(`${def.name} has no configurable cut-off`);
    if (!Number.isInteger(v) || v < c.configurable.min || v > c.configurable.max) {
      throw new RangeError(
        `${def.name} cut-off must be an integer from ${c.configurable.min} to ${c.configurable.max}`,
      );
    }
    out = {
      ...out,
      cutoff: { ...c, value: v },
      bands: cutoffBands(scoreRange(def), v, c.negativeLabel, c.positiveLabel),
    };
  }
  if (settings.remissionThreshold !== undefined) {
    const r = def.outcome.remission;
    const v = settings.remissionThreshold;
    if (!r?.configurable) throw new RangeError(`${def.name} has no configurable remission threshold`);
    if (!Number.isFinite(v) || v < r.configurable.min || v > r.configurable.max) {
      throw new RangeError(
        `${def.name} remission threshold must be from ${r.configurable.min} to ${r.configurable.max}`,
      );
    }
    out = { ...out, outcome: { ...out.outcome, remission: { ...r, threshold: v } } };
  }
  if (settings.responseReductionPct !== undefined) {
    const v = settings.responseReductionPct;
    if (!def.outcome.response) throw new RangeError(`${def.name} defines no response rule`);
    if (!Number.isFinite(v) || v <= 0 || v > 100) {
      throw new RangeError('response reduction must be above 0 and at most 100 percent');
    }
    out = { ...out, outcome: { ...out.outcome, response: { reductionPct: v } } };
  }
  if (settings.safetyItemThreshold !== undefined) {
    const v = settings.safetyItemThreshold;
    const rules = def.safetyRules.filter((r) => r.kind === 'item_at_least' && r.configurable);
    if (rules.length === 0) throw new RangeError(`${def.name} has no configurable safety threshold`);
    out = {
      ...out,
      safetyRules: out.safetyRules.map((r) => {
        if (r.kind !== 'item_at_least' || !r.configurable) return r;
        if (!Number.isInteger(v) || v < r.configurable.min || v > r.configurable.max) {
          throw new RangeError(
            `${def.name} item ${r.item} safety threshold must be an integer from ${r.configurable.min} to ${r.configurable.max}`,
          );
        }
        return { ...r, value: v };
      }),
    };
  }
  return out;
}
