import { Table, Text } from '@mantine/core';
import type { Patient } from '@plasticity/contracts';
import { RouterLink, useNavigate } from '../../app/router.tsx';
import { ageFrom, fullName, sexLabel } from '../../ui/format.ts';
import classes from '../../ui/ui.module.css';

interface Props {
  patients: Patient[];
  busy: boolean;
}

export function PatientTable({ patients, busy }: Props) {
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped highlightOnHover stickyHeader aria-busy={busy} aria-label="Patients">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Date of birth</Table.Th>
            <Table.Th>Sex</Table.Th>
            <Table.Th>MRN</Table.Th>
            <Table.Th>Phone</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {patients.map((p) => {
            const href = `/patients/${encodeURIComponent(p.id)}`;
            const age = ageFrom(p.dateOfBirth);
            return (
              <Table.Tr key={p.id} className={classes.clickableRow} onClick={() => navigate(href)}>
                <Table.Td>
                  <RouterLink href={href} className={classes.rowLink} onClick={(e) => e.stopPropagation()}>
                    {fullName(p)}
                  </RouterLink>
                </Table.Td>
                <Table.Td>
                  {p.dateOfBirth}
                  {age !== null && (
                    <Text span c="dimmed" size="xs" ml={6}>
                      ({age} y)
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{sexLabel(p.sex)}</Table.Td>
                <Table.Td>{p.mrn}</Table.Td>
                <Table.Td>{p.phone ?? '—'}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
