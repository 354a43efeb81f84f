import { Anchor, Group, List, Text } from '@mantine/core';
import { RouterLink } from '../../../app/router.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../../ui/LoadingState.tsx';
import { useClinicTime } from '../../../ui/useClinicTime.ts';
import { useMyAppointments } from '../queries.ts';

/** The next visit: when, where, and how to prepare (the same preparation text as "My appointments"). */
export function NextVisitCard() {
  const t = useClinicTime();
  const visits = useMyAppointments();
  const next = visits.data?.[0];
  return (
    <>
      <ErrorAlert error={visits.error} title="Could not load your visits" />
      {!visits.data && !visits.error && <LoadingState label="Loading your visits…" />}
      {visits.data && !next && <Text>You have no visits booked.</Text>}
      {next && (
        <>
          <Text fw={700} size="lg">
            {t.date(next.start)} at {t.time(next.start)}
          </Text>
          <Text size="sm">
            {next.typeLabel}
            {next.placeName ? ` · ${next.placeName}` : ''}
            {next.clinicianName ? ` · with ${next.clinicianName}` : ''}
          </Text>
          {next.instructions.length > 0 && (
            <>
              <Text size="sm" fw={600}>
                How to prepare
              </Text>
              <List size="sm" spacing={4}>
                {next.instructions.map((line) => (
                  <List.Item key={line}>{line}</List.Item>
                ))}
              </List>
            </>
          )}
        </>
      )}
      <Group gap="md">
        <Anchor component={RouterLink} href="/my-appointments" size="sm">
          All my appointments
        </Anchor>
        <Anchor component={RouterLink} href="/my-appointments/book" size="sm">
          Book a visit
        </Anchor>
      </Group>
    </>
  );
}
