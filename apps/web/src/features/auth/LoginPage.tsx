import { Alert, Anchor, Box, Button, Container, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { login } from '../../api/auth.ts';
import { useAuth } from '../../app/auth.tsx';
import { DemoBanner } from '../../ui/DemoBanner.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { loginOutcome } from './loginErrors.ts';
import { useHealth } from './queries.ts';

interface Props {
  /** Why the person is here (session expired, signed out). */
  notice?: string | null;
  startupError?: string;
}

type Step = 'credentials' | 'mfa';

export function LoginPage({ notice, startupError }: Props) {
  const { signIn } = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [step, setStep] = useState<Step>('credentials');
  const [code, setCode] = useState('');
  const [useRecovery, setUseRecovery] = useState(false);
  const [codeError, setCodeError] = useState<string | null>(null);
  const [alert, setAlert] = useState<string | null>(null);
  const signingIn = useApiMutation(login);
  const { busy } = signingIn;
  // An unreachable server is reported by the auth layer; the demo notice just stays hidden.
  const demo = useHealth().data?.demo ?? false;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAlert(null);
    setCodeError(null);
    const totp = step === 'mfa' ? code.trim().toLowerCase() : undefined;
    if (step === 'mfa' && !totp) {
      setCodeError(useRecovery ? 'Enter one of your recovery codes' : 'Enter the 6-digit code');
      return;
    }
    const result = await signingIn.run({ email: email.trim(), password, ...(totp ? { totp } : {}) });
    if (result.ok) {
      setPassword('');
      signIn(result.data);
      return;
    }
    // Sign-in answers are read as a step of the flow (a code is needed, a code was wrong), not as field errors.
    const outcome = loginOutcome(result.error);
    if (outcome.kind === 'mfa') {
      setStep('mfa');
    } else if (outcome.kind === 'field') {
      setCodeError(outcome.message);
      setCode('');
    } else {
      setAlert(outcome.message);
      if (outcome.backToCredentials) backToCredentials();
    }
  };

  const backToCredentials = () => {
    setStep('credentials');
    setCode('');
    setCodeError(null);
    setUseRecovery(false);
  };

  const toggleRecovery = () => {
    setUseRecovery((v) => !v);
    setCode('');
    setCodeError(null);
  };

  return (
    <>
      {demo && (
        <header>
          <DemoBanner />
        </header>
      )}
      <Box component="main" py={48} px="md">
        <Container size={400} p={0}>
          <Title order={1} ta="center" mb={4}>
            Plasticity
          </Title>
          <Text ta="center" c="dimmed" size="sm" mb="lg">
            {step === 'mfa' ? 'Two-step verification' : 'Sign in to your clinic'}
          </Text>
          <Paper withBorder shadow="xs" p="lg" radius="md">
            <form onSubmit={submit} noValidate aria-label="Sign in">
              <Stack gap="sm">
                {notice && (
                  <Alert
                    role="status"
                    color="indigo"
                    variant="light"
                    icon={<IconInfoCircle size={18} aria-hidden />}
                  >
                    {notice}
                  </Alert>
                )}
                {startupError && !alert && (
                  <Alert role="alert" color="red" variant="light">
                    {startupError}
                  </Alert>
                )}
                {alert && (
                  <Alert role="alert" color="red" variant="light">
                    {alert}
                  </Alert>
                )}
                {step === 'credentials' ? (
                  <>
                    <TextInput
                      label="Email"
                      type="email"
                      autoComplete="username"
                      required
                      value={email}
                      onChange={(e) => setEmail(e.currentTarget.value)}
                      autoFocus
                    />
                    <TextInput
                      label="Password"
                      type="password"
                      autoComplete="current-password"
                      required
                      value={password}
                      onChange={(e) => setPassword(e.currentTarget.value)}
                    />
                  </>
                ) : (
                  <>
                    <Text size="sm">
                      {useRecovery
                        ? 'Enter one of the recovery codes you saved when you set up two-step verification.'
                        : 'Enter the 6-digit code from your authenticator app.'}
                    </Text>
                    <TextInput
                      key={useRecovery ? 'recovery' : 'totp'}
                      label={useRecovery ? 'Recovery code' : 'Authentication code'}
                      autoComplete="one-time-code"
                      inputMode={useRecovery ? 'text' : 'numeric'}
                      maxLength={useRecovery ? 9 : 6}
                      placeholder={useRecovery ? 'xxxx-xxxx' : '123456'}
                      required
                      value={code}
                      error={codeError}
                      onChange={(e) => setCode(e.currentTarget.value)}
                      autoFocus
                    />
                  </>
                )}
                <Button type="submit" fullWidth loading={busy}>
                  Sign in
                </Button>
                {step === 'mfa' && (
                  <Stack gap={4} align="center">
                    <Anchor component="button" type="button" size="sm" onClick={toggleRecovery}>
                      {useRecovery ? 'Use an authentication code' : 'Use a recovery code'}
                    </Anchor>
                    <Anchor component="button" type="button" size="sm" onClick={backToCredentials}>
                      Back to email and password
                    </Anchor>
                  </Stack>
                )}
              </Stack>
            </form>
          </Paper>
          <Text size="xs" c="dimmed" ta="center" mt="md">
            Forgot your password? Ask your clinic admin for a reset link.
          </Text>
        </Container>
      </Box>
    </>
  );
}
