/**
 * The schedule: day and week calendar by chair or by clinician, in the clinic's time zone. Drag an event to
 * move it (a refused move stays where it was and the reason is shown); select a free slot or use "Book
 * appointment" to book; Tab to an event and press Enter for its details and actions.
 */
import { Button, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import type { RescheduleAppointmentRequest } from '@plasticity/contracts';
import { IconChevronLeft, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useClinicTime } from '../../ui/useClinicTime.ts';
import { AppointmentDrawer } from './AppointmentDrawer.tsx';
import { BookAppointmentModal, type BookingDefaults } from './BookAppointmentModal.tsx';
import { type Grouping, toEvents, toResources, UNASSIGNED } from './calendarEvents.ts';
import {
  addDays,
  type CalendarSpan,
  clinicToday,
  dateToWall,
  fromWallClock,
  isoToLocal,
  minutesBetween,
  spanOf,
} from './clinicClock.ts';
import { useAppointments, useChairs, useClinicians } from './queries.ts';
import { type MoveRequest, ScheduleCalendar } from './ScheduleCalendar.tsx';
import { useReschedule } from './useAppointmentActions.ts';

export function SchedulePage() {
  const { timeZone } = useClinicTime();
  const [date, setDate] = useState(() => clinicToday(timeZone));
  const [view, setView] = useState<CalendarSpan>('day');
  const [grouping, setGrouping] = useState<Grouping>('chair');
  const [openId, setOpenId] = useState<string | null>(null);
  const [booking, setBooking] = useState<BookingDefaults | null>(null);

  const span = spanOf(date, view, timeZone);
  const appointments = useAppointments({ from: span.from, to: span.to, status: 'all' });
  const chairs = useChairs();
  const clinicians = useClinicians();
  const items = appointments.data ?? [];
  const events = useMemo(() => toEvents(items, grouping, timeZone), [items, grouping, timeZone]);
  const resources = toResources(grouping, chairs.data ?? [], clinicians.data ?? [], events);
  const open = items.find((a) => a.id === openId) ?? null;

  const moving = useReschedule();
  const onMove = ({ event, start, end, resourceId }: MoveRequest) => {
    const body: RescheduleAppointmentRequest = { start: fromWallClock(start, timeZone).toISOString() };
    const minutes = minutesBetween(start, end);
    if (minutes !== event.appointment.durationMin) body.durationMin = minutes;
    if (resourceId !== null && resourceId !== event.resourceId) {
      const target = resourceId === UNASSIGNED ? null : resourceId;
      if (grouping === 'chair') body.chairId = target;
      else body.clinicianId = target;
    }
    void moving.run({ id: event.id, body });
  };
  const step = view === 'day' ? 1 : 7;

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={1} size="h3">
          Schedule
        </Title>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setBooking({ date })}>
          Book appointment
        </Button>
      </Group>
      <Group gap="xs" wrap="wrap">
        <Button.Group>
          <Button
            variant="default"
            aria-label={view === 'day' ? 'Previous day' : 'Previous week'}
            onClick={() => setDate(addDays(date, -step))}
          >
            <IconChevronLeft size={16} aria-hidden />
          </Button>
          <Button variant="default" onClick={() => setDate(clinicToday(timeZone))}>
            Today
          </Button>
          <Button
            variant="default"
            aria-label={view === 'day' ? 'Next day' : 'Next week'}
            onClick={() => setDate(addDays(date, step))}
          >
            <IconChevronRight size={16} aria-hidden />
          </Button>
        </Button.Group>
        <TextInput
          type="date"
          aria-label="Date shown"
          value={date}
          onChange={(e) => e.currentTarget.value && setDate(e.currentTarget.value)}
          w={160}
        />
        <SegmentedControl
          aria-label="Calendar view"
          value={view}
          onChange={(v) => setView(v === 'week' ? 'week' : 'day')}
          data={[
            { value: 'day', label: 'Day' },
            { value: 'week', label: 'Week' },
          ]}
        />
        <SegmentedControl
          aria-label="Columns"
          value={grouping}
          onChange={(v) => setGrouping(v === 'clinician' ? 'clinician' : 'chair')}
          data={[
            { value: 'chair', label: 'By chair' },
            { value: 'clinician', label: 'By clinician' },
          ]}
        />
        <Text size="sm" c="dimmed">
          Times in the clinic’s zone ({timeZone})
        </Text>
      </Group>
      <ErrorAlert error={appointments.error} title="Could not load the schedule" />
      <ErrorAlert error={chairs.error} title="Could not load the chairs" />
      <ErrorAlert error={moving.error} title="The appointment was not moved" onClose={moving.reset} />
      <ScheduleCalendar
        view={view}
        date={dateToWall(date)}
        events={events}
        resources={resources}
        onOpen={(e) => setOpenId(e.id)}
        onMove={onMove}
        onSelectSlot={({ start, resourceId }) => {
          const at = isoToLocal(fromWallClock(start, timeZone), timeZone);
          const target = resourceId && resourceId !== UNASSIGNED ? resourceId : undefined;
          setBooking({
            date: at.date,
            time: at.time,
            ...(grouping === 'chair' ? { chairId: target } : { clinicianId: target }),
          });
        }}
        canEdit
      />
      {appointments.data && events.length === 0 && (
        <Text c="dimmed" size="sm">
          No appointments {view === 'day' ? 'on this day' : 'in this week'}.
        </Text>
      )}
      <AppointmentDrawer appointment={open} onClose={() => setOpenId(null)} />
      <BookAppointmentModal defaults={booking} onClose={() => setBooking(null)} />
    </Stack>
  );
}
