/**
 * The front desk's day: today's appointments (clinic's date) in time order with the patient, type, chair,
 * clinician, status, the plan behind a dosing visit and what the patient confirmed (escort, or a clear
 * "Escort not confirmed"; a reschedule request), with Check in, No-show and Cancel at hand.
 */
import { Button, Group, Modal, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { APPOINTMENT_STATUS_LABELS, type Appointment, PLAN_STATE_LABELS } from '@plasticity/contracts';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useClinicTime } from '../../ui/useClinicTime.ts';
import { CancelForm, NoShowForm } from './AppointmentForms.tsx';
import { appointmentFlags, escortText, isOpen } from './appointmentFlags.ts';
import { clinicToday, spanOf } from './clinicClock.ts';
import { useAppointments } from './queries.ts';
import { useCheckIn } from './useAppointmentActions.ts';

type Pending = { kind: 'cancel' | 'no-show'; appointment: Appointment } | null;

function Row({ a, onAsk }: { a: Appointment; onAsk: (p: Pending) => void }) {
  const t = useClinicTime();
  const checkingIn = useCheckIn();
  const flags = appointmentFlags(a).filter((f) => f.key !== 'plan' && f.key !== 'escort');
  const escort = escortText(a);
  const who = `${a.patientName} at ${t.time(a.start)}`;
  return (
    <Table.Tr data-testid="day-row">
      <Table.Td>
        {t.time(a.start)}–{t.time(a.end)}
      </Table.Td>
      <Table.Td fw={600}>{a.patientName}</Table.Td>
      <Table.Td>{a.typeLabel}</Table.Td>
      <Table.Td>{a.chairName ?? '—'}</Table.Td>
      <Table.Td>{a.clinicianName ?? '—'}</Table.Td>
      <Table.Td>{APPOINTMENT_STATUS_LABELS[a.status]}</Table.Td>
      <Table.Td>
        {a.type === 'dosing' && a.planState ? (
          <Text
            size="sm"
            c={a.planState === 'approved' ? undefined : 'orange.9'}
            fw={a.planState === 'approved' ? 400 : 600}
          >
            {PLAN_STATE_LABELS[a.planState]}
          </Text>
        ) : (
          '—'
        )}
      </Table.Td>
      <Table.Td>
        {escort ? (
          <Text
            size="sm"
            c={a.confirmation?.status === 'confirmed' ? undefined : 'orange.9'}
            fw={a.confirmation?.status === 'confirmed' ? 400 : 600}
          >
            {escort}
          </Text>
        ) : (
          '—'
        )}
        {flags.map((f) => (
          <Text key={f.key} size="xs" c="orange.9">
            {f.label}
          </Text>
        ))}
      </Table.Td>
      <Table.Td>
        {isOpen(a) ? (
          <Group gap={4} wrap="nowrap">
            <Button
              size="compact-sm"
              onClick={() => void checkingIn.run(a.id)}
              loading={checkingIn.busy}
              aria-label={`Check in ${who}`}
            >
              Check in
            </Button>
            <Button
              size="compact-sm"
              variant="default"
              onClick={() => onAsk({ kind: 'no-show', appointment: a })}
              aria-label={`No-show: ${who}`}
            >
              No-show
            </Button>
            <Button
              size="compact-sm"
              variant="subtle"
              color="red.9"
              // The subtle variant's own red is too light for small text (axe: 4.3:1 on a hovered row).
              c="red.9"
              onClick={() => onAsk({ kind: 'cancel', appointment: a })}
              aria-label={`Cancel ${who}`}
            >
              Cancel
            </Button>
          </Group>
        ) : null}
        <ErrorAlert error={checkingIn.error} title="Could not check in" />
      </Table.Td>
    </Table.Tr>
  );
}

export function DayListPage() {
  const { timeZone } = useClinicTime();
  const [date, setDate] = useState(() => clinicToday(timeZone));
  const [pending, setPending] = useState<Pending>(null);
  const span = spanOf(date, 'day', timeZone);
  const list = useAppointments({ from: span.from, to: span.to, status: 'all' });
  const items = [...(list.data ?? [])].sort((x, y) => x.start.localeCompare(y.start));
  const unconfirmed = items.filter((a) => isOpen(a) && a.confirmation?.status === 'unconfirmed').length;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={1} size="h3">
          Today’s appointments
        </Title>
        <TextInput
          type="date"
          aria-label="Day shown"
          value={date}
          onChange={(e) => e.currentTarget.value && setDate(e.currentTarget.value)}
          w={160}
        />
      </Group>
      <Text size="sm" c="dimmed">
        {items.length} {items.length === 1 ? 'appointment' : 'appointments'}
        {unconfirmed > 0 ? ` · ${unconfirmed} without a confirmed escort` : ''}
      </Text>
      <ErrorAlert error={list.error} title="Could not load the day" />
      {list.data && items.length === 0 && <Text c="dimmed">No appointments on this day.</Text>}
      {items.length > 0 && (
        <Table striped highlightOnHover verticalSpacing={4} fz="sm" aria-label="Appointments of the day">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Time</Table.Th>
              <Table.Th>Patient</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Chair</Table.Th>
              <Table.Th>Clinician</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Plan</Table.Th>
              <Table.Th>Confirmation</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((a) => (
              <Row key={a.id} a={a} onAsk={setPending} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal
        opened={pending !== null}
        onClose={() => setPending(null)}
        title={pending?.kind === 'cancel' ? 'Cancel appointment' : 'Mark no-show'}
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {pending?.kind === 'cancel' && (
          <CancelForm appointment={pending.appointment} onDone={() => setPending(null)} />
        )}
        {pending?.kind === 'no-show' && (
          <NoShowForm appointment={pending.appointment} onDone={() => setPending(null)} />
        )}
      </Modal>
    </Stack>
  );
}
