import { Alert, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { recordCount, type Witness } from './api.ts';
import { controlledKeys, useStock } from './queries.ts';
import { WitnessFields } from './WitnessFields.tsx';

/**
 * End-of-shift or daily count by two people: the signed-in user counts every container physically,
 * a colleague co-signs. Expected balances are deliberately not shown (a blind count), so a
 * difference is found rather than copied.
 */
export function CountPanel() {
  const stock = useStock();
  const [counted, setCounted] = useState<Record<string, string>>({});
  const [witness, setWitness] = useState<Witness>({ email: '', password: '' });
  const counting = useApiMutation(recordCount, { invalidates: [controlledKeys.all] });
  const { error, busy } = counting;
  const [result, setResult] = useState<{ matched: number; discrepancies: number } | null>(null);
  const rows = (stock.data ?? []).filter((c) => c.status !== 'empty');
  const submit = async () => {
    const r = await counting.run({
      scope: 'full',
      lines: rows.map((c) => ({
        containerId: c.id,
        quantity: (counted[c.id] ?? '').trim() || '0',
        unit: c.unit,
      })),
      witness,
    });
    if (r.ok) {
      setResult({ matched: r.data.matched.length, discrepancies: r.data.discrepancies.length });
      setWitness({ email: '', password: '' });
    } else setWitness({ ...witness, password: '' });
  };
  if (result) {
    return (
      <Alert
        color={result.discrepancies === 0 ? 'teal' : 'orange'}
        role="status"
        title={result.discrepancies === 0 ? 'Count matches the ledger' : 'Count differs from the ledger'}
      >
        {result.matched} container(s) match.{' '}
        {result.discrepancies > 0
          ? `${result.discrepancies} discrepancy(ies) opened: resolve them on the Discrepancies tab.`
          : 'No discrepancies.'}
        <Group mt="sm">
          <Button size="xs" variant="light" onClick={() => setResult(null)}>
            New count
          </Button>
        </Group>
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      <Text size="sm">
        Count every container on hand. Enter what is physically there; empty containers are not listed.
      </Text>
      <ErrorAlert error={stock.error} title="Could not load stock" />
      <Table withTableBorder aria-label="Count sheet">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Location</Table.Th>
            <Table.Th>Container</Table.Th>
            <Table.Th>Product</Table.Th>
            <Table.Th>Counted</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{c.location}</Table.Td>
              <Table.Td>{c.label}</Table.Td>
              <Table.Td>{c.product}</Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={`Counted ${c.label} (${c.unit})`}
                  name={`count-${c.label}`}
                  inputMode="decimal"
                  rightSection={<Text size="xs">{c.unit}</Text>}
                  value={counted[c.id] ?? ''}
                  onChange={(e) => setCounted({ ...counted, [c.id]: e.currentTarget.value })}
                  w={140}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <WitnessFields
        legend="Second counter"
        value={witness}
        onChange={setWitness}
        error={counting.fieldErrors.witness}
        name="count-witness"
      />
      <ErrorAlert error={error} title="Count not recorded" />
      <Group justify="flex-end">
        <Button onClick={submit} loading={busy} disabled={rows.length === 0}>
          Submit count
        </Button>
      </Group>
    </Stack>
  );
}
