import { Badge, Button, Card, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { ClinicalNote } from '@plasticity/contracts';
import { type FormEvent, useState } from 'react';
import { useMe } from '../../app/auth.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDate, formatDateTime } from '../../ui/format.ts';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { addAddendum, markEnteredInError } from './api.ts';
import { NOTE_KIND_LABELS, SECTION_LABELS, WRITABLE_KINDS } from './labels.ts';
import { noteKeys } from './queries.ts';

type Open = 'addendum' | 'error' | null;

/**
 * One signed note: kind, author, signed time, the text (and the integration template's parts), its addenda,
 * and — for those who may — adding an addendum or marking it entered in error (the author only).
 */
export function NoteCard({ note }: { note: ClinicalNote }) {
  const me = useMe();
  const tz = me.clinic.timeZone;
  const [open, setOpen] = useState<Open>(null);
  const [text, setText] = useState('');
  const invalidates = [noteKeys.patient(note.patientId)];
  const done = () => {
    setOpen(null);
    setText('');
  };
  const adding = useApiMutation((body: string) => addAddendum(note.id, body), {
    invalidates,
    onSuccess: done,
  });
  const marking = useApiMutation((reason: string) => markEnteredInError(note.id, reason), {
    invalidates,
    onSuccess: done,
  });
  const signed = note.status === 'signed';
  const canAdd = signed && (WRITABLE_KINDS[me.role] ?? []).includes(note.kind);
  const responsible = note.kind === 'psychotherapy' ? note.custodianId : note.authorId;
  const canMark = signed && responsible === me.id;
  const mutation = open === 'addendum' ? adding : marking;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void mutation.run(text.trim());
  };

  return (
    <Card withBorder component="article" aria-label={NOTE_KIND_LABELS[note.kind]}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <Group gap="xs">
          <Text fw={600}>{NOTE_KIND_LABELS[note.kind]}</Text>
          {note.kind === 'psychotherapy' && (
            <Badge variant="filled" autoContrast color="blue.9">
              Private to you
            </Badge>
          )}
          {!signed && (
            <Badge variant="filled" autoContrast color="gray.7">
              Entered in error
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          Signed by {note.authorName}, {formatDateTime(note.signedAt, tz)}
        </Text>
      </Group>
      <Stack gap={6} mt="xs" style={signed ? undefined : { textDecoration: 'line-through' }}>
        {SECTION_LABELS.map(([key, label]) =>
          note.sections?.[key] ? (
            <Text key={key} size="sm">
              <Text span fw={600} size="sm">
                {label}:{' '}
              </Text>
              {note.sections[key]}
            </Text>
          ) : null,
        )}
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {note.body}
        </Text>
      </Stack>
      {note.citedJournalEntries.length > 0 && (
        <Stack gap={4} mt="sm" aria-label="Journal entries discussed">
          {note.citedJournalEntries.map((c) => (
            <Text key={c.id} size="sm" c={c.stillShared ? undefined : 'dimmed'}>
              <Text span fw={600} size="sm">
                Journal entry of {formatDate(c.writtenAt, tz)}:{' '}
              </Text>
              {c.stillShared ? `“${c.text}”` : 'The patient no longer shares this entry.'}
            </Text>
          ))}
        </Stack>
      )}
      {!signed && (
        <Text size="sm" mt="xs">
          Entered in error by {note.enteredInErrorByName}, {formatDateTime(note.enteredInErrorAt, tz)}:{' '}
          {note.enteredInErrorReason}
        </Text>
      )}
      {note.addenda.length > 0 && (
        <Stack gap={4} mt="sm" pl="md" style={{ borderLeft: '3px solid var(--mantine-color-gray-4)' }}>
          {note.addenda.map((d) => (
            <Text key={d.id} size="sm">
              <Text span fw={600} size="sm">
                Addendum by {d.authorName}, {formatDateTime(d.signedAt, tz)}:{' '}
              </Text>
              {d.body}
            </Text>
          ))}
        </Stack>
      )}
      {open === null && (canAdd || canMark) && (
        <Group mt="sm" gap="xs">
          {canAdd && (
            <Button size="xs" variant="default" onClick={() => setOpen('addendum')}>
              Add addendum
            </Button>
          )}
          {canMark && (
            <Button size="xs" variant="subtle" color="red.9" onClick={() => setOpen('error')}>
              Mark entered in error
            </Button>
          )}
        </Group>
      )}
      {open !== null && (
        <form onSubmit={submit} aria-label={open === 'addendum' ? 'Addendum' : 'Reason'} noValidate>
          <Stack gap="xs" mt="sm">
            {open === 'addendum' ? (
              <Textarea
                label="Addendum"
                autosize
                minRows={2}
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                error={adding.fieldErrors.body}
                required
              />
            ) : (
              <TextInput
                label="Why is this note entered in error?"
                value={text}
                onChange={(e) => setText(e.currentTarget.value)}
                error={marking.fieldErrors.reason}
                required
              />
            )}
            <Group gap="xs">
              <Button type="submit" size="xs" loading={mutation.busy} disabled={!text.trim()}>
                {open === 'addendum' ? 'Sign addendum' : 'Mark entered in error'}
              </Button>
              <Button size="xs" variant="default" onClick={done}>
                Cancel
              </Button>
            </Group>
            <ErrorAlert error={mutation.error} title="Not saved" />
          </Stack>
        </form>
      )}
    </Card>
  );
}
