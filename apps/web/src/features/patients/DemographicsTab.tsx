import { Button, Group, Stack } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { type FieldErrors, fieldErrorsOf, unplacedFieldErrors } from '../../api/errors.ts';
import { updatePatient } from '../../api/patients.ts';
import { useMe } from '../../app/auth.tsx';
import type { ChartTabProps } from '../../app/registry.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PatientDetails } from './PatientDetails.tsx';
import { PatientFormFields } from './PatientFormFields.tsx';
import {
  type FieldKey,
  formFromPatient,
  SHOWN_FIELDS_EDIT,
  toUpdateBody,
  validateUpdate,
} from './patientForm.ts';

/** First chart tab: shows the record; staff edit it in place (PATCH with only the changed fields). */
export function DemographicsTab({ patient, onPatientChange }: ChartTabProps) {
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const [values, setValues] = useState(() => formFromPatient(patient));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const startEditing = () => {
    setValues(formFromPatient(patient));
    setErrors({});
    setFailure(null);
    setEditing(true);
  };

  const onChange = (key: FieldKey, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[key]) setErrors(({ [key]: _, ...rest }) => rest);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const body = toUpdateBody(formFromPatient(patient), values);
    if (Object.keys(body).length === 0) {
      setEditing(false);
      return;
    }
    const local = validateUpdate(body);
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      onPatientChange(await updatePatient(patient.id, body));
      setEditing(false);
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      setFailure(error);
    } finally {
      setBusy(false);
    }
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
          error={failure}
          title="Changes were not saved"
          extra={unplacedFieldErrors(errors, SHOWN_FIELDS_EDIT)}
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
