import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useMe } from '../../app/auth.tsx';
import { RouterLink } from '../../app/router.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useClinicTime } from '../../ui/useClinicTime.ts';
import { AppointmentCard } from './AppointmentCard.tsx';
import { useMyAppointments } from './queries.ts';

/** Portal "My appointments": upcoming visits with place and preparation; booking and cancelling. */
export function PortalAppointments() {
  const me = useMe();
  const time = useClinicTime();
  const list = useMyAppointments();
  if (!me.patientId)
    return (
      <Alert color="indigo">
        Your account is not linked to a patient record yet. Please contact the clinic.
      </Alert>
    );
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>My appointments</Title>
          <Text size="sm" c="dimmed">
            Times are {me.clinic.name}’s local time.
          </Text>
        </div>
        <Button
          component={RouterLink}
          href="/my-appointments/book"
          leftSection={<IconCalendarPlus size={18} />}
        >
          Book a visit
        </Button>
      </Group>
      {list.error ? (
        <ErrorAlert error={list.error} title="Could not load your appointments" />
      ) : !list.data ? (
        <LoadingState label="Loading your appointments…" />
      ) : list.data.length === 0 ? (
        <Text c="dimmed">You have no upcoming appointments.</Text>
      ) : (
        list.data.map((a) => <AppointmentCard key={a.id} appt={a} time={time} />)
      )}
    </Stack>
  );
}
