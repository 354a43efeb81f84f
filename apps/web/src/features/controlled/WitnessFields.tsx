import { Fieldset, PasswordInput, Text, TextInput } from '@mantine/core';
import type { Witness } from './api.ts';

interface Props {
  legend: string;
  value: Witness;
  onChange: (w: Witness) => void;
  error?: string | undefined;
  /** Distinguishes field names when a form has two witnesses. */
  name?: string;
}

/**
 * A second person's co-signature: they type their own email and password on this screen. The
 * password is sent once with the movement and never stored; autocomplete is off so the browser does
 * not offer to save a colleague's password under the signed-in user.
 */
export function WitnessFields({ legend, value, onChange, error, name = 'witness' }: Props) {
  return (
    <Fieldset legend={legend}>
      <Text size="xs" c="dimmed" mb={4}>
        A second prescriber or nurse signs with their own email and password.
      </Text>
      <TextInput
        label="Witness email"
        name={`${name}-email`}
        autoComplete="off"
        value={value.email}
        onChange={(e) => onChange({ ...value, email: e.currentTarget.value })}
        error={error}
      />
      <PasswordInput
        label="Witness password"
        name={`${name}-password`}
        autoComplete="new-password"
        value={value.password}
        onChange={(e) => onChange({ ...value, password: e.currentTarget.value })}
        mt="xs"
      />
    </Fieldset>
  );
}
