import { Fieldset, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { FieldErrors } from '../../api/errors.ts';
import { localIsoDate, SEX_LABELS } from '../../ui/format.ts';
import classes from '../../ui/ui.module.css';
import type { FieldKey, PatientFormValues } from './patientForm.ts';

interface Props {
  values: PatientFormValues;
  errors: FieldErrors;
  onChange: (key: FieldKey, value: string) => void;
  /** MRN is set at registration (or assigned by the server) and not editable afterwards. */
  mode: 'create' | 'edit';
}

const SEX_OPTIONS = [
  { value: '', label: 'Select…', disabled: true },
  ...Object.entries(SEX_LABELS).map(([value, label]) => ({ value, label })),
];

export function PatientFormFields({ values, errors, onChange, mode }: Props) {
  const field = (key: FieldKey, label: string, extra: Record<string, unknown> = {}) => (
    <TextInput
      label={label}
      value={values[key]}
      error={errors[key]}
      onChange={(e) => onChange(key, e.currentTarget.value)}
      {...extra}
    />
  );

  return (
    <Stack gap="md">
      <Fieldset legend="Patient" variant="unstyled" classNames={{ legend: classes.legend }}>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="xs">
          {field('firstName', 'First name', { required: true, autoComplete: 'off' })}
          {field('lastName', 'Last name', { required: true, autoComplete: 'off' })}
          {field('dateOfBirth', 'Date of birth', { required: true, type: 'date', max: localIsoDate() })}
          <NativeSelect
            label="Sex"
            required
            data={SEX_OPTIONS}
            value={values.sex}
            error={errors.sex}
            onChange={(e) => onChange('sex', e.currentTarget.value)}
          />
          {mode === 'create' &&
            field('mrn', 'MRN (optional)', {
              description: 'Leave blank to have one assigned',
              autoComplete: 'off',
            })}
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend="Contact (optional)" variant="unstyled" classNames={{ legend: classes.legend }}>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="xs">
          {field('phone', 'Phone', { type: 'tel', autoComplete: 'off' })}
          {field('email', 'Email', { type: 'email', autoComplete: 'off' })}
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend="Address (optional)" variant="unstyled" classNames={{ legend: classes.legend }}>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" verticalSpacing="xs">
          {field('address.line1', 'Address line 1')}
          {field('address.line2', 'Address line 2')}
          {field('address.city', 'City')}
          {field('address.state', 'State')}
          {field('address.postalCode', 'Postal code')}
          {field('address.country', 'Country')}
        </SimpleGrid>
      </Fieldset>

      <Fieldset
        legend="Emergency contact (optional)"
        variant="unstyled"
        classNames={{ legend: classes.legend }}
      >
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm" verticalSpacing="xs">
          {field('emergencyContact.name', 'Contact name')}
          {field('emergencyContact.phone', 'Contact phone', { type: 'tel' })}
          {field('emergencyContact.relationship', 'Relationship')}
        </SimpleGrid>
      </Fieldset>
    </Stack>
  );
}
