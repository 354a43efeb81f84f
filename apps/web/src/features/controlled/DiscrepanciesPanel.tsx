import { Badge, Button, Checkbox, Group, Modal, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { statusLabel } from '../../ui/labels.ts';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { type Discrepancy, escalateDiscrepancy, resolveDiscrepancy, type Witness } from './api.ts';
import { controlledKeys, useDiscrepancies, useStock } from './queries.ts';
import { WitnessFields } from './WitnessFields.tsx';

/** Count discrepancies: resolve with an explanation (optionally a witnessed adjustment) or escalate as a possible loss. */
export function DiscrepanciesPanel({ canMove }: { canMove: boolean }) {
  const list = useDiscrepancies();
  const stock = useStock();
  const [acting, setActing] = useState<{ d: Discrepancy; mode: 'resolve' | 'escalate' } | null>(null);
  const label = new Map((stock.data ?? []).map((c) => [c.id, c.label]));
  return (
    <Stack gap="sm">
      <ErrorAlert error={list.error} title="Could not load discrepancies" />
      {list.data && list.data.length === 0 && (
        <Text>No discrepancies. Every count so far matched the ledger.</Text>
      )}
      {list.data && list.data.length > 0 && (
        <Table withTableBorder aria-label="Discrepancies">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Container</Table.Th>
              <Table.Th ta="right">Ledger</Table.Th>
              <Table.Th ta="right">Counted</Table.Th>
              <Table.Th ta="right">Difference</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Explanation</Table.Th>
              {canMove && <Table.Th>Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{label.get(d.containerId) ?? '—'}</Table.Td>
                <Table.Td ta="right">
                  {d.expected} {d.unit}
                </Table.Td>
                <Table.Td ta="right">{d.counted}</Table.Td>
                <Table.Td ta="right">{d.difference}</Table.Td>
                <Table.Td>
                  <Badge
                    color={d.status === 'open' ? 'orange' : d.status === 'escalated' ? 'red' : 'teal'}
                    variant="light"
                  >
                    {statusLabel(d.status)}
                  </Badge>
                </Table.Td>
                <Table.Td>{d.explanation ?? d.escalationNote ?? '—'}</Table.Td>
                {canMove && (
                  <Table.Td>
                    {d.status !== 'resolved' && (
                      <Group gap={4}>
                        <Button size="xs" variant="light" onClick={() => setActing({ d, mode: 'resolve' })}>
                          Resolve
                        </Button>
                        {d.status === 'open' && (
                          <Button
                            size="xs"
                            variant="light"
                            color="red"
                            onClick={() => setActing({ d, mode: 'escalate' })}
                          >
                            Escalate as possible loss
                          </Button>
                        )}
                      </Group>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {acting && <ActModal {...acting} onClose={() => setActing(null)} onDone={() => setActing(null)} />}
    </Stack>
  );
}

function ActModal({
  d,
  mode,
  onClose,
  onDone,
}: {
  d: Discrepancy;
  mode: 'resolve' | 'escalate';
  onClose: () => void;
  onDone: () => void;
}) {
  const [text, setText] = useState('');
  const [adjust, setAdjust] = useState(true);
  const [witness, setWitness] = useState<Witness>({ email: '', password: '' });
  const saving = useApiMutation(
    () =>
      mode === 'resolve'
        ? resolveDiscrepancy(d.id, { explanation: text, adjust, ...(adjust ? { witness } : {}) })
        : escalateDiscrepancy(d.id, text),
    { invalidates: [controlledKeys.all] },
  );
  const { error, busy } = saving;
  const submit = async () => {
    if ((await saving.run(undefined)).ok) onDone();
    else setWitness((w) => ({ ...w, password: '' }));
  };
  return (
    <Modal
      opened
      closeButtonProps={{ 'aria-label': 'Close' }}
      onClose={onClose}
      title={mode === 'resolve' ? 'Resolve discrepancy' : 'Escalate as possible theft or loss'}
    >
      <Stack gap="sm">
        <Text size="sm">
          Ledger {d.expected} {d.unit}, counted {d.counted} {d.unit} (difference {d.difference}).
        </Text>
        <Textarea
          label={mode === 'resolve' ? 'Explanation' : 'Why this may be a loss'}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          autosize
          minRows={2}
        />
        {mode === 'resolve' && (
          <Checkbox
            label="Book the difference as a witnessed adjustment"
            checked={adjust}
            onChange={(e) => setAdjust(e.currentTarget.checked)}
          />
        )}
        {mode === 'resolve' && adjust && (
          <WitnessFields legend="Witness" value={witness} onChange={setWitness} />
        )}
        {mode === 'escalate' && (
          <Text size="sm">
            The container is held (quarantined). Record the loss on the Theft or loss tab: written notice to
            the DEA within 1 business day, DEA-106 within 45 days.
          </Text>
        )}
        <ErrorAlert error={error} title="Not saved" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={submit} loading={busy} color={mode === 'escalate' ? 'red' : undefined}>
            {mode === 'resolve' ? 'Resolve' : 'Escalate'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
