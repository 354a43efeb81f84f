import { Button, Group, Table, TextInput } from '@mantine/core';
import type { InstrumentDefinition } from '@plasticity/clinical/instruments';
import { useState } from 'react';
import { useMe } from '../../app/auth.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { formatDateTime } from '../../ui/format.ts';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { type AssessmentListT, markEnteredInError } from './api.ts';
import { measurementKeys } from './queries.ts';

/** How each score was completed, in plain words. */
const COMPLETED_VIA: Record<AssessmentListT['items'][number]['completedVia'], string> = {
  patient_link: 'By the patient, from a link',
  portal: 'By the patient, in the portal',
  clinic_device: 'By the patient, on a clinic device',
  staff_entry: 'Entered by staff',
};

/** The scores behind a trend, newest first; clinicians can mark one entered in error (never deleted). */
export function ScoreTable({
  def,
  data,
  patientId,
}: {
  def: InstrumentDefinition;
  data: AssessmentListT;
  patientId: string;
}) {
  const me = useMe();
  const [marking, setMarking] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const correcting = useApiMutation((id: string) => markEnteredInError(patientId, id, reason), {
    invalidates: [measurementKeys.series(patientId)],
  });
  const { error } = correcting;
  const [shown, setShown] = useState(false);
  const canMark = ['prescriber', 'nurse', 'therapist'].includes(me.role);
  const submit = async (id: string) => {
    if (!(await correcting.run(id)).ok) return;
    setMarking(null);
    setReason('');
  };
  if (!shown) {
    return (
      <Group>
        <Button size="xs" variant="subtle" onClick={() => setShown(true)}>
          Show the {data.items.length} score{data.items.length === 1 ? '' : 's'}
        </Button>
      </Group>
    );
  }
  return (
    <>
      <Table fz="sm" aria-label={`${def.name} scores`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Date</Table.Th>
            <Table.Th>Total</Table.Th>
            <Table.Th>Severity</Table.Th>
            <Table.Th>Completed</Table.Th>
            {canMark && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...data.items].reverse().map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{formatDateTime(a.administeredAt, me.clinic.timeZone)}</Table.Td>
              <Table.Td>
                {a.total}
                {a.prorated ? ' (prorated)' : ''}
              </Table.Td>
              <Table.Td>{a.severity ?? '—'}</Table.Td>
              <Table.Td>{COMPLETED_VIA[a.completedVia]}</Table.Td>
              {canMark && (
                <Table.Td>
                  {marking === a.id ? (
                    <Group gap="xs" wrap="nowrap">
                      <TextInput
                        size="xs"
                        aria-label="Reason"
                        placeholder="Reason"
                        value={reason}
                        onChange={(e) => setReason(e.currentTarget.value)}
                      />
                      <Button
                        size="xs"
                        color="red"
                        disabled={!reason.trim()}
                        loading={correcting.busy}
                        onClick={() => submit(a.id)}
                      >
                        Mark
                      </Button>
                    </Group>
                  ) : (
                    <Button size="xs" variant="subtle" onClick={() => setMarking(a.id)}>
                      Entered in error…
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ErrorAlert error={error} title="Not marked" />
    </>
  );
}
