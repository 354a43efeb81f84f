import { Button, Group, Stack } from '@mantine/core';
import type { UpdatePatientRequest } from '@plasticity/contracts';
import { IconPencil } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import type { FieldErrors } from '../../api/errors.ts';
import { updatePatient } from '../../api/patients.ts';
import { useMe } from '../../app/auth.tsx';
import type { ChartTabProps } from '../../app/registry.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { PatientDetails } from './PatientDetails.tsx';
import { PatientFormFields } from './PatientFormFields.tsx';
import {
  type FieldKey,
  formFromPatient,
  SHOWN_FIELDS_EDIT,
  toUpdateBody,
  validateUpdate,
} from './patientForm.ts';
import { patientKeys } from './queries.ts';

/** First chart tab: shows the record; staff edit it in place (PATCH with only the changed fields). */
export function DemographicsTab({ patient, onPatientChange }: ChartTabProps) {
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState(() => formFromPatient(patient));
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const save = useApiMutation((body: UpdatePatientRequest) => updatePatient(patient.id, body), {
    invalidates: [[...patientKeys.all, 'search']],
  });
  const errors = { ...save.fieldErrors, ...localErrors };
  const busy = save.busy;

  const startEditing = () => {
    setValues(formFromPatient(patient));
    setLocalErrors({});
    save.reset();
    setEditing(true);
  };

  const onChange = (key: FieldKey, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (localErrors[key]) setLocalErrors(({ [key]: _, ...rest }) => rest);
    save.clearField(key);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = toUpdateBody(formFromPatient(patient), values);
    if (Object.keys(body).length === 0) {
      setEditing(false);
      return;
    }
    const local = validateUpdate(body);
    setLocalErrors(local);
    if (Object.keys(local).length > 0) return;
    const result = await save.run(body);
    if (!result.ok) return;
    onPatientChange(result.data);
    setEditing(false);
  };

  if (!editing) {
    return (
      <Stack gap="sm">
        {me.role !== 'patient' && (
          <Group justify="flex-end">
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPencil size={14} aria-hidden />}
              onClick={startEditing}
            >
              Edit demographics
            </Button>
          </Group>
        )}
        <PatientDetails patient={patient} />
      </Stack>
    );
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Edit demographics">
      <Stack gap="md" maw={820}>
        <ErrorAlert
          error={save.error}
          title="Changes were not saved"
          extra={save.unplaced(SHOWN_FIELDS_EDIT)}
        />
        <PatientFormFields values={values} errors={errors} onChange={onChange} mode="edit" />
        <Group gap="sm">
          <Button type="submit" loading={busy}>
            Save changes
          </Button>
          <Button variant="default" onClick={() => setEditing(false)} disabled={busy}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
