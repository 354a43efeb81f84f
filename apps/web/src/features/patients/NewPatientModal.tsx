import { Button, Group, Modal, Stack } from '@mantine/core';
import type { Patient } from '@plasticity/contracts';
import { type FormEvent, useState } from 'react';
import { type FieldErrors, fieldErrorsOf, unplacedFieldErrors } from '../../api/errors.ts';
import { createPatient } from '../../api/patients.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PatientFormFields } from './PatientFormFields.tsx';
import {
  emptyPatientForm,
  type FieldKey,
  SHOWN_FIELDS_CREATE,
  toCreateBody,
  validateCreate,
} from './patientForm.ts';

interface Props {
  opened: boolean;
  onClose: () => void;
  onCreated: (patient: Patient) => void;
}

export function NewPatientModal({ opened, onClose, onCreated }: Props) {
  const [values, setValues] = useState(emptyPatientForm);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setValues(emptyPatientForm());
    setErrors({});
    setFailure(null);
  };
  const close = () => {
    reset();
    onClose();
  };

  const onChange = (key: FieldKey, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[key]) setErrors(({ [key]: _, ...rest }) => rest);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const body = toCreateBody(values);
    const local = validateCreate(body);
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      const patient = await createPatient(body);
      reset();
      onCreated(patient);
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title="New patient"
      size="lg"
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      <form onSubmit={submit} noValidate aria-label="New patient">
        <Stack gap="md">
          <ErrorAlert
            error={failure}
            title="The patient was not saved"
            extra={unplacedFieldErrors(errors, SHOWN_FIELDS_CREATE)}
          />
          <PatientFormFields values={values} errors={errors} onChange={onChange} mode="create" />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Create patient
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
