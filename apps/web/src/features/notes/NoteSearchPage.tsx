import { Anchor, Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useMe } from '../../app/auth.tsx';
import { RouterLink } from '../../app/router.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { NOTE_KIND_LABELS } from './labels.ts';
import { useNoteSearch } from './queries.ts';

/**
 * Note search (care team): the clinic's progress and integration notes containing the words, newest first,
 * each with its patient and the text around the match. Psychotherapy notes are never searched.
 */
export function NoteSearchPage() {
  const me = useMe();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const { data, error, isFetching } = useNoteSearch(q);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setQ(text.trim());
  };

  return (
    <Stack gap="md" maw={900}>
      <Title order={1}>Note search</Title>
      <form onSubmit={submit} aria-label="Search notes" noValidate>
        <Group align="end">
          <TextInput
            label="Words in a progress or integration note"
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            w={420}
          />
          <Button type="submit" disabled={!text.trim()} loading={isFetching}>
            Search
          </Button>
        </Group>
      </form>
      <Text size="sm" c="dimmed">
        Psychotherapy notes are private to their author and never appear here.
      </Text>
      <ErrorAlert error={error} title="The search failed" />
      {q && !data && !error && <LoadingState />}
      {data && data.length === 0 && <Text size="sm">No notes contain these words.</Text>}
      {data?.map((hit) => (
        <Card key={hit.noteId} withBorder component="article" aria-label={hit.patientName}>
          <Group justify="space-between" gap="xs">
            <Anchor component={RouterLink} href={`/patients/${hit.patientId}/notes`} fw={600}>
              {hit.patientName}
            </Anchor>
            <Text size="sm" c="dimmed">
              {NOTE_KIND_LABELS[hit.kind]}, {hit.authorName},{' '}
              {formatDateTime(hit.signedAt, me.clinic.timeZone)}
            </Text>
          </Group>
          <Text size="sm" mt={4}>
            {hit.excerpt}
          </Text>
        </Card>
      ))}
    </Stack>
  );
}
