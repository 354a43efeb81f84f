import { Alert, Button, Code, Group, Image, List, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { confirmMfa, enrolMfa, type MfaEnrolment } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { RecoveryCodes } from './RecoveryCodes.tsx';

interface Props {
  /** Called once the recovery codes have been acknowledged (the account now has MFA on). */
  onDone: () => void;
}

/** Enrol an authenticator app: QR + secret, confirm with a code, show recovery codes once. */
export function MfaSetup({ onDone }: Props) {
  const [code, setCode] = useState('');
  const [localCodeError, setLocalCodeError] = useState<string | null>(null);
  const enrolling = useApiMutation(() => enrolMfa());
  const confirming = useApiMutation(confirmMfa);
  const enrolment: MfaEnrolment | null = enrolling.data ?? null;
  const recoveryCodes = confirming.data?.recoveryCodes ?? null;
  // A rejected code shows beside the code field; any other failure in the box.
  const rejected =
    confirming.fieldErrors.code ??
    (confirming.error instanceof ApiError && confirming.error.code === 'mfa_invalid'
      ? 'That code is not valid. Wait for a new code and try again.'
      : null);
  const codeError = localCodeError ?? rejected;
  const failure = enrolling.error ?? (rejected ? null : confirming.error);
  const busy = enrolling.busy || confirming.busy;

  const start = async () => {
    await enrolling.run(undefined);
  };

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(trimmed)) {
      confirming.reset();
      setLocalCodeError('Enter the 6-digit code shown in your authenticator app');
      return;
    }
    setLocalCodeError(null);
    await confirming.run(trimmed);
  };

  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} onDone={onDone} />;

  if (!enrolment) {
    return (
      <Stack gap="sm" align="flex-start">
        <ErrorAlert error={failure} title="Could not start set-up" />
        <Text size="sm">
          Use an authenticator app (such as Google Authenticator, Microsoft Authenticator or 1Password) to add
          a 6-digit code to each sign-in.
        </Text>
        <Button onClick={start} loading={busy}>
          Set up authenticator app
        </Button>
      </Stack>
    );
  }

  return (
    <form onSubmit={confirm} noValidate aria-label="Confirm authenticator app">
      <Stack gap="sm">
        <ErrorAlert error={failure} title="Could not confirm the code" />
        <List type="ordered" size="sm" spacing={4}>
          <List.Item>Open your authenticator app and add an account.</List.Item>
          <List.Item>Scan this QR code, or type the key below.</List.Item>
          <List.Item>Enter the 6-digit code the app shows.</List.Item>
        </List>
        <Image
          src={enrolment.qrDataUrl}
          alt="QR code to add Plasticity to your authenticator app"
          w={180}
          h={180}
          fit="contain"
        />
        <Text size="sm">
          Key: <Code style={{ wordBreak: 'break-all', userSelect: 'all' }}>{enrolment.secret}</Code>
        </Text>
        <Group align="flex-end" gap="sm">
          <TextInput
            label="Authentication code"
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={7}
            value={code}
            error={codeError}
            onChange={(e) => setCode(e.currentTarget.value)}
            w={200}
          />
          <Button type="submit" loading={busy}>
            Confirm
          </Button>
        </Group>
        <Alert color="gray" variant="light">
          Two-step verification turns on only after you confirm a code.
        </Alert>
      </Stack>
    </form>
  );
}
