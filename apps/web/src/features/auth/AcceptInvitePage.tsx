import {
  Alert,
  Anchor,
  Box,
  Button,
  Container,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { LinkInfo } from '@plasticity/contracts';
import { type FormEvent, useState } from 'react';
import { acceptInvite } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import { describeError, type FieldErrors, fieldErrorsOf } from '../../api/errors.ts';
import type { RouteProps } from '../../app/registry.ts';
import { RouterLink } from '../../app/router.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { useLinkInfo } from './queries.ts';

const MIN_LENGTH = 12;
const INVALID_LINK = 'This link is not valid. Check you copied all of it, or ask for a new one.';

/** Why the link cannot be used, from its state or the failed read of it; null when it can. */
function linkInfoProblem(info: LinkInfo | null, error: unknown): string | null {
  if (info?.state === 'used') return 'This link has already been used. Ask the clinic for a new one.';
  if (info?.state === 'expired') return 'This link has expired. Ask the clinic for a new one.';
  if (!error) return null;
  return fieldErrorsOf(error).token ? INVALID_LINK : (linkProblem(error) ?? describeError(error));
}

/** The message above the form after a failed submit; field errors other than the token show beside fields. */
function acceptProblem(error: unknown, fields: FieldErrors): string | null {
  if (!error) return null;
  if (fields.token) return INVALID_LINK;
  return Object.keys(fields).length === 0 ? (linkProblem(error) ?? describeError(error)) : null;
}

function linkProblem(error: unknown): string | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code === 'link_used') return 'This link has already been used. Ask the clinic for a new one.';
  if (error.code === 'link_expired') return 'This link has expired. Ask the clinic for a new one.';
  if (error.code === 'not_found')
    return 'This link is not valid. Check you copied all of it, or ask for a new one.';
  return null;
}

/** The page's words for whoever holds the link: a patient invited to the portal, staff, or a reset. */
function wordingFor(info: LinkInfo | null) {
  if (info?.purpose === 'password_reset')
    return {
      title: 'Choose a new password',
      intro: 'Choose a new password for your account.',
      askName: false,
    };
  if (info?.audience === 'patient')
    return {
      title: 'Create your password',
      intro: 'Create your password to see your appointments and forms.',
      askName: false,
    };
  if (info?.audience === 'staff')
    return { title: 'Set your password', intro: 'Set the password for your staff account.', askName: true };
  return { title: 'Set your password', intro: '', askName: false };
}

/** `/accept/:token`: set a password from a staff or patient invitation, or a password-reset link. */
export function AcceptInvitePage({ params }: RouteProps) {
  const token = params.token ?? '';
  const link = useLinkInfo(token);
  const info: LinkInfo | null = link.data ?? null;
  const infoProblem = linkInfoProblem(info, link.error);
  const words = wordingFor(info);
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const accepting = useApiMutation(acceptInvite);
  const errors = { ...accepting.fieldErrors, ...localErrors };
  const failure = acceptProblem(accepting.error, accepting.fieldErrors);
  const { busy } = accepting;
  const done = accepting.data !== undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    accepting.reset();
    const local: FieldErrors = {};
    if (password.length < MIN_LENGTH) local.password = `Use at least ${MIN_LENGTH} characters`;
    if (confirm !== password) local.confirm = 'The two passwords do not match';
    setLocalErrors(local);
    if (Object.keys(local).length > 0) return;
    const name = displayName.trim();
    const result = await accepting.run({ token, password, ...(name ? { displayName: name } : {}) });
    if (!result.ok) return;
    setPassword('');
    setConfirm('');
  };

  return (
    <Box component="main" py={48} px="md">
      <Container size={420} p={0}>
        <Title order={1} ta="center" mb="lg">
          {words.title}
        </Title>
        <Paper withBorder shadow="xs" p="lg" radius="md">
          {done ? (
            <Stack gap="sm">
              <Alert role="status" color="green" variant="light">
                Your password is set. You can now sign in.
              </Alert>
              <Button component={RouterLink} href="/login" fullWidth>
                Go to sign in
              </Button>
            </Stack>
          ) : (
            <form onSubmit={submit} noValidate aria-label={words.title}>
              <Stack gap="sm">
                {words.intro && <Text size="sm">{words.intro}</Text>}
                <Text size="sm">
                  Choose a password of at least {MIN_LENGTH} characters. A short phrase of several words is
                  easy to remember and hard to guess.
                </Text>
                {(failure ?? infoProblem) && (
                  <Alert role="alert" color="red" variant="light">
                    {failure ?? infoProblem}
                  </Alert>
                )}
                {words.askName && (
                  <TextInput
                    label="Your name (optional)"
                    description="How it appears to colleagues; leave blank to keep the name on the invitation."
                    autoComplete="name"
                    value={displayName}
                    error={errors.displayName}
                    onChange={(e) => setDisplayName(e.currentTarget.value)}
                  />
                )}
                <PasswordInput
                  label="New password"
                  autoComplete="new-password"
                  required
                  value={password}
                  error={errors.password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                />
                <PasswordInput
                  label="Confirm password"
                  autoComplete="new-password"
                  required
                  value={confirm}
                  error={errors.confirm}
                  onChange={(e) => setConfirm(e.currentTarget.value)}
                />
                <Button type="submit" fullWidth loading={busy}>
                  Set password
                </Button>
                <Text size="xs" ta="center">
                  Already set?{' '}
                  <Anchor component={RouterLink} href="/login">
                    Sign in
                  </Anchor>
                </Text>
              </Stack>
            </form>
          )}
        </Paper>
      </Container>
    </Box>
  );
}
