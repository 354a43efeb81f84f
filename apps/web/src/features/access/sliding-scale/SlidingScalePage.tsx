import { Stack, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../../ui/LoadingState.tsx';
import { GuidelineYears } from './GuidelineYears.tsx';
import { useGuidelineYears, useSlidingScaleTiers } from './queries.ts';
import { TiersEditor } from './TiersEditor.tsx';

/**
 * Admin: the sliding scale's tiers (versioned) and the HHS poverty guideline years the clinic can use.
 * docs/clinical-sources.md#sliding-scale-tiers.
 */
export function SlidingScalePage() {
  const tiers = useSlidingScaleTiers();
  const years = useGuidelineYears();
  return (
    <Stack>
      <div>
        <Title order={1}>Sliding scale</Title>
        <Text size="sm" c="dimmed">
          A patient’s household income as a percent of the HHS poverty guideline for their household size and
          state sets their tier and discount. The front desk records each assessment in the patient’s chart.
        </Text>
      </div>
      {tiers.error ? (
        <ErrorAlert error={tiers.error} title="Could not load the tiers" />
      ) : !tiers.data ? (
        <LoadingState label="Loading the tiers…" />
      ) : (
        <TiersEditor key={tiers.data.current.version} current={tiers.data.current} />
      )}
      {years.error ? (
        <ErrorAlert error={years.error} title="Could not load the guideline years" />
      ) : !years.data ? (
        <LoadingState label="Loading the guideline years…" />
      ) : (
        <GuidelineYears years={years.data} />
      )}
    </Stack>
  );
}
