import { Alert, Box, Button, Container, Divider, Stack, Text, Title } from '@mantine/core';
import type { InstrumentDefinition } from '@plasticity/clinical/instruments';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import type { RouteProps } from '../../app/registry.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { type Answers, submitSelfReport } from './api.ts';
import { CrisisLine, CrisisResources } from './CrisisResources.tsx';
import { answersToSend, emptyAnswers, InstrumentForm, unanswered } from './InstrumentForm.tsx';
import { useSelfReportForm } from './queries.ts';

type Loaded = { clinicName: string; instruments: InstrumentDefinition[] };

function Unavailable({ code }: { code: string }) {
  const text =
    code === 'link_used'
      ? 'This link has already been used, so it cannot be opened again. Thank you if you already sent your answers.'
      : code === 'link_expired'
        ? 'This link has expired. Links work for 72 hours.'
        : 'This link does not work. Please check that you copied the whole link.';
  return (
    <Stack>
      <Title order={1} size="h2">
        This link can’t be used
      </Title>
      <Text>{text}</Text>
      <Text>If the clinic asked you to fill in forms, please contact them for a new link.</Text>
      <Text size="sm" c="dimmed">
        If you need help now, call or text 988 (Suicide &amp; Crisis Lifeline), or call 911 in an emergency.
      </Text>
    </Stack>
  );
}

/**
 * `/r/:token`: the public self-report page, phone first, no login. Shows only the clinic's name and
 * the forms; on submit, crisis resources appear at once when an answer raises a safety flag.
 */
export function SelfReportPage({ params }: RouteProps) {
  const token = params.token ?? '';
  const loaded = useSelfReportForm(token);
  const form: Loaded | null = loaded.data ?? null;
  const [typed, setAnswers] = useState<Record<string, Answers>>({});
  // Every form starts with no answer to any question.
  const answers: Record<string, Answers> = Object.fromEntries(
    (form?.instruments ?? []).map((d) => [d.id, typed[d.id] ?? emptyAnswers(d)]),
  );
  const [missing, setMissing] = useState<Record<string, number[]>>({});
  const sending = useApiMutation(
    (responses: { instrument: string; answers: Answers }[]) => submitSelfReport(token, responses),
    { onSuccess: () => window.scrollTo?.(0, 0) },
  );
  const { busy } = sending;
  const result = sending.data ?? null;
  const error = loaded.error ?? sending.error;

  const submit = async () => {
    if (!form) return;
    const gaps = Object.fromEntries(form.instruments.map((d) => [d.id, unanswered(d, answers[d.id] ?? [])]));
    setMissing(gaps);
    if (Object.values(gaps).some((g) => g.length > 0)) return;
    await sending.run(
      form.instruments.map((d) => ({ instrument: d.id, answers: answersToSend(d, answers[d.id] ?? []) })),
    );
  };

  const gone = error instanceof ApiError && (error.status === 410 || error.status === 404);
  return (
    <>
      <CrisisLine />
      <Box component="main" py="md" px="sm">
        <Container size={560} p={0}>
          {gone ? (
            <Unavailable code={(error as ApiError).code} />
          ) : result ? (
            <Stack>
              <Title order={1} size="h2">
                Thank you
              </Title>
              {result.crisis && <CrisisResources />}
              <Text>
                Your answers were sent to {form?.clinicName ?? 'the clinic'}. Your answers may not be read
                immediately.
              </Text>
            </Stack>
          ) : !form ? (
            error ? (
              <ErrorAlert error={error} title="Could not open the forms" />
            ) : (
              <LoadingState label="Loading your forms…" />
            )
          ) : (
            <Stack gap="lg">
              <div>
                <Text size="sm" c="dimmed">
                  {form.clinicName}
                </Text>
                <Title order={1} size="h2">
                  Your check-in
                </Title>
                <Text size="sm">
                  Please answer every question. Your answers go to your care team; they may not be read
                  immediately.
                </Text>
              </div>
              {form.instruments.map((d) => (
                <Stack key={d.id} gap="sm">
                  <Divider label={d.name} labelPosition="left" />
                  <InstrumentForm
                    def={d}
                    answers={answers[d.id] ?? []}
                    onChange={(a) => setAnswers((s) => ({ ...s, [d.id]: a }))}
                    missing={missing[d.id] ?? []}
                  />
                </Stack>
              ))}
              {Object.values(missing).some((g) => g.length > 0) && (
                <Alert color="orange" variant="light" role="alert">
                  Some questions are not answered yet. They are marked above.
                </Alert>
              )}
              <ErrorAlert error={error} title="Your answers were not sent" />
              <Button size="md" onClick={submit} loading={busy} fullWidth>
                Send my answers
              </Button>
              <Text size="xs" c="dimmed">
                If you need help now, call or text 988 (Suicide &amp; Crisis Lifeline), or call 911 in an
                emergency.
              </Text>
            </Stack>
          )}
        </Container>
      </Box>
    </>
  );
}
