import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import type { MedicationEntry, MedicationLists } from '@plasticity/contracts';
import { type FormEvent, useState } from 'react';
import { useMe } from '../../app/auth.tsx';
import type { ChartTabProps } from '../../app/registry.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { AddEntryForm } from './AddEntryForm.tsx';
import { closeEntry, reconcile } from './api.ts';
import { EntryTable } from './EntryTable.tsx';
import { useMedicationLists, useSetMedicationLists } from './queries.ts';

type Closing = { entry: MedicationEntry; action: 'stop' | 'entered-in-error' };

/**
 * Chart tab "Medications & allergies": the medication list and the allergy list (patient-reported or added by
 * staff), reconciled by a prescriber or nurse; entries are stopped or marked entered in error with a reason,
 * never deleted. Eligibility and the SPRAVATO REMS form read the active entries.
 */
export function MedicationsTab({ patient }: ChartTabProps) {
  const me = useMe();
  const { data, error, refetch } = useMedicationLists(patient.id);
  const setData = useSetMedicationLists(patient.id);
  const [adding, setAdding] = useState<'medication' | 'allergy' | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [closing, setClosing] = useState<Closing | null>(null);
  const [reason, setReason] = useState('');
  const change = useApiMutation((fn: () => Promise<MedicationLists>) => fn(), { onSuccess: setData });
  const failure = change.error;
  const busy = change.busy;
  const canAdd = ['prescriber', 'nurse', 'therapist'].includes(me.role);
  const canCorrect = ['prescriber', 'nurse'].includes(me.role);

  const apply = async (fn: () => Promise<MedicationLists>) => {
    if (!(await change.run(fn)).ok) return;
    setSelected(new Set());
    setClosing(null);
    setReason('');
  };
  if (error) return <ErrorAlert error={error} title="Could not load the medication list" />;
  if (!data) return <LoadingState />;

  const select = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const submitClose = (e: FormEvent) => {
    e.preventDefault();
    if (closing) void apply(() => closeEntry(patient.id, closing.entry.id, closing.action, reason.trim()));
  };
  const unreconciled = [...data.medications, ...data.allergies].filter(
    (e) => e.status === 'active' && !e.reconciledAt,
  ).length;
  const section = (kind: 'medication' | 'allergy', entries: MedicationEntry[]) => (
    <Card withBorder component="section" aria-label={kind === 'medication' ? 'Medicines' : 'Allergies'}>
      <Group justify="space-between" mb="xs">
        <Title order={3}>{kind === 'medication' ? 'Medicines' : 'Allergies'}</Title>
        {canAdd && adding !== kind && (
          <Button variant="default" onClick={() => setAdding(kind)}>
            {kind === 'medication' ? 'Add a medicine' : 'Add an allergy'}
          </Button>
        )}
      </Group>
      {adding === kind && (
        <AddEntryForm
          patientId={patient.id}
          kind={kind}
          onSaved={(lists) => {
            setData(lists);
            setAdding(null);
          }}
          onCancel={() => setAdding(null)}
        />
      )}
      <EntryTable
        kind={kind}
        entries={entries}
        timeZone={me.clinic.timeZone}
        selected={selected}
        onSelect={select}
        canReconcile={canCorrect}
        canCorrect={canCorrect}
        onClose={(entry, action) => {
          setClosing({ entry, action });
          setReason('');
        }}
      />
    </Card>
  );

  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        Eligibility and the REMS form read every active entry, reconciled or not.{' '}
        {unreconciled > 0
          ? `${unreconciled} active ${unreconciled === 1 ? 'entry is' : 'entries are'} not reconciled yet.`
          : 'Every active entry is reconciled.'}
      </Text>
      {canCorrect && (
        <Group>
          <Button
            disabled={selected.size === 0}
            loading={busy}
            onClick={() => apply(() => reconcile(patient.id, [...selected]))}
          >
            Reconcile selected ({selected.size})
          </Button>
          <Button variant="subtle" onClick={() => void refetch()}>
            Refresh
          </Button>
        </Group>
      )}
      {closing && (
        <form onSubmit={submitClose} aria-label="Reason" noValidate>
          <Group align="end">
            <TextInput
              label={
                closing.action === 'stop'
                  ? `Why is ${closing.entry.name} ${closing.entry.kind === 'medication' ? 'stopped' : 'no longer applicable'}?`
                  : `Why is ${closing.entry.name} entered in error?`
              }
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              required
              w={420}
            />
            <Button type="submit" loading={busy} disabled={!reason.trim()}>
              {closing.action === 'stop' ? 'Confirm' : 'Mark entered in error'}
            </Button>
            <Button variant="default" onClick={() => setClosing(null)}>
              Cancel
            </Button>
          </Group>
        </form>
      )}
      <ErrorAlert error={failure} title="The list was not changed" />
      {section('medication', data.medications)}
      {section('allergy', data.allergies)}
    </Stack>
  );
}
