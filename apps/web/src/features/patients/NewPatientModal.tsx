import { Button, Group, Modal, Stack } from '@mantine/core';
import type { Patient } from '@plasticity/contracts';
import { type FormEvent, useState } from 'react';
import type { FieldErrors } from '../../api/errors.ts';
import { createPatient } from '../../api/patients.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { PatientFormFields } from './PatientFormFields.tsx';
import {
  emptyPatientForm,
  type FieldKey,
  SHOWN_FIELDS_CREATE,
  toCreateBody,
  validateCreate,
} from './patientForm.ts';
import { patientKeys } from './queries.ts';

interface Props {
  opened: boolean;
  onClose: () => void;
  onCreated: (patient: Patient) => void;
}

export function NewPatientModal({ opened, onClose, onCreated }: Props) {
  const [values, setValues] = useState(emptyPatientForm);
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const create = useApiMutation(createPatient, { invalidates: [patientKeys.all] });
  const errors = { ...create.fieldErrors, ...localErrors };

  const reset = () => {
    setValues(emptyPatientForm());
    setLocalErrors({});
    create.reset();
  };
  const close = () => {
    reset();
    onClose();
  };

  const onChange = (key: FieldKey, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (localErrors[key]) setLocalErrors(({ [key]: _, ...rest }) => rest);
    create.clearField(key);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = toCreateBody(values);
    const local = validateCreate(body);
    setLocalErrors(local);
    if (Object.keys(local).length > 0) return;
    const result = await create.run(body);
    if (!result.ok) return;
    reset();
    onCreated(result.data);
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
            error={create.error}
            title="The patient was not saved"
            extra={create.unplaced(SHOWN_FIELDS_CREATE)}
          />
          <PatientFormFields values={values} errors={errors} onChange={onChange} mode="create" />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={create.busy}>
              Create patient
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
