import { Group, Loader, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { movementLabel } from '../../ui/labels.ts';
import { Choice } from './Choice.tsx';
import { useLedger, useRegisterPatients, useStock } from './queries.ts';

/** The append-only ledger with the container's running balance after each entry. */
export function LedgerPanel({ timeZone }: { timeZone: string }) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [containerId, setContainerId] = useState<string | null>(null);
  const ledger = useLedger({
    from: from || undefined,
    to: to || undefined,
    containerId: containerId ?? undefined,
  });
  const stock = useStock();
  const patients = useRegisterPatients();
  const label = new Map((stock.data ?? []).map((c) => [c.id, c.label]));
  const name = new Map((patients.data ?? []).map((p) => [p.id, `${p.lastName}, ${p.firstName}`]));
  return (
    <>
      <Group align="end" mb="sm">
        <TextInput label="From" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput label="To" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        <Choice
          label="Container"
          clearable
          data={(stock.data ?? []).map((c) => ({ value: c.id, label: `${c.label} — ${c.product}` }))}
          value={containerId}
          onChange={setContainerId}
        />
        {ledger.isFetching && <Loader size="sm" aria-label="Loading ledger" />}
      </Group>
      <ErrorAlert error={ledger.error} title="Could not load the ledger" />
      {ledger.data && ledger.data.length === 0 && <Text>No entries in this period.</Text>}
      {ledger.data && ledger.data.length > 0 && (
        <Table striped withTableBorder aria-label="Ledger">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When ({timeZone})</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Container</Table.Th>
              <Table.Th ta="right">Quantity</Table.Th>
              <Table.Th>Patient</Table.Th>
              <Table.Th>Recorded by</Table.Th>
              <Table.Th>Witness</Table.Th>
              <Table.Th>Reason / correction</Table.Th>
              <Table.Th ta="right">Balance after</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {ledger.data.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{formatDateTime(e.occurredAt, timeZone)}</Table.Td>
                <Table.Td>
                  {movementLabel(e.type)}
                  {e.wasteFrom ? ` (from the ${e.wasteFrom === 'draw' ? 'dose drawn' : 'container'})` : ''}
                </Table.Td>
                <Table.Td>{label.get(e.containerId) ?? '—'}</Table.Td>
                <Table.Td ta="right">{e.quantity ? `${e.quantity} ${e.unit}` : '—'}</Table.Td>
                <Table.Td>{e.patientId ? (name.get(e.patientId) ?? 'patient') : '—'}</Table.Td>
                <Table.Td>{e.recordedByName ?? '—'}</Table.Td>
                <Table.Td>{e.witnessName ?? '—'}</Table.Td>
                <Table.Td>{[e.correctionKind, e.reason].filter(Boolean).join(': ') || '—'}</Table.Td>
                <Table.Td ta="right">{e.balance}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}
