import { Alert, Anchor, Button, Card, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { RouterLink } from '../../app/router.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { useClinicTime } from '../../ui/useClinicTime.ts';
import { bookSlot, type OpenSlotT, type SelfBookableType } from './api.ts';
import { portalKeys, useOpenSlots } from './queries.ts';

const TYPES: { value: SelfBookableType | 'any'; label: string }[] = [
  { value: 'any', label: 'All visits' },
  { value: 'integration', label: 'Integration' },
  { value: 'follow_up', label: 'Follow-up' },
];

/** The weekday of an instant in the clinic's zone ("Wednesday"), beside the product's date format. */
const weekday = (iso: string, timeZone: string): string =>
  new Intl.DateTimeFormat('en-US', { weekday: 'long', timeZone }).format(new Date(iso));

/** Open slots grouped by the clinic's calendar day, in start order. */
function byDay(slots: OpenSlotT[], day: (iso: string) => string): [string, OpenSlotT[]][] {
  const days = new Map<string, OpenSlotT[]>();
  for (const s of slots) {
    const key = day(s.start);
    days.set(key, [...(days.get(key) ?? []), s]);
  }
  return [...days.entries()];
}

/** Portal "Book a visit": the open integration and follow-up slots, by day; one tap books. */
export function BookVisitPage() {
  const time = useClinicTime();
  const [type, setType] = useState<SelfBookableType | 'any'>('any');
  const slots = useOpenSlots(type);
  const booking = useApiMutation((slotId: string) => bookSlot(slotId), { invalidates: [portalKeys.all] });
  const booked = booking.data;
  return (
    <Stack gap="md">
      <div>
        <Anchor component={RouterLink} href="/my-appointments" size="sm">
          ← My appointments
        </Anchor>
        <Title order={1}>Book a visit</Title>
        <Text size="sm" c="dimmed">
          Times the clinic opened for booking online. Dosing visits are booked with the clinic.
        </Text>
      </div>
      {booked && (
        <Alert color="green" variant="light" title="Your visit is booked" role="status">
          {booked.typeLabel} on {time.date(booked.start)} at {time.time(booked.start)}.{' '}
          <Anchor component={RouterLink} href="/my-appointments">
            See my appointments
          </Anchor>
        </Alert>
      )}
      <SegmentedControl
        aria-label="Kind of visit"
        value={type}
        onChange={(v) => setType(v as SelfBookableType | 'any')}
        data={TYPES}
        fullWidth
      />
      <ErrorAlert error={booking.error} title="The visit was not booked" />
      {slots.error ? (
        <ErrorAlert error={slots.error} title="Could not load the open times" />
      ) : !slots.data ? (
        <LoadingState label="Loading open times…" />
      ) : slots.data.length === 0 ? (
        <Text c="dimmed">No open times right now. Please check again later or call the clinic.</Text>
      ) : (
        byDay(slots.data, (iso) => `${weekday(iso, time.timeZone)} ${time.date(iso)}`).map(([day, list]) => (
          <section key={day} aria-label={day}>
            <Title order={2} size="h4" mb="xs">
              {day}
            </Title>
            <Stack gap="xs">
              {list.map((s) => (
                <Card key={s.id} withBorder padding="sm">
                  <Group justify="space-between" wrap="nowrap">
                    <div>
                      <Text fw={600}>
                        {time.time(s.start)}–{time.time(s.end)}
                      </Text>
                      <Text size="sm">
                        {s.typeLabel}
                        {s.clinicianName ? ` with ${s.clinicianName}` : ''}
                      </Text>
                    </div>
                    <Button
                      size="sm"
                      loading={booking.busy && booking.variables === s.id}
                      disabled={booking.busy}
                      onClick={() => booking.run(s.id)}
                      aria-label={`Book ${s.typeLabel} on ${day} at ${time.time(s.start)}`}
                    >
                      Book
                    </Button>
                  </Group>
                </Card>
              ))}
            </Stack>
          </section>
        ))
      )}
    </Stack>
  );
}
