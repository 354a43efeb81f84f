import { Table, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useClinicTime } from '../../ui/useClinicTime.ts';
import { usePart2Disclosures } from './api.ts';
import { INTERACTION_LABELS, resourceTypeLabel } from './labels.ts';

/**
 * The accounting of disclosures (42 CFR 2.25(a); contents per 45 CFR 164.528(b)(2)): each release of the
 * patient's records to a system client under a consent, newest first, over the last three years.
 */
export function DisclosuresTable({ patientId }: { patientId: string }) {
  const time = useClinicTime();
  const data = usePart2Disclosures(patientId);
  return (
    <>
      <Title order={4} mt="md">
        Accounting of disclosures
      </Title>
      {data.error ? (
        <ErrorAlert error={data.error} title="Could not load the accounting of disclosures" />
      ) : !data.data ? (
        <LoadingState />
      ) : data.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          No records have been disclosed under a consent in the last three years.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={4} fz="sm" aria-label="Accounting of disclosures">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Date and time</Table.Th>
                <Table.Th>Recipient</Table.Th>
                <Table.Th>Kind</Table.Th>
                <Table.Th>Records</Table.Th>
                <Table.Th>Count</Table.Th>
                <Table.Th>Under the consent for</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.data.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{time.dateTime(d.disclosedAt)}</Table.Td>
                  <Table.Td>{d.recipientName}</Table.Td>
                  <Table.Td>{INTERACTION_LABELS[d.interaction]}</Table.Td>
                  <Table.Td>{resourceTypeLabel(d.resourceType)}</Table.Td>
                  <Table.Td>{d.resourceCount}</Table.Td>
                  <Table.Td>{d.purpose}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
