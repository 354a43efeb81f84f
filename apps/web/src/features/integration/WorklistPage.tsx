/**
 * The integration worklist: the integration visits the care team owes after each discharged dosing session, due
 * 24–72 h after discharge by default (the protocol's window), with their status (due, overdue, booked). Each open
 * item has a Book action that opens the booking form for that patient with the integration type, the date set to
 * the start of the window.
 */
import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import type { WorklistItem, WorklistStatus } from '@plasticity/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterLink } from '../../app/router.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useClinicTime } from '../../ui/useClinicTime.ts';
import { BookAppointmentModal, type BookingDefaults } from '../scheduling/BookAppointmentModal.tsx';
import { clinicToday, isoToLocal } from '../scheduling/clinicClock.ts';
import { integrationKeys, useWorklist } from './queries.ts';

const STATUS: Record<WorklistStatus, { label: string; color: string }> = {
  due: { label: 'Due', color: 'blue.8' },
  overdue: { label: 'Overdue', color: 'red.9' },
  booked: { label: 'Booked', color: 'green.9' },
};

const FILTERS = [
  { value: 'all', label: 'All' },
  { value: 'due', label: 'Due' },
  { value: 'overdue', label: 'Overdue' },
  { value: 'booked', label: 'Booked' },
];

function Row({ item, onBook }: { item: WorklistItem; onBook: (item: WorklistItem) => void }) {
  const t = useClinicTime();
  const s = STATUS[item.status];
  return (
    <Table.Tr data-testid="worklist-row">
      <Table.Td>
        <Anchor component={RouterLink} href={`/patients/${encodeURIComponent(item.patientId)}`} fw={600}>
          {item.patientName}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Anchor component={RouterLink} href={`/sessions/${encodeURIComponent(item.sessionId)}`} size="sm">
          {t.dateTime(item.dischargedAt)}
        </Anchor>
        <Text size="xs" c="dimmed">
          {item.protocolName}
        </Text>
      </Table.Td>
      <Table.Td>
        {t.dateTime(item.dueFrom)} – {t.dateTime(item.dueBy)}
      </Table.Td>
      <Table.Td>
        {/* max-content: the table may not squeeze the status into an ellipsis */}
        <Badge color={s.color} variant="filled" autoContrast style={{ minWidth: 'max-content' }}>
          {s.label}
        </Badge>
      </Table.Td>
      <Table.Td>
        {item.status === 'booked' && item.appointmentStart ? (
          <Text size="sm">Visit {t.dateTime(item.appointmentStart)}</Text>
        ) : (
          <Button
            size="xs"
            variant="light"
            onClick={() => onBook(item)}
            aria-label={`Book integration visit for ${item.patientName}`}
          >
            Book
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function WorklistPage() {
  const [filter, setFilter] = useState('all');
  const status = filter === 'all' ? null : (filter as WorklistStatus);
  const q = useWorklist(status);
  const { timeZone } = useClinicTime();
  const queryClient = useQueryClient();
  const [booking, setBooking] = useState<BookingDefaults | null>(null);
  const book = (item: WorklistItem) => {
    const from = isoToLocal(item.dueFrom, timeZone);
    const today = clinicToday(timeZone);
    setBooking({
      date: [from.date, today].sort()[1] ?? today,
      time: '10:00',
      patient: { id: item.patientId, label: item.patientName },
      type: 'integration',
    });
  };
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>Integration</Title>
        <Text size="sm" c="dimmed">
          An integration visit is due after each dosing session, within the protocol's window (24 to 72 hours
          after discharge unless the protocol says otherwise).
        </Text>
      </div>
      <Group>
        <SegmentedControl data={FILTERS} value={filter} onChange={setFilter} aria-label="Show" />
      </Group>
      {q.error ? (
        <ErrorAlert error={q.error} title="Could not load the worklist" />
      ) : !q.data ? (
        <LoadingState />
      ) : q.data.length === 0 ? (
        <Text c="dimmed">No integration visits to arrange.</Text>
      ) : (
        <Table striped aria-label="Integration visits">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Patient</Table.Th>
              <Table.Th>Dosing session discharged</Table.Th>
              <Table.Th>Visit window</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.map((item) => (
              <Row key={item.sessionId} item={item} onBook={book} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      <BookAppointmentModal
        defaults={booking}
        onClose={() => setBooking(null)}
        onBooked={() => void queryClient.invalidateQueries({ queryKey: integrationKeys.all })}
      />
    </Stack>
  );
}
