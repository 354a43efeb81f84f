import { Button, Group, TextInput } from '@mantine/core';
import type { AddMedicationEntryRequest, MedicationLists } from '@plasticity/contracts';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { addEntry } from './api.ts';
import { DrugNameInput } from './DrugNameInput.tsx';

interface Props {
  patientId: string;
  kind: 'medication' | 'allergy';
  onSaved: (lists: MedicationLists) => void;
  onCancel: () => void;
}

/** Adds one medicine (name, dose, how often) or one allergy (substance, reaction) to the list. */
export function AddEntryForm({ patientId, kind, onSaved, onCancel }: Props) {
  const [name, setName] = useState('');
  const [dose, setDose] = useState('');
  const [frequency, setFrequency] = useState('');
  const [reaction, setReaction] = useState('');
  const adding = useApiMutation((body: AddMedicationEntryRequest) => addEntry(patientId, body), {
    onSuccess: onSaved,
  });
  const { busy, fieldErrors: errors } = adding;
  const failure = adding.error;
  const med = kind === 'medication';
  const opt = (v: string) => (v.trim() ? v.trim() : undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    await adding.run({
      kind,
      name: name.trim(),
      ...(med ? { dose: opt(dose), frequency: opt(frequency) } : { reaction: opt(reaction) }),
    });
  };

  return (
    <form onSubmit={submit} aria-label={med ? 'Add a medicine' : 'Add an allergy'} noValidate>
      <Group align="end" wrap="wrap">
        <DrugNameInput
          label={med ? 'Medicine' : 'Allergic to'}
          value={name}
          onChange={setName}
          error={errors.name}
          required
        />
        {med ? (
          <>
            <TextInput
              label="Dose"
              value={dose}
              onChange={(e) => setDose(e.currentTarget.value)}
              error={errors.dose}
            />
            <TextInput
              label="How often"
              value={frequency}
              onChange={(e) => setFrequency(e.currentTarget.value)}
              error={errors.frequency}
            />
          </>
        ) : (
          <TextInput
            label="Reaction"
            value={reaction}
            onChange={(e) => setReaction(e.currentTarget.value)}
            error={errors.reaction}
          />
        )}
        <Button type="submit" loading={busy}>
          {med ? 'Add medicine' : 'Add allergy'}
        </Button>
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
      </Group>
      <ErrorAlert error={failure} title="Not added" />
    </form>
  );
}
