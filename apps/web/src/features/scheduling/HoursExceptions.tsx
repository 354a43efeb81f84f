/** A clinician's exceptions to the weekly hours: leave, or one-off hours, from one date to another. */
import { Button, Group, List, Select, Stack, Text, TextInput } from '@mantine/core';
import type { AddHoursExceptionRequest, ClinicianSchedule } from '@plasticity/contracts';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { addHoursException, cancelHoursException } from './api.ts';
import { scheduleKeys } from './queries.ts';

const KINDS = [
  { value: 'leave', label: 'Leave' },
  { value: 'hours', label: 'One-off hours' },
];

export function HoursExceptions({ c }: { c: ClinicianSchedule }) {
  const [kind, setKind] = useState<'leave' | 'hours'>('leave');
  const [fromDate, setFrom] = useState('');
  const [toDate, setTo] = useState('');
  const [start, setStart] = useState('09:00');
  const [end, setEnd] = useState('13:00');
  const [note, setNote] = useState('');
  const invalidates = [scheduleKeys.clinicians()];
  const adding = useApiMutation((body: AddHoursExceptionRequest) => addHoursException(c.userId, body), {
    invalidates,
  });
  const cancelling = useApiMutation((id: string) => cancelHoursException(c.userId, id), { invalidates });
  const submit = async () => {
    const body: AddHoursExceptionRequest = {
      kind,
      fromDate,
      toDate: toDate || fromDate,
      ...(kind === 'hours' ? { start, end } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    if ((await adding.run(body)).ok) {
      setFrom('');
      setTo('');
      setNote('');
    }
  };
  const f = adding.fieldErrors;
  const who = c.displayName;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        Exceptions
      </Text>
      {c.exceptions.length === 0 && <Text size="sm">None.</Text>}
      <List size="sm" spacing={2}>
        {c.exceptions.map((e) => (
          <List.Item key={e.id}>
            {e.kind === 'leave' ? 'Leave' : `Hours ${e.start ?? ''}–${e.end ?? ''}`} {e.fromDate}
            {e.toDate !== e.fromDate ? ` to ${e.toDate}` : ''}
            {e.note ? ` · ${e.note}` : ''}{' '}
            <Button
              size="compact-xs"
              variant="subtle"
              color="red.9"
              // The subtle variant's own red is too light for small text (axe: 4.3:1 on a hovered row).
              c="red.9"
              onClick={() => void cancelling.run(e.id)}
              aria-label={`Cancel exception of ${who} from ${e.fromDate}`}
            >
              Cancel
            </Button>
          </List.Item>
        ))}
      </List>
      <ErrorAlert error={cancelling.error} title="The exception was not cancelled" />
      <Group gap="xs" align="flex-end">
        <Select
          size="xs"
          w={130}
          label="Exception"
          data={KINDS}
          value={kind}
          onChange={(v) => setKind(v === 'hours' ? 'hours' : 'leave')}
          allowDeselect={false}
          aria-label={`${who}: exception kind`}
        />
        <TextInput
          size="xs"
          type="date"
          label="From"
          value={fromDate}
          onChange={(e) => setFrom(e.currentTarget.value)}
          error={f.fromDate}
        />
        <TextInput
          size="xs"
          type="date"
          label="To"
          value={toDate}
          onChange={(e) => setTo(e.currentTarget.value)}
          error={f.toDate}
        />
        {kind === 'hours' && (
          <>
            <TextInput
              size="xs"
              type="time"
              label="Start"
              value={start}
              onChange={(e) => setStart(e.currentTarget.value)}
              error={f.start}
            />
            <TextInput
              size="xs"
              type="time"
              label="End"
              value={end}
              onChange={(e) => setEnd(e.currentTarget.value)}
              error={f.end}
            />
          </>
        )}
        <TextInput size="xs" label="Note" value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <Button size="xs" onClick={submit} loading={adding.busy} disabled={!fromDate}>
          Add
        </Button>
      </Group>
      <ErrorAlert
        error={adding.error}
        title="The exception was not added"
        extra={adding.unplaced(['fromDate', 'toDate', 'start', 'end'])}
      />
    </Stack>
  );
}
