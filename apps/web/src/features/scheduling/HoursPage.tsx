/**
 * Admin: each clinician's weekly working hours (clinic-local `HH:MM`, any number of spans per weekday) and
 * exceptions (leave, or one-off hours). Booking outside them is allowed; the calendar flags it.
 */
import { ActionIcon, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import type { ClinicianSchedule, WeeklyHours } from '@plasticity/contracts';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { roleLabel } from '../../ui/format.ts';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { setWeeklyHours } from './api.ts';
import { HoursExceptions } from './HoursExceptions.tsx';
import { scheduleKeys, useClinicians } from './queries.ts';

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const WEEKDAY_OPTIONS = WEEKDAY_NAMES.map((d, i) => ({ value: String(i + 1), label: d }));

type Row = WeeklyHours & { key: number };

function WeeklyEditor({ c }: { c: ClinicianSchedule }) {
  const [rows, setRows] = useState<Row[]>(() =>
    [...c.weekly]
      .sort((x, y) => x.weekday - y.weekday || x.start.localeCompare(y.start))
      .map((h, key) => ({ ...h, key })),
  );
  const saving = useApiMutation(
    () =>
      setWeeklyHours(c.userId, { weekly: rows.map(({ weekday, start, end }) => ({ weekday, start, end })) }),
    { invalidates: [scheduleKeys.clinicians()] },
  );
  const set = (key: number, patch: Partial<WeeklyHours>) =>
    setRows(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const next = Math.max(-1, ...rows.map((r) => r.key)) + 1;
  return (
    <Stack gap={4}>
      {rows.length === 0 && <Text size="sm">No weekly hours set.</Text>}
      {rows.map((r, i) => {
        const n = `${c.displayName}, hours ${i + 1}`;
        return (
          <Group key={r.key} gap="xs" wrap="nowrap">
            <Select
              size="xs"
              w={140}
              aria-label={`${n}: weekday`}
              data={WEEKDAY_OPTIONS}
              value={String(r.weekday)}
              onChange={(v) => v && set(r.key, { weekday: Number(v) })}
              allowDeselect={false}
            />
            <TextInput
              size="xs"
              type="time"
              aria-label={`${n}: from`}
              value={r.start}
              onChange={(e) => set(r.key, { start: e.currentTarget.value })}
            />
            <TextInput
              size="xs"
              type="time"
              aria-label={`${n}: until`}
              value={r.end}
              onChange={(e) => set(r.key, { end: e.currentTarget.value })}
            />
            <ActionIcon
              variant="subtle"
              color="red.9"
              aria-label={`Remove ${n}`}
              onClick={() => setRows(rows.filter((x) => x.key !== r.key))}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        );
      })}
      <Group gap="xs">
        <Button
          size="compact-sm"
          variant="default"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => setRows([...rows, { key: next, weekday: 1, start: '09:00', end: '17:00' }])}
        >
          Add hours
        </Button>
        <Button size="compact-sm" onClick={() => void saving.run(undefined)} loading={saving.busy}>
          Save weekly hours
        </Button>
      </Group>
      <ErrorAlert error={saving.error} title="The hours were not saved" extra={saving.unplaced([])} />
    </Stack>
  );
}

export function HoursPage() {
  const clinicians = useClinicians();
  return (
    <Stack gap="sm">
      <Title order={1} size="h3">
        Working hours
      </Title>
      <Text size="sm" c="dimmed">
        Times are the clinic’s local times. Appointments may still be booked outside them; the schedule flags
        them.
      </Text>
      <ErrorAlert error={clinicians.error} title="Could not load the clinicians" />
      {clinicians.data?.length === 0 && <Text>No clinicians yet.</Text>}
      {(clinicians.data ?? []).map((c) => (
        <Card key={c.userId} withBorder padding="sm" component="section" aria-label={c.displayName}>
          <Title order={2} size="h5">
            {c.displayName}{' '}
            <Text span size="sm" c="dimmed">
              {c.roles.map(roleLabel).join(', ')}
            </Text>
          </Title>
          <Group align="flex-start" gap="xl" mt={4}>
            <WeeklyEditor key={JSON.stringify(c.weekly)} c={c} />
            <HoursExceptions c={c} />
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
