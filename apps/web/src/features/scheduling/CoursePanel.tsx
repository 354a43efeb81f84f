/**
 * A plan's course of visits: "Book the induction" asks the server for the series the protocol's schedule
 * needs in the first free slots on the patient's preferred days and times; staff adjust the visits (date,
 * time, chair, or remove one) and book them all in one step — or none, when one clashes (the message names
 * the visit). Then the course's booked visits are listed with their status.
 */
import {
  Button,
  Checkbox,
  Group,
  List,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { APPOINTMENT_STATUS_LABELS, type CourseProposal } from '@plasticity/contracts';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { useClinicTime } from '../../ui/useClinicTime.ts';
import { bookCourse, proposeCourse } from './api.ts';
import { CourseProposalTable, type CourseRow } from './CourseProposalTable.tsx';
import { clinicToday, isoToLocal, localToIso } from './clinicClock.ts';
import { scheduleKeys, useAppointments } from './queries.ts';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function BookedVisits({ patientId, planId }: { patientId: string; planId: string }) {
  const t = useClinicTime();
  const list = useAppointments({ patientId, status: 'all' });
  const visits = (list.data ?? [])
    .filter((a) => a.courseId !== null && (a.planId === planId || a.planId === null))
    .sort((x, y) => x.start.localeCompare(y.start));
  if (list.error) return <ErrorAlert error={list.error} title="Could not load the booked visits" />;
  if (visits.length === 0) return null;
  return (
    <Table verticalSpacing={2} fz="sm" aria-label="Booked visits of the course">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Visit</Table.Th>
          <Table.Th>When</Table.Th>
          <Table.Th>Chair or room</Table.Th>
          <Table.Th>Status</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {visits.map((a, i) => (
          <Table.Tr key={a.id}>
            <Table.Td>{a.courseIndex ?? i + 1}</Table.Td>
            <Table.Td>{t.dateTime(a.start)}</Table.Td>
            <Table.Td>{a.chairName ?? '—'}</Table.Td>
            <Table.Td>{APPOINTMENT_STATUS_LABELS[a.status]}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** `plan`: the treatment plan the course is booked from (only its id is needed). */
export function CoursePanel({ patientId, plan }: { patientId: string; plan: { id: string } }) {
  const { timeZone } = useClinicTime();
  const [open, setOpen] = useState(false);
  const [weekdays, setWeekdays] = useState<string[]>(['1', '2', '3', '4', '5']);
  const [times, setTimes] = useState('09:00');
  const [earliest, setEarliest] = useState(() => clinicToday(timeZone));
  const [count, setCount] = useState<number | string>('');
  const [proposal, setProposal] = useState<CourseProposal | null>(null);
  const [rows, setRows] = useState<CourseRow[]>([]);
  const proposing = useApiMutation(() =>
    proposeCourse(plan.id, {
      earliestDate: earliest,
      preferredWeekdays: weekdays.map(Number).sort(),
      preferredTimes: times
        .split(/[\s,]+/)
        .filter(Boolean)
        .map((x) => (x.length === 4 ? `0${x}` : x)),
      ...(typeof count === 'number' ? { count } : {}),
    }),
  );
  const booking = useApiMutation(
    (items: CourseRow[]) =>
      bookCourse(plan.id, {
        items: items.map((r) => ({
          start: localToIso(r.date, r.time, timeZone),
          durationMin: r.durationMin,
          ...(r.chairId ? { chairId: r.chairId } : {}),
          ...(r.clinicianId ? { clinicianId: r.clinicianId } : {}),
        })),
      }),
    { invalidates: [scheduleKeys.appointments()] },
  );
  const timesValid = times
    .split(/[\s,]+/)
    .filter(Boolean)
    .every((x) => TIME.test(x.padStart(5, '0')));

  const propose = async () => {
    booking.reset();
    const result = await proposing.run(undefined);
    if (!result.ok) return;
    setProposal(result.data);
    setRows(
      result.data.items.map((item, i) => ({
        key: i,
        ...isoToLocal(item.start, timeZone),
        chairId: item.chairId,
        clinicianId: item.clinicianId,
        durationMin: result.data.durationMin,
      })),
    );
  };
  const book = async () => {
    if (!(await booking.run(rows)).ok) return;
    setProposal(null);
    setRows([]);
    setOpen(false);
  };

  return (
    <Stack gap="xs" mt="sm" component="section" aria-label="Course of visits">
      <Group justify="space-between">
        <Title order={4} size="h5">
          Course of visits
        </Title>
        {!open && (
          <Button size="xs" variant="light" onClick={() => setOpen(true)}>
            Book the induction
          </Button>
        )}
      </Group>
      <BookedVisits patientId={patientId} planId={plan.id} />
      {open && (
        <Stack gap="xs">
          <Checkbox.Group label="Preferred days" value={weekdays} onChange={setWeekdays}>
            <Group gap="sm" mt={4}>
              {WEEKDAYS.map((d, i) => (
                <Checkbox key={d} value={String(i + 1)} label={d} />
              ))}
            </Group>
          </Checkbox.Group>
          <Group grow gap="xs" align="flex-start">
            <TextInput
              label="Preferred start times"
              description="24-hour, separated by commas"
              value={times}
              onChange={(e) => setTimes(e.currentTarget.value)}
              error={timesValid ? undefined : 'Write times as HH:MM, for example 09:00, 13:30'}
            />
            <TextInput
              type="date"
              label="Earliest date"
              value={earliest}
              onChange={(e) => setEarliest(e.currentTarget.value)}
            />
            <NumberInput
              label="Visits"
              description="Empty: as the protocol plans"
              value={count}
              onChange={setCount}
              min={1}
              max={52}
            />
          </Group>
          <Group>
            <Button
              onClick={propose}
              loading={proposing.busy}
              disabled={weekdays.length === 0 || !timesValid || !earliest}
            >
              Propose visits
            </Button>
            <Button variant="default" onClick={() => setOpen(false)}>
              Close
            </Button>
          </Group>
          <ErrorAlert error={proposing.error} title="No visits were proposed" />
          {proposal && (
            <Stack gap="xs">
              {proposal.warnings.length > 0 && (
                <List size="sm" c="orange.9" aria-label="Warnings">
                  {proposal.warnings.map((w) => (
                    <List.Item key={w}>{w}</List.Item>
                  ))}
                </List>
              )}
              <Text size="sm">
                Each visit holds its chair for {proposal.durationMin} min. Times are the clinic’s ({timeZone}
                ).
              </Text>
              <CourseProposalTable rows={rows} onChange={setRows} errors={booking.fieldErrors} />
              <ErrorAlert
                error={booking.error}
                title="No visit was booked"
                extra={booking.unplaced(
                  rows.flatMap((_, i) => [`items.${i}.start`, `items.${i}.chairId`, `items.${i}`]),
                )}
              />
              <Group>
                <Button
                  onClick={book}
                  loading={booking.busy}
                  disabled={rows.length === 0 || rows.some((r) => !r.date || !r.time)}
                >
                  Book {rows.length} {rows.length === 1 ? 'visit' : 'visits'}
                </Button>
              </Group>
            </Stack>
          )}
        </Stack>
      )}
    </Stack>
  );
}
