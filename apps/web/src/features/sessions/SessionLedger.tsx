/**
 * The session's entries in the controlled-substance register (draws, administrations, witnessed waste)
 * with the container's balance after each, and a link to the register's full ledger. Shown to the roles
 * that may read the register (prescribers, nurses, admins).
 */
import { Anchor, Group, Table, Text } from '@mantine/core';
import { RouterLink } from '../../app/router.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useClinicTime } from '../../ui/useClinicTime.ts';
import { useLedger } from '../controlled/queries.ts';

const TYPE: Record<string, string> = { draw: 'Drawn', administer: 'Given', waste: 'Wasted' };

/** Recording or correcting a dose invalidates the register's queries, so the entries refetch. */
export function SessionLedger({ sessionId }: { sessionId: string }) {
  const { time } = useClinicTime();
  const ledger = useLedger({ sessionId });
  if (ledger.error) return <ErrorAlert error={ledger.error} title="Could not load the register entries" />;
  const items = ledger.data ?? [];
  if (items.length === 0) return null;
  return (
    <>
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          Register entries
        </Text>
        <Anchor component={RouterLink} href="/controlled/ledger" size="sm">
          Open the register ledger
        </Anchor>
      </Group>
      <Table withTableBorder fz="sm" aria-label="Register entries of this session">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Time</Table.Th>
            <Table.Th>Entry</Table.Th>
            <Table.Th ta="right">Quantity</Table.Th>
            <Table.Th>Witness</Table.Th>
            <Table.Th ta="right">Container balance after</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{time(e.occurredAt)}</Table.Td>
              <Table.Td>
                #{e.seq} {TYPE[e.type] ?? e.type}
              </Table.Td>
              <Table.Td ta="right">{e.quantity ? `${e.quantity} ${e.unit}` : '—'}</Table.Td>
              <Table.Td>{e.witnessName ?? '—'}</Table.Td>
              <Table.Td ta="right">
                {e.balance} {e.unit}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
