/**
 * One appointment's details and actions, opened from the calendar (click, or Enter on a focused event):
 * who, what, when and where, the plan and the patient's confirmation, then check in, move, cancel, no-show
 * and the history of changes.
 */
import { Anchor, Badge, Button, Drawer, Group, List, Stack, Tabs, Text } from '@mantine/core';
import { APPOINTMENT_STATUS_LABELS, type Appointment, PLAN_STATE_LABELS } from '@plasticity/contracts';
import { useState } from 'react';
import { RouterLink } from '../../app/router.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useClinicTime } from '../../ui/useClinicTime.ts';
import { CancelForm, NoShowForm, RescheduleForm } from './AppointmentForms.tsx';
import { appointmentFlags, escortText, isOpen } from './appointmentFlags.ts';
import { useAppointmentHistory } from './queries.ts';
import { useCheckIn, useSendConfirmationRequest } from './useAppointmentActions.ts';

function History({ id }: { id: string }) {
  const t = useClinicTime();
  const history = useAppointmentHistory(id);
  return (
    <Stack gap={4}>
      <ErrorAlert error={history.error} title="Could not load the history" />
      {history.data?.length === 0 && <Text size="sm">No changes recorded.</Text>}
      <List size="sm" spacing={2}>
        {(history.data ?? []).map((e) => (
          <List.Item key={`${e.at}-${e.action}`}>
            {t.dateTime(e.at)} · {e.summary}
            {e.byName ? ` (${e.byName})` : ''}
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}

export function AppointmentDrawer({
  appointment: a,
  onClose,
}: {
  appointment: Appointment | null;
  onClose: () => void;
}) {
  const t = useClinicTime();
  const [tab, setTab] = useState<string | null>('move');
  const checkingIn = useCheckIn();
  const requesting = useSendConfirmationRequest();
  const close = () => {
    checkingIn.reset();
    requesting.reset();
    onClose();
  };
  return (
    <Drawer
      opened={a !== null}
      onClose={close}
      position="right"
      size="md"
      title={a ? `${a.typeLabel}: ${a.patientName}` : 'Appointment'}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {a && (
        <Stack gap="sm">
          <Text size="sm">
            {t.dateTime(a.start)}–{t.time(a.end)} ({a.durationMin} min)
          </Text>
          <Text size="sm">
            {a.chairName ?? 'No chair'} · {a.clinicianName ?? 'No clinician'}
          </Text>
          <Group gap={6}>
            <Badge variant="light" color="gray.8">
              {APPOINTMENT_STATUS_LABELS[a.status]}
            </Badge>
            {a.type === 'dosing' && a.planState && (
              <Badge variant="filled" autoContrast color={a.planState === 'approved' ? 'blue.9' : 'orange.9'}>
                {PLAN_STATE_LABELS[a.planState]}
              </Badge>
            )}
          </Group>
          {escortText(a) && <Text size="sm">{escortText(a)}</Text>}
          {appointmentFlags(a)
            .filter((f) => f.key !== 'plan')
            .map((f) => (
              <Text key={f.key} size="sm" c="orange.9" fw={600}>
                {f.label}
              </Text>
            ))}
          {a.statusReason && <Text size="sm">Reason: {a.statusReason}</Text>}
          {a.notes && <Text size="sm">Notes: {a.notes}</Text>}
          <Group gap="xs">
            <Anchor component={RouterLink} href={`/patients/${a.patientId}`} size="sm">
              Open patient chart
            </Anchor>
            {a.sessionId && (
              <Anchor component={RouterLink} href={`/sessions/${a.sessionId}`} size="sm">
                Open dosing session
              </Anchor>
            )}
          </Group>
          {isOpen(a) && (
            <Group>
              <Button onClick={() => void checkingIn.run(a.id)} loading={checkingIn.busy}>
                Check in
              </Button>
              {a.type === 'dosing' && (
                <Button variant="default" onClick={() => void requesting.run(a.id)} loading={requesting.busy}>
                  Send confirmation request
                </Button>
              )}
            </Group>
          )}
          {requesting.data && (
            <Text size="sm" role="status">
              {requesting.data.withLink
                ? 'Confirmation request sent to the patient’s email.'
                : 'Reminder sent to the patient’s email (the visit is confirmed already).'}
            </Text>
          )}
          <ErrorAlert error={checkingIn.error} title="Could not check in" />
          <ErrorAlert error={requesting.error} title="Could not send the confirmation request" />
          <Tabs value={isOpen(a) ? tab : 'history'} onChange={setTab} keepMounted={false}>
            <Tabs.List>
              {isOpen(a) && <Tabs.Tab value="move">Move</Tabs.Tab>}
              {isOpen(a) && <Tabs.Tab value="cancel">Cancel</Tabs.Tab>}
              {isOpen(a) && <Tabs.Tab value="no-show">No-show</Tabs.Tab>}
              <Tabs.Tab value="history">History</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="move" pt="xs">
              <RescheduleForm key={a.id} appointment={a} onDone={close} />
            </Tabs.Panel>
            <Tabs.Panel value="cancel" pt="xs">
              <CancelForm key={a.id} appointment={a} onDone={close} />
            </Tabs.Panel>
            <Tabs.Panel value="no-show" pt="xs">
              <NoShowForm key={a.id} appointment={a} onDone={close} />
            </Tabs.Panel>
            <Tabs.Panel value="history" pt="xs">
              <History id={a.id} />
            </Tabs.Panel>
          </Tabs>
        </Stack>
      )}
    </Drawer>
  );
}
