import { Alert, Badge, Button, Card, Group, List, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import type { ClinicTime } from '../../ui/useClinicTime.ts';
import { cancelMyAppointment, type PortalAppointmentT } from './api.ts';
import { portalKeys } from './queries.ts';

/** One upcoming visit on the portal: when, where, how to prepare, and cancelling where the clinic allows. */
export function AppointmentCard({ appt, time }: { appt: PortalAppointmentT; time: ClinicTime }) {
  const [asking, setAsking] = useState(false);
  const cancelling = useApiMutation(() => cancelMyAppointment(appt.id), {
    invalidates: [portalKeys.all],
  });
  const place = [appt.placeName, appt.clinicName].filter(Boolean).join(', ');
  const headingId = `appt-${appt.id}`;
  return (
    <Card withBorder component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <div>
            <Text id={headingId} fw={700} size="lg">
              {time.date(appt.start)} at {time.time(appt.start)}
            </Text>
            <Text>
              {appt.typeLabel} · until {time.time(appt.end)}
            </Text>
          </div>
          {appt.status === 'checked_in' && <Badge color="green">Checked in</Badge>}
        </Group>
        <div>
          <Text size="sm" fw={600}>
            Where
          </Text>
          <Text size="sm">{place}</Text>
          {appt.clinicAddress && <Text size="sm">{appt.clinicAddress}</Text>}
          {appt.clinicianName && <Text size="sm">With {appt.clinicianName}</Text>}
        </div>
        {appt.instructions.length > 0 && (
          <div>
            <Text size="sm" fw={600}>
              How to prepare
            </Text>
            <List size="sm" spacing={4}>
              {appt.instructions.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          </div>
        )}
        {appt.canCancel && appt.cancelDeadline ? (
          asking ? (
            <Alert color="orange" variant="light" title="Cancel this visit?">
              <Stack gap="xs">
                <Text size="sm">The time will be offered to other patients.</Text>
                <ErrorAlert error={cancelling.error} title="The visit was not cancelled" />
                <Group>
                  <Button color="red" loading={cancelling.busy} onClick={() => cancelling.run(undefined)}>
                    Yes, cancel the visit
                  </Button>
                  <Button variant="default" onClick={() => setAsking(false)}>
                    Keep it
                  </Button>
                </Group>
              </Stack>
            </Alert>
          ) : (
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                You can cancel online until {time.dateTime(appt.cancelDeadline)}.
              </Text>
              <Button variant="light" color="red" size="sm" onClick={() => setAsking(true)}>
                Cancel visit
              </Button>
            </Group>
          )
        ) : (
          appt.cancelNote && (
            <Text size="xs" c="dimmed">
              {appt.cancelNote}
            </Text>
          )
        )}
      </Stack>
    </Card>
  );
}
