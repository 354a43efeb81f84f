/**
 * SPRAVATO REMS Patient Monitoring Forms not yet marked submitted, each with its 7-day deadline
 * (docs/clinical-sources.md#spravato-rems-requirements).
 */
import { Badge, Button, Stack, Table, Text, Title } from '@mantine/core';
import { useMe } from '../../app/auth.tsx';
import { RouterLink } from '../../app/router.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { statusLabel } from '../../ui/labels.ts';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { downloadRemsPdf, markRemsSubmitted } from './api.ts';
import { sessionKeys, useRemsPending } from './queries.ts';

export function RemsPage() {
  const me = useMe();
  const zone = me.clinic.timeZone;
  const { data, error } = useRemsPending();
  const downloading = useApiMutation(downloadRemsPdf);
  const marking = useApiMutation(markRemsSubmitted, {
    invalidates: (_, sessionId) => [sessionKeys.remsPending(), sessionKeys.detail(sessionId)],
  });
  return (
    <Stack gap="sm">
      <Title order={1}>REMS monitoring forms</Title>
      <Text size="sm" c="dimmed">
        A Patient Monitoring Form is due within 7 days of each esketamine session. Times in {zone}.
      </Text>
      <ErrorAlert error={error} title="Could not load the forms" />
      <ErrorAlert error={marking.error} title="The form was not marked submitted" />
      <ErrorAlert error={downloading.error} title="Could not download the REMS form" />
      {data && data.length === 0 && <Text>All forms are submitted.</Text>}
      {data && data.length > 0 && (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Patient</Table.Th>
              <Table.Th>Treatment</Table.Th>
              <Table.Th>Due by</Table.Th>
              <Table.Th>Session</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.map((f) => (
              <Table.Tr key={f.sessionId}>
                <Table.Td>{f.patientName}</Table.Td>
                <Table.Td>{formatDateTime(f.treatmentDate, zone)}</Table.Td>
                <Table.Td>
                  {formatDateTime(f.dueBy, zone)} {f.overdue && <Badge color="red">overdue</Badge>}
                </Table.Td>
                <Table.Td>
                  <RouterLink href={`/sessions/${f.sessionId}`}>{statusLabel(f.status)}</RouterLink>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="default"
                    loading={downloading.busy && downloading.variables === f.sessionId}
                    onClick={() => void downloading.run(f.sessionId)}
                  >
                    PDF
                  </Button>{' '}
                  {f.status === 'discharged' && (
                    <Button
                      size="xs"
                      loading={marking.busy && marking.variables === f.sessionId}
                      disabled={marking.busy}
                      onClick={() => void marking.run(f.sessionId)}
                    >
                      Mark submitted
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
