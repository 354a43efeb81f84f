import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useMe } from '../../app/auth.tsx';
import type { ChartTabProps } from '../../app/registry.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { WRITABLE_KINDS } from './labels.ts';
import { NoteCard } from './NoteCard.tsx';
import { NoteForm } from './NoteForm.tsx';
import { usePatientNotes } from './queries.ts';
import { RecordButtons } from './RecordButtons.tsx';

/**
 * Chart tab "Notes" (care team): progress and integration notes, newest first, and the caller's own
 * psychotherapy notes (nobody else sees them); a new note, addenda, entered in error; the record's print and
 * export.
 */
export function NotesTab({ patient }: ChartTabProps) {
  const me = useMe();
  const { data, error } = usePatientNotes(patient.id);
  const [writing, setWriting] = useState(false);
  const canWrite = (WRITABLE_KINDS[me.role] ?? []).length > 0;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        {canWrite && !writing ? <Button onClick={() => setWriting(true)}>New note</Button> : <span />}
        <RecordButtons patientId={patient.id} />
      </Group>
      {writing && (
        <Card withBorder>
          <NoteForm patientId={patient.id} onDone={() => setWriting(false)} />
        </Card>
      )}
      {error ? (
        <ErrorAlert error={error} title="Could not load the notes" />
      ) : !data ? (
        <LoadingState />
      ) : data.length === 0 ? (
        <Text c="dimmed" size="sm">
          No notes yet.
        </Text>
      ) : (
        data.map((n) => <NoteCard key={n.id} note={n} />)
      )}
    </Stack>
  );
}
