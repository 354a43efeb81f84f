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
import { type FormEvent, useEffect, useState } from 'react';
import { acceptInvite, getLinkInfo } from '../../api/auth.ts';
import { ApiError } from '../../api/client.ts';
import { describeError, type FieldErrors, fieldErrorsOf } from '../../api/errors.ts';
import type { RouteProps } from '../../app/registry.ts';
import { RouterLink } from '../../app/router.tsx';

const MIN_LENGTH = 12;

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
  const [info, setInfo] = useState<LinkInfo | null>(null);
  const [infoProblem, setInfoProblem] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    getLinkInfo(token, controller.signal).then(
      (i) => {
        setInfo(i);
        if (i.state === 'used')
          setInfoProblem('This link has already been used. Ask the clinic for a new one.');
        if (i.state === 'expired') setInfoProblem('This link has expired. Ask the clinic for a new one.');
      },
      (e: unknown) => {
        if (controller.signal.aborted) return;
        const fields = fieldErrorsOf(e);
        setInfoProblem(
          fields.token
            ? 'This link is not valid. Check you copied all of it, or ask for a new one.'
            : (linkProblem(e) ?? describeError(e)),
        );
      },
    );
    return () => controller.abort();
  }, [token]);
  const words = wordingFor(info);
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const local: FieldErrors = {};
    if (password.length < MIN_LENGTH) local.password = `Use at least ${MIN_LENGTH} characters`;
    if (confirm !== password) local.confirm = 'The two passwords do not match';
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      const name = displayName.trim();
      await acceptInvite({ token, password, ...(name ? { displayName: name } : {}) });
      setPassword('');
      setConfirm('');
      setDone(true);
    } catch (error) {
      const fields = fieldErrorsOf(error);
      setErrors(fields);
      if (fields.token)
        setFailure('This link is not valid. Check you copied all of it, or ask for a new one.');
      else if (Object.keys(fields).length === 0) setFailure(linkProblem(error) ?? describeError(error));
    } finally {
      setBusy(false);
    }
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
