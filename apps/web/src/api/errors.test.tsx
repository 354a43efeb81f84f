import { MantineProvider } from '@mantine/core';
import { FIELD_LABELS, fieldLabel } from '@plasticity/contracts';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ErrorAlert } from '../ui/ErrorAlert.tsx';
import { ApiError } from './client.ts';
import { describeError, describeFieldError, fieldErrorsOf, unplacedFieldErrors } from './errors.ts';

const invalid = (details: { field: string; message: string }[]) =>
  new ApiError(400, 'validation_failed', `${details[0]?.field}: ${details[0]?.message}`, details);

describe('field labels in error messages', () => {
  it.each([
    ['body.mgPerKg', 'Dose per kg'],
    ['mgPerKg', 'Dose per kg'],
    ['body.override.verifierEmail', 'Verifying clinician’s email'],
    ['/address/postalCode', 'ZIP code'],
    ['body.lines.0.containerId', 'Container'],
    ['body.measurements.weightKg', 'Weight (kg)'],
    ['body.deaNumber', 'DEA registration number'],
    ['body.someNewFieldName', 'Some new field name'],
    ['body', 'This request'],
  ])('%s reads “%s”', (path, label) => expect(fieldLabel(path)).toBe(label));

  it('every label is words, never a field name', () => {
    for (const label of Object.values(FIELD_LABELS)) expect(label).not.toMatch(/\b[a-z]+[A-Z][a-z]\w*\b|_/);
  });

  it('names the field in words in messages away from the field, and inside messages', () => {
    const e = invalid([
      { field: 'body.mgPerKg', message: 'must be positive' },
      { field: 'body.stoppedAt', message: 'is before startedAt' },
      { field: 'body.measurements.weightKg', message: 'is required when weightMeasuredAt is given' },
    ]);
    const fields = fieldErrorsOf(e);
    expect(fields.stoppedAt).toBe('is before start time');
    expect(unplacedFieldErrors(fields, ['stoppedAt'])).toEqual([
      'Dose per kg must be positive',
      'Weight (kg) is required when time the weight was measured is given',
    ]);
    expect(describeFieldError('body.npi', 'Not a valid NPI')).toBe('NPI: Not a valid NPI');
  });

  it('server messages shown whole use words for the fields they name', () => {
    const e = new ApiError(409, 'conflict', 'the planId is not active', []);
    expect(describeError(e)).toBe('the treatment plan is not active');
  });

  it('ErrorAlert lists field errors with labels', () => {
    const e = invalid([{ field: 'body.override.verifierTotp', message: 'must be 6 digits' }]);
    render(
      <MantineProvider>
        <ErrorAlert error={e} extra={unplacedFieldErrors(fieldErrorsOf(e), [])} />
      </MantineProvider>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Verifying clinician’s code must be 6 digits');
    expect(screen.getByRole('alert').textContent).not.toMatch(/verifierTotp|override\./);
  });
});
