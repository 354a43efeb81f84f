import { Card, Stack, Text, Title } from '@mantine/core';
import { useMe } from '../../app/auth.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { MoodTrendCard } from '../journal/MoodTrendCard.tsx';
import { useAssessmentSeries } from './queries.ts';

/** Portal "My progress": each instrument's change in plain words (describeProgressForPatient). */
export function PortalProgress() {
  const me = useMe();
  const patientId = me.patientId ?? '';
  const series = useAssessmentSeries(patientId);
  const { error } = series;
  const rows = series.data ? Object.entries(series.data).map(([id, data]) => ({ id, data })) : null;
  return (
    <Stack>
      <Title order={1}>My progress</Title>
      <ErrorAlert error={error} />
      {!rows && !error ? (
        <LoadingState />
      ) : rows?.length === 0 ? (
        <Text c="dimmed">No results yet.</Text>
      ) : (
        rows?.map((r) => (
          <Card key={r.id} withBorder>
            <Text>{r.data.progress}</Text>
          </Card>
        ))
      )}
      {patientId && <MoodTrendCard patientId={patientId} forPatient />}
    </Stack>
  );
}
