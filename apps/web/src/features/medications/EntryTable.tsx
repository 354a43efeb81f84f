import { Badge, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import type { MedicationEntry } from '@plasticity/contracts';
import { formatDateTime } from '../../ui/format.ts';
import { classLabel, reportedLabel, statusLabel } from './labels.ts';

interface Props {
  kind: 'medication' | 'allergy';
  entries: MedicationEntry[];
  timeZone: string;
  selected: Set<string>;
  onSelect: (id: string, on: boolean) => void;
  canReconcile: boolean;
  canCorrect: boolean;
  onClose: (entry: MedicationEntry, action: 'stop' | 'entered-in-error') => void;
}

/** One list (medicines or allergies): what, how much, who reported it, its status and who reconciled it. */
export function EntryTable({
  kind,
  entries,
  timeZone,
  selected,
  onSelect,
  canReconcile,
  canCorrect,
  onClose,
}: Props) {
  const med = kind === 'medication';
  if (entries.length === 0)
    return <Text c="dimmed">{med ? 'No medicines recorded.' : 'No allergies recorded.'}</Text>;
  return (
    <Table striped aria-label={med ? 'Medication list' : 'Allergy list'}>
      <Table.Thead>
        <Table.Tr>
          {canReconcile && <Table.Th>Select</Table.Th>}
          <Table.Th>{med ? 'Medicine' : 'Allergic to'}</Table.Th>
          <Table.Th>{med ? 'Dose and how often' : 'Reaction'}</Table.Th>
          <Table.Th>Reported</Table.Th>
          <Table.Th>Status</Table.Th>
          {canCorrect && <Table.Th>Actions</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((e) => {
          const active = e.status === 'active';
          return (
            <Table.Tr key={e.id} data-testid={`entry-${e.name}`} c={active ? undefined : 'dimmed'}>
              {canReconcile && (
                <Table.Td>
                  {active && !e.reconciledAt && (
                    <Checkbox
                      aria-label={`Select ${e.name} to reconcile`}
                      checked={selected.has(e.id)}
                      onChange={(x) => onSelect(e.id, x.currentTarget.checked)}
                    />
                  )}
                </Table.Td>
              )}
              <Table.Td>
                <Stack gap={2}>
                  <Text size="sm" fw={500} td={active ? undefined : 'line-through'}>
                    {e.name}
                  </Text>
                  <Group gap={4}>
                    {e.classes
                      .filter((c) => c !== 'antidepressant')
                      .map((c) => (
                        <Badge key={c} size="sm" color="yellow.4" c="dark">
                          {classLabel(c)}
                        </Badge>
                      ))}
                    {e.rxcui ? (
                      <Text size="xs" c="dimmed">
                        RxNorm {e.rxcui}
                      </Text>
                    ) : (
                      <Text size="xs" c="dimmed">
                        Not coded
                      </Text>
                    )}
                  </Group>
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">
                  {med ? [e.dose, e.frequency].filter(Boolean).join(', ') || '—' : e.reaction || '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{reportedLabel(e)}</Text>
                <Text size="xs" c="dimmed">
                  {e.reportedByName ? `${e.reportedByName}, ` : ''}
                  {formatDateTime(e.createdAt, timeZone)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{statusLabel(e)}</Text>
                {e.reconciledAt && (
                  <Text size="xs" c="dimmed">
                    Reconciled by {e.reconciledByName ?? 'a clinician'},{' '}
                    {formatDateTime(e.reconciledAt, timeZone)}
                  </Text>
                )}
                {e.stoppedAt && (
                  <Text size="xs" c="dimmed">
                    {e.stoppedByName ?? 'A clinician'}, {formatDateTime(e.stoppedAt, timeZone)}:{' '}
                    {e.stopReason}
                  </Text>
                )}
                {e.enteredInErrorAt && (
                  <Text size="xs" c="dimmed">
                    {e.enteredInErrorByName ?? 'A clinician'}, {formatDateTime(e.enteredInErrorAt, timeZone)}:{' '}
                    {e.enteredInErrorReason}
                  </Text>
                )}
              </Table.Td>
              {canCorrect && (
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    {active && (
                      <Button size="compact-sm" variant="default" onClick={() => onClose(e, 'stop')}>
                        {med ? `Stop ${e.name}` : `No longer applies: ${e.name}`}
                      </Button>
                    )}
                    {e.status !== 'entered_in_error' && (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        onClick={() => onClose(e, 'entered-in-error')}
                      >
                        Entered in error
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
