import { Button, Checkbox, Fieldset, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { IntakeRequest } from '@plasticity/contracts';
import { type FormEvent, useState } from 'react';
import type { FieldErrors } from '../../api/errors.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { submitIntake } from './api.ts';
import { AllergyRows, MedicationRows, TrialRows } from './IntakeRows.tsx';
import {
  emptyIntakeForm,
  INDICATIONS,
  type IntakeFormState,
  MEDICAL,
  MEDICATIONS,
  OTHER,
  PSYCHIATRIC,
  toIntakeRequest,
  type YesNo,
} from './intakeForm.ts';
import { planKeys } from './queries.ts';

interface Props {
  patientId: string;
  /** Portal wording ("I", "me") and fewer clinical fields. */
  portal?: boolean;
  onSaved: () => void;
  onCancel?: () => void;
}

const NUMBERS: Array<{ key: string; label: string; field: string; staffOnly?: boolean }> = [
  { key: 'heightCm', label: 'Height (cm)', field: 'measurements.heightCm' },
  { key: 'weightKg', label: 'Weight (kg)', field: 'measurements.weightKg' },
  {
    key: 'baselineSbp',
    label: 'Baseline systolic BP (mmHg)',
    field: 'measurements.baselineSbp',
    staffOnly: true,
  },
  {
    key: 'baselineDbp',
    label: 'Baseline diastolic BP (mmHg)',
    field: 'measurements.baselineDbp',
    staffOnly: true,
  },
  {
    key: 'baselineHr',
    label: 'Baseline heart rate (beats/min)',
    field: 'measurements.baselineHr',
    staffOnly: true,
  },
  { key: 'auditTotal', label: 'AUDIT total (0–40)', field: 'substanceUse.auditTotal', staffOnly: true },
  { key: 'dast10Total', label: 'DAST-10 total (0–10)', field: 'substanceUse.dast10Total', staffOnly: true },
  {
    key: 'suicideAttemptsLifetime',
    label: 'Suicide attempts, lifetime (number)',
    field: 'psychiatric.suicideAttemptsLifetime',
  },
];

/** The structured intake, for the patient in the portal or staff in the chart. Every unticked box is sent as "no". */
export function IntakeForm({ patientId, portal = false, onSaved, onCancel }: Props) {
  const [f, setF] = useState<IntakeFormState>(emptyIntakeForm);
  const save = useApiMutation((body: IntakeRequest) => submitIntake(patientId, body), {
    invalidates: [planKeys.intakes(patientId), planKeys.eligibility(patientId)],
  });
  const errors: FieldErrors = save.fieldErrors;
  const failure = save.error;
  const busy = save.busy;

  const check = (k: string, v: boolean) => setF((s) => ({ ...s, checks: { ...s.checks, [k]: v } }));
  const boxes = (title: string, items: YesNo[]) => (
    <Fieldset legend={title}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        {items.map((i) => (
          <Checkbox
            key={i.key}
            label={i.label}
            checked={f.checks[i.key] === true}
            onChange={(e) => check(i.key, e.currentTarget.checked)}
          />
        ))}
      </SimpleGrid>
    </Fieldset>
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if ((await save.run(toIntakeRequest(f))).ok) onSaved();
  };

  const shownFields = NUMBERS.map((n) => n.field);
  const inRows = /^(medications\.entries|allergyEntries|indications\.depression\.priorTrials)\.\d+\./;
  const unplaced = Object.entries(errors)
    .filter(([k]) => !shownFields.includes(k) && !inRows.test(k))
    .map(([k, m]) => `${k}: ${m}`);

  return (
    <form onSubmit={submit} aria-label="Intake form" noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {portal
            ? 'Tick every statement that is true for you. Anything left unticked is recorded as "no".'
            : 'Tick every item that applies; unticked items are recorded as "no".'}
        </Text>
        {boxes(portal ? 'What I am seeking treatment for' : 'Indications', INDICATIONS)}
        {f.checks.depression && (
          <>
            <Checkbox
              label="Thoughts of suicide now"
              checked={f.checks.suicidalIdeation === true}
              onChange={(e) => check('suicidalIdeation', e.currentTarget.checked)}
            />
            <TrialRows
              rows={f.trials}
              onChange={(trials) => setF((s) => ({ ...s, trials }))}
              errors={errors}
              portal={portal}
            />
          </>
        )}
        {boxes(portal ? 'Mental health history' : 'Psychiatric history', PSYCHIATRIC)}
        {boxes(portal ? 'Medical history' : 'Medical history', MEDICAL)}
        {boxes(portal ? 'Kinds of medicine I take' : 'Current medication classes', MEDICATIONS)}
        <MedicationRows
          rows={f.medications}
          onChange={(medications) => setF((s) => ({ ...s, medications }))}
          errors={errors}
          portal={portal}
        />
        <AllergyRows
          rows={f.allergies}
          onChange={(allergies) => setF((s) => ({ ...s, allergies }))}
          errors={errors}
          portal={portal}
        />
        {boxes(portal ? 'Substances, ketamine and getting home' : 'Substance use, ketamine, escort', OTHER)}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          {NUMBERS.filter((n) => !portal || !n.staffOnly).map((n) => (
            <TextInput
              key={n.key}
              label={n.label}
              inputMode="decimal"
              value={f.numbers[n.key] ?? ''}
              onChange={({ currentTarget: { value } }) =>
                setF((s) => ({ ...s, numbers: { ...s.numbers, [n.key]: value } }))
              }
              error={errors[n.field]}
            />
          ))}
        </SimpleGrid>
        <ErrorAlert error={failure} title="The intake was not saved" extra={unplaced} />
        <Group>
          <Button type="submit" loading={busy}>
            {portal ? 'Submit my intake' : 'Save intake'}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
