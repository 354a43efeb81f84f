import {
  Alert,
  Button,
  Checkbox,
  Group,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { recordLoss } from './api.ts';
import { Choice } from './Choice.tsx';
import { controlledKeys, useLosses, useStock } from './queries.ts';

const TYPES = [
  { value: 'night_break_in', label: 'Night break-in' },
  { value: 'armed_robbery', label: 'Armed robbery' },
  { value: 'employee_theft', label: 'Employee theft' },
  { value: 'customer_theft', label: 'Customer theft' },
  { value: 'lost_in_transit', label: 'Lost in transit' },
  { value: 'other', label: 'Other' },
];

/**
 * Theft or significant loss (21 CFR 1301.76(b)): a guided record of the DEA-106 data with the two
 * deadlines — written notice to the DEA Field Division within 1 business day of discovery, DEA-106
 * online within 45 days — and what is still missing before it can be filed.
 */
export function LossPanel({ canMove }: { canMove: boolean }) {
  const losses = useLosses();
  const stock = useStock();
  const [v, setV] = useState({
    discoveredAt: '',
    typeOfLoss: 'other',
    explanation: '',
    containerId: '',
    quantity: '',
    police: false,
    department: '',
    prior: '0',
    phone: '',
  });
  const recording = useApiMutation(recordLoss, { invalidates: [controlledKeys.all] });
  const { error, busy } = recording;
  const errors = recording.fieldErrors;
  const submit = async () => {
    await recording.run({
      discoveredAt: v.discoveredAt ? new Date(v.discoveredAt).toISOString() : '',
      typeOfLoss: v.typeOfLoss,
      typeOfLossExplanation: v.explanation || undefined,
      policeNotified: v.police,
      police: v.police ? { department: v.department } : undefined,
      priorLossesIn24Months: Number(v.prior) || 0,
      registrantPhone: v.phone || undefined,
      lines: [{ containerId: v.containerId, quantity: v.quantity }],
    });
  };
  return (
    <Stack gap="md">
      <Alert color="red" variant="light" title="Deadlines">
        Notify the DEA Field Division Office in writing within one business day of discovering a theft or
        significant loss, and file DEA Form 106 within 45 days.
      </Alert>
      {(losses.data ?? []).length > 0 && (
        <Table withTableBorder aria-label="Loss records">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Discovered</Table.Th>
              <Table.Th>Type</Table.Th>
              <Table.Th>Written notice due</Table.Th>
              <Table.Th>DEA-106 due</Table.Th>
              <Table.Th>Still missing</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(losses.data ?? []).map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td>{l.discoveredOn}</Table.Td>
                <Table.Td>{TYPES.find((t) => t.value === l.typeOfLoss)?.label ?? l.typeOfLoss}</Table.Td>
                <Table.Td>{l.writtenNoticeDueOn}</Table.Td>
                <Table.Td>{l.dea106DueOn}</Table.Td>
                <Table.Td>
                  {l.problems.length ? l.problems.map((p) => p.message).join('; ') : 'Complete'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canMove && (
        <Stack gap="xs" maw={640}>
          <Title order={2} size="h4">
            Record a theft or loss
          </Title>
          <TextInput
            label="Discovered at"
            type="datetime-local"
            value={v.discoveredAt}
            onChange={(e) => setV({ ...v, discoveredAt: e.currentTarget.value })}
            error={errors.discoveredAt}
          />
          <Choice
            label="Type of loss"
            data={TYPES}
            value={v.typeOfLoss}
            onChange={(x) => setV({ ...v, typeOfLoss: x ?? 'other' })}
            clearable={false}
          />
          <Textarea
            label="What happened"
            value={v.explanation}
            onChange={(e) => setV({ ...v, explanation: e.currentTarget.value })}
          />
          <Group grow>
            <Choice
              label="Container"
              data={(stock.data ?? []).map((c) => ({ value: c.id, label: `${c.label} — ${c.product}` }))}
              value={v.containerId || null}
              onChange={(x) => setV({ ...v, containerId: x ?? '' })}
              error={errors['lines.0.containerId']}
            />
            <TextInput
              label="Quantity lost"
              inputMode="decimal"
              value={v.quantity}
              onChange={(e) => setV({ ...v, quantity: e.currentTarget.value })}
              error={errors['lines.0.quantity']}
            />
          </Group>
          <Checkbox
            label="Police notified"
            checked={v.police}
            onChange={(e) => setV({ ...v, police: e.currentTarget.checked })}
          />
          {v.police && (
            <TextInput
              label="Police department"
              value={v.department}
              onChange={(e) => setV({ ...v, department: e.currentTarget.value })}
            />
          )}
          <Group grow>
            <TextInput
              label="Thefts or losses in the past 24 months"
              inputMode="numeric"
              value={v.prior}
              onChange={(e) => setV({ ...v, prior: e.currentTarget.value })}
            />
            <TextInput
              label="Clinic phone for the DEA"
              value={v.phone}
              onChange={(e) => setV({ ...v, phone: e.currentTarget.value })}
            />
          </Group>
          <Text size="xs" c="dimmed">
            This record does not change stock: book the loss by resolving the count discrepancy with a
            witnessed adjustment.
          </Text>
          <ErrorAlert error={error} title="Not recorded" />
          <Group justify="flex-end">
            <Button color="red" onClick={submit} loading={busy}>
              Record loss
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
