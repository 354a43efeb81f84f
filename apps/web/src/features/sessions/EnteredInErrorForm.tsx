/**
 * A prescriber marks a wrong administration entered in error: it stays on the record with the reason, and
 * its register entries are reversed by correcting entries co-signed by a witness (a second prescriber or
 * nurse), as every register correction is.
 */
import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import type { Witness } from '../controlled/api.ts';
import { controlledKeys } from '../controlled/queries.ts';
import { WitnessFields } from '../controlled/WitnessFields.tsx';
import { type Administration, administrationEnteredInError, type SessionRecord } from './api.ts';

export function EnteredInErrorForm({
  s,
  a,
  onChange,
}: {
  s: SessionRecord;
  a: Administration;
  onChange: (s?: SessionRecord) => void;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [witness, setWitness] = useState<Witness>({ email: '', password: '' });
  const marking = useApiMutation(
    () =>
      administrationEnteredInError(s.id, a.id, {
        reason: reason.trim(),
        ...(a.register ? { witness } : {}),
      }),
    // Register entries are reversed with it.
    { invalidates: [controlledKeys.all] },
  );
  const { error, busy } = marking;
  const errors = marking.fieldErrors;
  if (!open)
    return (
      <Button size="xs" variant="subtle" color="red.9" onClick={() => setOpen(true)}>
        Mark entered in error
      </Button>
    );
  const save = async () => {
    const result = await marking.run(undefined);
    if (result.ok) {
      onChange(result.data);
      setOpen(false);
    } else setWitness((w) => ({ ...w, password: '' }));
  };
  return (
    <Stack gap="xs" maw={420}>
      <Textarea
        label="Why was this dose entered in error?"
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        autosize
        minRows={1}
        error={errors.reason}
      />
      {a.register && (
        <WitnessFields
          legend="Witness to the register correction"
          name="error-witness"
          value={witness}
          onChange={setWitness}
          error={errors.witness}
        />
      )}
      <Group>
        <Button size="xs" color="red.9" onClick={save} loading={busy} disabled={!reason.trim()}>
          Mark entered in error
        </Button>
        <Button size="xs" variant="default" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </Group>
      <ErrorAlert error={error} title="Not marked" />
    </Stack>
  );
}
