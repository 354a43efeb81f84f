/**
 * The patient's preparation in force (the newest record): their intentions for the course and their support
 * person. Compact, read-only; shown on the session page and, by the lead, in the integration note form.
 */
import { Card, Stack, Text, Title } from '@mantine/core';
import type { PreparationRecord } from '@plasticity/contracts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useClinicTime } from '../../ui/useClinicTime.ts';
import { usePreparation } from './queries.ts';

export function PreparationDetails({ record }: { record: PreparationRecord }) {
  const { date } = useClinicTime();
  const s = record.supportPerson;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        Intentions
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {record.intentions}
      </Text>
      <Text size="sm">
        <Text span fw={600}>
          Support person:
        </Text>{' '}
        {s.name} ({s.relationship}), {s.phone}
      </Text>
      <Text size="xs" c="dimmed">
        Recorded by {record.recordedBy.name} on {date(record.recordedAt)}
      </Text>
    </Stack>
  );
}

/** The current preparation of a patient, or a quiet line when there is none. */
export function PreparationSummary({ patientId }: { patientId: string }) {
  const q = usePreparation(patientId);
  return (
    <Card withBorder component="section" aria-label="Preparation">
      <Title order={2} size="h4" mb="xs">
        Preparation
      </Title>
      {q.error ? (
        <ErrorAlert error={q.error} title="Could not load the preparation" />
      ) : !q.data ? (
        <LoadingState />
      ) : q.data.current ? (
        <PreparationDetails record={q.data.current} />
      ) : (
        <Text size="sm" c="dimmed">
          No preparation visit recorded yet.
        </Text>
      )}
    </Card>
  );
}
