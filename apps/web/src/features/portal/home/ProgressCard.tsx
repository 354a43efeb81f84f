import { Anchor, Stack, Text } from '@mantine/core';
import { RouterLink } from '../../../app/router.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useAssessmentSeries } from '../../measurement/queries.ts';

/** Progress in plain words: each questionnaire's change since the start (the server's patient wording). */
export function ProgressCard({ patientId }: { patientId: string }) {
  const series = useAssessmentSeries(patientId);
  const lines = series.data
    ? Object.values(series.data)
        .map((s) => s.progress)
        .filter((p): p is string => Boolean(p))
    : null;
  return (
    <>
      <ErrorAlert error={series.error} title="Could not load your progress" />
      {!lines && !series.error && (
        <Text size="sm" c="dimmed">
          Loading your progress…
        </Text>
      )}
      {lines?.length === 0 && <Text>No results yet. Your progress shows here after your first forms.</Text>}
      <Stack gap="xs">
        {lines?.slice(0, 2).map((line) => (
          <Text key={line}>{line}</Text>
        ))}
      </Stack>
      <Anchor component={RouterLink} href="/progress" size="sm">
        See all my progress
      </Anchor>
    </>
  );
}
