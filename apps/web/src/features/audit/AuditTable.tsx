import { Anchor, Badge, Table, Text } from '@mantine/core';
import type { AuditEntry } from '@plasticity/contracts';
import { RouterLink } from '../../app/router.tsx';
import { formatDateTime, roleLabel } from '../../ui/format.ts';
import { auditActionLabel, outcomeLabel, resourceLabel } from '../../ui/labels.ts';
import { SortableTh } from '../../ui/SortableTh.tsx';
import type { AuditSort, SortOrder } from './auditQuery.ts';

interface Props {
  items: AuditEntry[];
  sort: AuditSort;
  order: SortOrder;
  onSort: (column: AuditSort) => void;
  timeZone: string;
  busy: boolean;
}

const COLUMNS: { column: AuditSort; label: string }[] = [
  { column: 'at', label: 'Time' },
  { column: 'userEmail', label: 'User' },
  { column: 'role', label: 'Role' },
  { column: 'action', label: 'Action' },
  { column: 'resourceType', label: 'Resource' },
  { column: 'patientId', label: 'Patient' },
  { column: 'outcome', label: 'Outcome' },
];

const shortId = (id: string) => id.slice(0, 8);

export function AuditTable({ items, sort, order, onSort, timeZone, busy }: Props) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover stickyHeader aria-label="Audit entries" aria-busy={busy}>
        <Table.Thead>
          <Table.Tr>
            {COLUMNS.map((c) => (
              <SortableTh
                key={c.column}
                column={c.column}
                label={c.label}
                sort={sort}
                order={order}
                onSort={onSort}
              />
            ))}
            <Table.Th>Source</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at, timeZone, true)}</Table.Td>
              <Table.Td>{e.userEmail ?? '—'}</Table.Td>
              <Table.Td>{e.role ? roleLabel(e.role) : '—'}</Table.Td>
              <Table.Td>{auditActionLabel(e.action)}</Table.Td>
              <Table.Td>
                {resourceLabel(e.resourceType)}
                {e.resourceId && (
                  <Text span c="dimmed" size="xs" ml={4} title={e.resourceId}>
                    {shortId(e.resourceId)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {e.patientId ? (
                  <Anchor
                    component={RouterLink}
                    href={`/patients/${e.patientId}`}
                    size="sm"
                    title={e.patientName ? undefined : e.patientId}
                  >
                    {e.patientName ?? shortId(e.patientId)}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>
                <Badge color={e.outcome === 'success' ? 'green' : 'red'}>{outcomeLabel(e.outcome)}</Badge>
              </Table.Td>
              <Table.Td>{e.sourceAddress ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
