/**
 * "Good-faith estimates due" for the front desk: booked visits of self-pay and uninsured patients that no estimate
 * covers, and drafted estimates not yet issued, each with the day it is due by (45 CFR 149.610(b)(1)).
 */
import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { RouterLink } from '../../../app/router.tsx';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../../ui/LoadingState.tsx';
import { useEstimatesDue } from './queries.ts';
import { COVERAGE_LABELS, calendarDate } from './words.ts';

export function EstimatesDuePage() {
  const q = useEstimatesDue();
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>Good-faith estimates due</Title>
        <Text size="sm" c="dimmed">
          Self-pay and uninsured patients are owed a written estimate: within 1 business day when a visit is
          booked 3 or more business days ahead, within 3 business days when it is booked 10 or more business
          days ahead or when the patient asks.
        </Text>
      </div>
      {q.error ? (
        <ErrorAlert error={q.error} title="Could not load the estimates due" />
      ) : !q.data ? (
        <LoadingState />
      ) : q.data.length === 0 ? (
        <Text c="dimmed">No estimates are due.</Text>
      ) : (
        <Table striped aria-label="Estimates due">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Patient</Table.Th>
              <Table.Th>Why</Table.Th>
              <Table.Th>Visit</Table.Th>
              <Table.Th>Due by</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.map((item) => (
              <Table.Tr
                key={`${item.appointmentId ?? ''}${item.estimateId ?? ''}`}
                data-testid="estimate-due-row"
              >
                <Table.Td>
                  <Anchor
                    component={RouterLink}
                    href={`/patients/${encodeURIComponent(item.patientId)}/estimates`}
                    fw={600}
                  >
                    {item.patientName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {COVERAGE_LABELS[item.coverage]}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {item.estimateId
                    ? item.kind === 'requested'
                      ? 'Asked for an estimate (draft not issued)'
                      : 'Draft not issued'
                    : 'Visit booked, no estimate'}
                  <Text size="xs" c="dimmed">
                    Since {calendarDate(item.triggerOn)}
                  </Text>
                </Table.Td>
                <Table.Td>{calendarDate(item.serviceOn)}</Table.Td>
                <Table.Td>
                  <Stack gap={2} align="flex-start">
                    <Text size="sm">{calendarDate(item.dueBy)}</Text>
                    {item.overdue && (
                      <Badge color="red.9" variant="filled" autoContrast style={{ minWidth: 'max-content' }}>
                        Overdue
                      </Badge>
                    )}
                  </Stack>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
