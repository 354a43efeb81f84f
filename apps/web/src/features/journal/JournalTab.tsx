import { Alert, Stack, Text, Title } from '@mantine/core';
import type { ChartTabProps } from '../../app/registry.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useClinicTime } from '../../ui/useClinicTime.ts';
import { JournalEntryCard } from './JournalEntryCard.tsx';
import { MoodTrendCard } from './MoodTrendCard.tsx';
import { useSharedEntries } from './queries.ts';

/** Chart tab "Journal" (care team): the daily mood trend and the entries the patient chose to share. */
export function JournalTab({ patient }: ChartTabProps) {
  const entries = useSharedEntries(patient.id);
  const { dateTime } = useClinicTime();
  return (
    <Stack>
      <MoodTrendCard patientId={patient.id} />
      <div>
        <Title order={3} size="h4">
          Shared journal entries
        </Title>
        <Text size="sm" c="dimmed">
          Only entries the patient chose to share are shown; the patient can stop sharing an entry at any
          time.
        </Text>
      </div>
      {entries.error ? (
        <ErrorAlert error={entries.error} title="Could not load the journal" />
      ) : !entries.data ? (
        <LoadingState label="Loading shared entries…" />
      ) : entries.data.length === 0 ? (
        <Alert variant="light">No shared entries.</Alert>
      ) : (
        entries.data.map((e) => (
          <JournalEntryCard
            key={e.id}
            when={`Written ${dateTime(e.createdAt)}`}
            promptText={e.promptText}
            text={e.text}
          />
        ))
      )}
    </Stack>
  );
}
