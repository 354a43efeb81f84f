import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import type { InstrumentDefinition } from '@plasticity/clinical/instruments';
import { useState } from 'react';
import { useMe } from '../../app/auth.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { type Answers, createAssessment } from './api.ts';
import { CrisisResources } from './CrisisResources.tsx';
import { answersToSend, emptyAnswers, InstrumentForm, unanswered } from './InstrumentForm.tsx';
import { measurementKeys, useCheckIns } from './queries.ts';

/** Portal "My check-ins": the forms the clinic asked for, completed in the portal. */
export function PortalCheckIns() {
  const me = useMe();
  const patientId = me.patientId ?? '';
  const checkIns = useCheckIns(patientId);
  const data = checkIns.data;
  const sending = useApiMutation(
    (body: Parameters<typeof createAssessment>[1]) => createAssessment(patientId, body),
    { invalidates: [measurementKeys.patient(patientId)] },
  );
  const error = checkIns.error ?? sending.error;
  const { busy } = sending;
  const [open, setOpen] = useState<InstrumentDefinition | null>(null);
  const [answers, setAnswers] = useState<Answers>([]);
  const [missing, setMissing] = useState<number[]>([]);
  const [crisis, setCrisis] = useState(false);
  const [sent, setSent] = useState<string | null>(null);

  const submit = async () => {
    if (!open) return;
    const gaps = unanswered(open, answers);
    setMissing(gaps);
    if (gaps.length > 0) return;
    const r = await sending.run({ instrument: open.id, answers: answersToSend(open, answers) });
    if (!r.ok) return;
    setCrisis(r.data.crisis);
    setSent(open.name);
    setOpen(null);
  };

  if (!patientId) return <Alert>Your account is not linked to a patient record yet.</Alert>;
  return (
    <Stack>
      <Title order={1}>My check-ins</Title>
      {crisis && <CrisisResources />}
      {sent && !crisis && (
        <Alert color="green" variant="light">
          Thank you: your {sent} answers were sent. They may not be read immediately.
        </Alert>
      )}
      <ErrorAlert error={error} />
      {!data ? (
        <LoadingState />
      ) : open ? (
        <Card withBorder>
          <Stack>
            <Title order={2} size="h3">
              {open.name}
            </Title>
            <InstrumentForm def={open} answers={answers} onChange={setAnswers} missing={missing} />
            <Button onClick={submit} loading={busy}>
              Send my answers
            </Button>
            <Button variant="subtle" onClick={() => setOpen(null)}>
              Cancel
            </Button>
          </Stack>
        </Card>
      ) : data.items.length === 0 ? (
        <Text c="dimmed">Nothing to fill in right now. Thank you!</Text>
      ) : (
        data.items.map((it) => {
          const def = data.instruments.find((d) => d.id === it.instrument);
          return def ? (
            <Card key={it.requestId} withBorder>
              <Stack gap="xs">
                <Text fw={600}>{def.name}</Text>
                <Button
                  onClick={() => {
                    setOpen(def);
                    setAnswers(emptyAnswers(def));
                    setMissing([]);
                    setSent(null);
                    setCrisis(false);
                  }}
                >
                  Start
                </Button>
              </Stack>
            </Card>
          ) : null;
        })
      )}
      <Text size="xs" c="dimmed">
        If you need help now, call or text 988 (Suicide &amp; Crisis Lifeline), or call 911 in an emergency.
      </Text>
    </Stack>
  );
}
