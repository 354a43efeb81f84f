/**
 * The prescriber's override of a protocol maximum, as for the dose calculator: a reason and a second
 * clinician who signs with their own email and password (never kept after an attempt). A ceiling is never
 * lifted; the server re-checks everything.
 */
import { Fieldset, PasswordInput, Text, Textarea, TextInput } from '@mantine/core';

export interface OverrideValue {
  reason: string;
  verifierEmail: string;
  verifierPassword: string;
}

export const EMPTY_OVERRIDE: OverrideValue = { reason: '', verifierEmail: '', verifierPassword: '' };

/** The request's `override`, or nothing while no reason is typed. */
export function overrideBody(v: OverrideValue) {
  if (!v.reason.trim()) return {};
  return {
    override: {
      reason: v.reason.trim(),
      verifierEmail: v.verifierEmail.trim(),
      verifierPassword: v.verifierPassword,
    },
  };
}

interface Props {
  value: OverrideValue;
  onChange: (v: OverrideValue) => void;
  error?: string | undefined;
}

export function OverrideFields({ value, onChange, error }: Props) {
  return (
    <Fieldset legend="Override of the protocol maximum">
      <Text size="xs" c="dimmed" mb={4}>
        The prescriber gives the reason; a second prescriber or nurse verifies with their own email and
        password.
      </Text>
      <Textarea
        label="Reason for exceeding the protocol maximum"
        name="override-reason"
        value={value.reason}
        onChange={(e) => onChange({ ...value, reason: e.currentTarget.value })}
        autosize
        minRows={1}
        error={error}
      />
      <TextInput
        label="Verifying clinician’s email"
        name="override-verifier-email"
        autoComplete="off"
        value={value.verifierEmail}
        onChange={(e) => onChange({ ...value, verifierEmail: e.currentTarget.value })}
        mt="xs"
      />
      <PasswordInput
        label="Verifying clinician’s password"
        name="override-verifier-password"
        autoComplete="new-password"
        value={value.verifierPassword}
        onChange={(e) => onChange({ ...value, verifierPassword: e.currentTarget.value })}
        mt="xs"
      />
    </Fieldset>
  );
}
