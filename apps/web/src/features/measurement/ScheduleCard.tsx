import { ActionIcon, Button, Group, Paper, Select, Stack, Text } from '@mantine/core';
import type { InstrumentDefinition } from '@plasticity/clinical/instruments';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { putSchedule } from './api.ts';
import { measurementKeys, useSchedule } from './queries.ts';

type Cadence = 'before_each_session' | 'weekly' | 'monthly';
type Entry = { instrument: string; cadence: Cadence };

const CADENCES = [
  { value: 'before_each_session', label: 'Before each dosing session' },
  { value: 'weekly', label: 'Weekly' },
  { value: 'monthly', label: 'Monthly' },
];

/** Which self-report forms the patient is asked for, and how often; requests and reminders follow. */
export function ScheduleCard({
  patientId,
  defs,
  canEdit,
}: {
  patientId: string;
  defs: InstrumentDefinition[];
  canEdit: boolean;
}) {
  const queries = useQueryClient();
  const schedule = useSchedule(patientId);
  // The rows being edited; null while they are the saved schedule.
  const [draft, setDraft] = useState<Entry[] | null>(null);
  const stored = (schedule.data?.items as Entry[] | undefined) ?? null;
  const items = draft ?? stored;
  const setItems = (change: (cur: Entry[] | null) => Entry[]) => setDraft((d) => change(d ?? stored));
  const [saved, setSaved] = useState(false);
  const saving = useApiMutation((next: Entry[]) => putSchedule(patientId, next), {
    onSuccess: (r) => {
      queries.setQueryData(measurementKeys.schedule(patientId), r);
      setDraft(null);
      setSaved(true);
    },
  });
  const { busy } = saving;
  const error = schedule.error ?? saving.error;
  const selfReport = defs.filter((d) => d.kind === 'self_report');
  const update = (i: number, patch: Partial<Entry>) => {
    setSaved(false);
    setItems((cur) => (cur ?? []).map((e, k) => (k === i ? { ...e, ...patch } : e)));
  };
  const save = async () => {
    await saving.run(items ?? []);
  };
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Text fw={600}>Check-in schedule</Text>
        {items?.length === 0 && (
          <Text size="sm" c="dimmed">
            No forms are scheduled.
          </Text>
        )}
        {items?.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional while editing (an instrument may be picked twice until saved)
          <Group key={i} align="flex-end" wrap="wrap">
            <Select
              label="Form"
              data={selfReport.map((d) => ({ value: d.id, label: d.name }))}
              value={e.instrument}
              onChange={(v) => v && update(i, { instrument: v })}
              disabled={!canEdit}
            />
            <Select
              label="How often"
              data={CADENCES}
              value={e.cadence}
              onChange={(v) => v && update(i, { cadence: v as Cadence })}
              disabled={!canEdit}
            />
            {canEdit && (
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={`Remove ${e.instrument}`}
                onClick={() => setItems((cur) => (cur ?? []).filter((_, k) => k !== i))}
              >
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            )}
          </Group>
        ))}
        <ErrorAlert error={error} title="Schedule not saved" />
        {canEdit && (
          <Group>
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() =>
                setItems((cur) => [
                  ...(cur ?? []),
                  { instrument: selfReport[0]?.id ?? 'phq9', cadence: 'weekly' },
                ])
              }
            >
              Add form
            </Button>
            <Button onClick={save} loading={busy}>
              Save schedule
            </Button>
            {saved && (
              <Text size="sm" c="green.8">
                Saved
              </Text>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
