/**
 * Row editors of the intake: medicines (name with suggestions from the offline drug table, dose, how often),
 * allergies (substance, reaction) and antidepressants tried in this episode (drug, dose, weeks, result). Each
 * medicine and allergy row lands on the chart's lists as patient-reported, not reconciled; the trials feed the
 * treatment-resistant depression rule.
 */
import { Button, CloseButton, Fieldset, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import type { FieldErrors } from '../../api/errors.ts';
import { DrugNameInput } from '../medications/DrugNameInput.tsx';
import { type AllergyRow, emptyRow, type MedRow, TRIAL_RESULTS, type TrialRow } from './intakeForm.ts';

interface RowsProps<T> {
  rows: T[];
  onChange: (rows: T[]) => void;
  errors: FieldErrors;
  portal: boolean;
}

function update<T>(rows: T[], i: number, patch: Partial<T>): T[] {
  return rows.map((r, n) => (n === i ? { ...r, ...patch } : r));
}

export function MedicationRows({ rows, onChange, errors, portal }: RowsProps<MedRow>) {
  return (
    <Fieldset legend={portal ? 'Medicines I take now (include supplements)' : 'Current medicines'}>
      <Stack gap="xs">
        {rows.length === 0 && <Text size="sm">None listed.</Text>}
        {rows.map((r, i) => {
          const n = i + 1;
          const e = (k: string) => errors[`medications.entries.${i}.${k}`];
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity before they are saved
            <Group key={i} align="end" wrap="wrap">
              <DrugNameInput
                label={`Medicine ${n}`}
                value={r.name}
                onChange={(name) => onChange(update(rows, i, { name }))}
                error={e('name')}
              />
              <TextInput
                label={`Medicine ${n} dose`}
                value={r.dose}
                onChange={(x) => onChange(update(rows, i, { dose: x.currentTarget.value }))}
                error={e('dose')}
              />
              <TextInput
                label={`Medicine ${n} how often`}
                value={r.frequency}
                onChange={(x) => onChange(update(rows, i, { frequency: x.currentTarget.value }))}
                error={e('frequency')}
              />
              <CloseButton
                aria-label={`Remove medicine ${n}`}
                onClick={() => onChange(rows.filter((_, k) => k !== i))}
              />
            </Group>
          );
        })}
        <Button variant="default" w="fit-content" onClick={() => onChange([...rows, emptyRow.med()])}>
          Add a medicine
        </Button>
      </Stack>
    </Fieldset>
  );
}

export function AllergyRows({ rows, onChange, errors, portal }: RowsProps<AllergyRow>) {
  return (
    <Fieldset legend={portal ? 'My allergies' : 'Allergies'}>
      <Stack gap="xs">
        {rows.length === 0 && <Text size="sm">None listed.</Text>}
        {rows.map((r, i) => {
          const n = i + 1;
          const e = (k: string) => errors[`allergyEntries.${i}.${k}`];
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity before they are saved
            <Group key={i} align="end" wrap="wrap">
              <DrugNameInput
                label={`Allergy ${n}`}
                value={r.name}
                onChange={(name) => onChange(update(rows, i, { name }))}
                error={e('name')}
              />
              <TextInput
                label={`Allergy ${n} reaction`}
                value={r.reaction}
                onChange={(x) => onChange(update(rows, i, { reaction: x.currentTarget.value }))}
                error={e('reaction')}
              />
              <CloseButton
                aria-label={`Remove allergy ${n}`}
                onClick={() => onChange(rows.filter((_, k) => k !== i))}
              />
            </Group>
          );
        })}
        <Button variant="default" w="fit-content" onClick={() => onChange([...rows, emptyRow.allergy()])}>
          Add an allergy
        </Button>
      </Stack>
    </Fieldset>
  );
}

export function TrialRows({ rows, onChange, errors, portal }: RowsProps<TrialRow>) {
  return (
    <Fieldset
      legend={
        portal ? 'Antidepressants I have tried for this depression' : 'Antidepressants tried in this episode'
      }
    >
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {portal
            ? 'One row per medicine: how much you took, for how many weeks, and how it went. Your prescriber will check these with you.'
            : 'One row per antidepressant: dose, weeks at that dose, result. Treatment-resistant depression needs adequate trials.'}
        </Text>
        {rows.map((r, i) => {
          const n = i + 1;
          const e = (k: string) => errors[`indications.depression.priorTrials.${i}.${k}`];
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity before they are saved
            <Group key={i} align="end" wrap="wrap">
              <DrugNameInput
                antidepressants
                label={`Antidepressant ${n}`}
                value={r.drug}
                onChange={(drug) => onChange(update(rows, i, { drug }))}
                error={e('drug')}
              />
              <TextInput
                label={`Antidepressant ${n} dose`}
                value={r.dose}
                onChange={(x) => onChange(update(rows, i, { dose: x.currentTarget.value }))}
                error={e('dose')}
              />
              <TextInput
                label={`Antidepressant ${n} weeks taken`}
                inputMode="decimal"
                w={170}
                value={r.weeks}
                onChange={(x) => onChange(update(rows, i, { weeks: x.currentTarget.value }))}
                error={e('durationWeeks')}
              />
              <NativeSelect
                label={`Antidepressant ${n} result`}
                value={r.outcome}
                data={[{ value: '', label: 'Choose…' }, ...TRIAL_RESULTS]}
                onChange={(x) => onChange(update(rows, i, { outcome: x.currentTarget.value }))}
                error={e('outcome')}
              />
              <CloseButton
                aria-label={`Remove antidepressant ${n}`}
                onClick={() => onChange(rows.filter((_, k) => k !== i))}
              />
            </Group>
          );
        })}
        <Button variant="default" w="fit-content" onClick={() => onChange([...rows, emptyRow.trial()])}>
          Add an antidepressant tried
        </Button>
      </Stack>
    </Fieldset>
  );
}
