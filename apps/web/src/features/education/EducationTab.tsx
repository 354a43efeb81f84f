import { Alert, Badge, Stack, Table, Text } from '@mantine/core';
import { EDUCATION_TOPIC_LABELS } from '@plasticity/contracts';
import type { ChartTabProps } from '../../app/registry.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useClinicTime } from '../../ui/useClinicTime.ts';
import type { PatientEducationItemT } from './api.ts';
import { usePatientEducation } from './queries.ts';

function state(i: PatientEducationItemT): { label: string; color: string } {
  if (i.readVersion === null) return { label: 'Not read', color: 'gray.7' };
  if (i.readCurrent) return { label: 'Read', color: 'green.9' };
  return { label: `Read version ${i.readVersion} of ${i.currentVersion}`, color: 'yellow.4' };
}

/** Chart tab "Education": which of the clinic's pages the patient has read, and whether the current text. */
export function EducationTab({ patient }: ChartTabProps) {
  const t = useClinicTime();
  const items = usePatientEducation(patient.id);
  if (items.error) return <ErrorAlert error={items.error} title="Could not load the education record" />;
  if (!items.data) return <LoadingState />;
  const read = items.data.filter((i) => i.readCurrent).length;
  return (
    <Stack gap="sm">
      <Text size="sm">
        {read} of {items.data.length} pages read in their current version.
      </Text>
      {items.data.length === 0 ? (
        <Alert>The clinic has no education pages.</Alert>
      ) : (
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Page</Table.Th>
              <Table.Th>Topic</Table.Th>
              <Table.Th>State</Table.Th>
              <Table.Th>Read on</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.data.map((i) => {
              const s = state(i);
              return (
                <Table.Tr key={i.slug}>
                  <Table.Td>{i.title}</Table.Td>
                  <Table.Td>{EDUCATION_TOPIC_LABELS[i.topic]}</Table.Td>
                  <Table.Td>
                    <Badge variant="filled" autoContrast color={s.color} size="sm">
                      {s.label}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{i.readAt ? t.dateTime(i.readAt) : ''}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
