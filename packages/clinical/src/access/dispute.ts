/**
 * The patient-provider dispute threshold per provider (No Surprises Act). 45 CFR 149.620(a)(2)(ii) and (b): a bill
 * may be disputed when the total billed charges of a provider or facility are at least $400 more than that same
 * provider's or facility's total expected charges on the good-faith estimate. The comparison is made for each
 * provider on its own: a total $400 over the estimate with no single provider $400 over is not eligible, and one
 * provider over is eligible even when another is under. A provider billing without expected charges on the
 * estimate is compared with $0. Sources: docs/clinical-sources.md#good-faith-estimates.
 */
import { exceedsEstimate } from './estimate-deadlines.ts';

/** One provider's (or facility's) expected and billed charges, in cents; `key` names the provider. */
export interface ProviderAmounts {
  key: string;
  expectedCents: number;
  billedCents: number;
}

export interface ProviderComparison extends ProviderAmounts {
  /** Billed minus expected (negative when under the estimate). */
  overByCents: number;
  /** True when billed is at least $400 above expected (45 CFR 149.620(a)(2)(ii)). */
  exceeds: boolean;
}

/**
 * Compares billed with expected charges provider by provider. Providers come in the order of `expected` (the
 * estimate's order), then providers billed without expected charges in the order of `billed`.
 */
export function compareByProvider(
  expected: ReadonlyMap<string, number>,
  billed: ReadonlyMap<string, number>,
): ProviderComparison[] {
  const keys = [...expected.keys(), ...[...billed.keys()].filter((k) => !expected.has(k))];
  return keys.map((key) => {
    const expectedCents = expected.get(key) ?? 0;
    const billedCents = billed.get(key) ?? 0;
    const overByCents = billedCents - expectedCents;
    return {
      key,
      expectedCents,
      billedCents,
      overByCents,
      exceeds: exceedsEstimate(billedCents, expectedCents),
    };
  });
}
