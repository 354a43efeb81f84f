import {
  Button,
  Card,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { defaultAppointmentTypes } from '@plasticity/clinical/scheduling';
import { formatDate, zonedInstant } from '@plasticity/clinical/time-format';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { useClinicTime } from '../../ui/useClinicTime.ts';
import { type CreateSlotsT, type OpenSlotT, openSlots, withdrawSlot } from './api.ts';
import { portalKeys, useClinicSlots } from './queries.ts';

const TYPES = Object.values(defaultAppointmentTypes()).map((t) => ({ value: t.key, label: t.label }));

function byDay(slots: OpenSlotT[], day: (iso: string) => string): [string, OpenSlotT[]][] {
  const days = new Map<string, OpenSlotT[]>();
  for (const s of slots) days.set(day(s.start), [...(days.get(day(s.start)) ?? []), s]);
  return [...days.entries()];
}

/**
 * Staff "Online booking": open times patients may book themselves on the portal (integration and follow-up
 * visits unless the clinic's appointment-type settings say otherwise), and withdraw ones not booked yet.
 */
export function StaffSlotsPage() {
  const time = useClinicTime();
  const slots = useClinicSlots();
  const [type, setType] = useState<CreateSlotsT['type']>('integration');
  const [date, setDate] = useState(() => formatDate(new Date().toISOString(), time.timeZone));
  const [start, setStart] = useState('09:00');
  const [length, setLength] = useState<number | ''>('');
  const [count, setCount] = useState<number | ''>(1);
  const [dateError, setDateError] = useState<string | null>(null);
  const opening = useApiMutation((body: CreateSlotsT) => openSlots(body), { invalidates: [portalKeys.all] });
  const withdrawing = useApiMutation((id: string) => withdrawSlot(id), { invalidates: [portalKeys.all] });

  const submit = async () => {
    const at = zonedInstant(date, start, time.timeZone);
    setDateError(at ? null : 'Enter a date and a start time');
    if (!at) return;
    await opening.run({
      type,
      start: at,
      ...(length === '' ? {} : { durationMin: length }),
      ...(count === '' ? {} : { count }),
    });
  };

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>Online booking</Title>
        <Text size="sm" c="dimmed">
          Times you open here appear in the patient portal, where patients book them. Times are the clinic’s
          local time.
        </Text>
      </div>
      <Card withBorder>
        <Stack gap="sm">
          <Title order={2} size="h4">
            Open times
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 5 }}>
            <NativeSelect
              label="Visit"
              data={TYPES}
              value={type}
              onChange={(e) => setType(e.currentTarget.value as CreateSlotsT['type'])}
              error={opening.fieldErrors.type}
            />
            <TextInput
              label="Date"
              type="date"
              value={date}
              onChange={(e) => setDate(e.currentTarget.value)}
              error={dateError ?? opening.fieldErrors.start}
            />
            <TextInput
              label="First start"
              type="time"
              value={start}
              onChange={(e) => setStart(e.currentTarget.value)}
            />
            <NumberInput
              label="Length (minutes)"
              description="Blank: the visit type's length"
              min={5}
              max={600}
              value={length}
              onChange={(v) => setLength(typeof v === 'number' ? v : '')}
              error={opening.fieldErrors.durationMin}
            />
            <NumberInput
              label="How many, one after another"
              min={1}
              max={48}
              value={count}
              onChange={(v) => setCount(typeof v === 'number' ? v : '')}
              error={opening.fieldErrors.count}
            />
          </SimpleGrid>
          <ErrorAlert
            error={opening.error}
            title="No times were opened"
            extra={opening.unplaced(['type', 'start', 'durationMin', 'count'])}
          />
          {opening.data && !opening.error && (
            <Text size="sm" c="green.8" role="status">
              Opened {opening.data.length} {opening.data.length === 1 ? 'time' : 'times'}.
            </Text>
          )}
          <Group>
            <Button onClick={submit} loading={opening.busy}>
              Open times
            </Button>
          </Group>
        </Stack>
      </Card>
      <ErrorAlert error={withdrawing.error} title="The time was not withdrawn" />
      {slots.error ? (
        <ErrorAlert error={slots.error} title="Could not load the open times" />
      ) : !slots.data ? (
        <LoadingState label="Loading open times…" />
      ) : slots.data.length === 0 ? (
        <Text c="dimmed">No open times in the next 60 days.</Text>
      ) : (
        byDay(slots.data, time.date).map(([day, list]) => (
          <section key={day} aria-label={day}>
            <Title order={2} size="h4" mb="xs">
              {day}
            </Title>
            <Stack gap={4}>
              {list.map((s) => (
                <Group key={s.id} justify="space-between">
                  <Text size="sm">
                    {time.time(s.start)}–{time.time(s.end)} · {s.typeLabel}
                    {s.clinicianName ? ` · ${s.clinicianName}` : ''}
                  </Text>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    loading={withdrawing.busy && withdrawing.variables === s.id}
                    onClick={() => withdrawing.run(s.id)}
                    aria-label={`Withdraw ${s.typeLabel} on ${day} at ${time.time(s.start)}`}
                  >
                    Withdraw
                  </Button>
                </Group>
              ))}
            </Stack>
          </section>
        ))
      )}
    </Stack>
  );
}
