import {
  Alert,
  Box,
  Button,
  Checkbox,
  Container,
  Divider,
  List,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import type { RouteProps } from '../../app/registry.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { CrisisLine } from '../measurement/CrisisResources.tsx';
import { type ConfirmationViewT, type SubmitConfirmationT, submitConfirmation } from './api.ts';
import { useConfirmation } from './queries.ts';

/** The clinic's phone when the API put it in a "link gone" answer's details. */
function phoneIn(error: ApiError): string | null {
  const phone = error.details.find((d) => typeof d.clinicPhone === 'string')?.clinicPhone;
  return typeof phone === 'string' ? phone : null;
}

function Unavailable({ error }: { error: ApiError }) {
  const text =
    error.code === 'link_used'
      ? 'This link has already been used. If you already confirmed your visit, you are all set.'
      : error.code === 'link_expired'
        ? 'This link has expired. The clinic sends a new one before each visit.'
        : 'This link does not work. Please check that you opened the whole link from the message.';
  const phone = phoneIn(error);
  return (
    <Stack>
      <Title order={1} size="h2">
        This link can’t be used
      </Title>
      <Text>{text}</Text>
      <Text>
        {phone
          ? `To confirm or change your visit, please call the clinic at ${phone}.`
          : 'To confirm or change your visit, please call the clinic.'}
      </Text>
    </Stack>
  );
}

function Done({ view }: { view: ConfirmationViewT }) {
  const c = view.confirmation;
  return (
    <Stack role="status">
      <Title order={1} size="h2">
        {c.status === 'reschedule_requested' ? 'We got your request' : 'Your visit is confirmed'}
      </Title>
      {c.status === 'reschedule_requested' ? (
        <Text>
          {view.clinicName} will contact you to find a new time
          {view.clinicPhone ? `; you can also call ${view.clinicPhone}` : ''}.
        </Text>
      ) : (
        <Text>
          Thank you, {view.firstName}. See you on {view.startText}
          {c.escortName ? `; ${c.escortName} will take you home` : ''}.
        </Text>
      )}
    </Stack>
  );
}

type Fields = { escortName: string; escortPhone: string; fasting: boolean; noDriving: boolean };
const EMPTY: Fields = { escortName: '', escortPhone: '', fasting: false, noDriving: false };

/** What the form still needs, by field, before it is sent (the server checks again). */
function missingOf(f: Fields): Record<string, string> {
  const out: Record<string, string> = {};
  if (!f.escortName.trim()) out.escortName = 'Please enter your escort’s name';
  if (!f.escortPhone.trim()) out.escortPhone = 'Please enter your escort’s phone number';
  if (!f.fasting) out.fastingConfirmed = 'Please confirm the fasting instructions';
  if (!f.noDriving) out.noDrivingConfirmed = 'Please confirm you will not drive';
  return out;
}

/**
 * `/c/:token`: the public page behind a visit's confirmation link, phone first, no sign-in. The patient
 * names the escort, confirms fasting and not driving, or asks to reschedule. The token goes only to the API.
 */
export function ConfirmVisitPage({ params }: RouteProps) {
  const token = params.token ?? '';
  const loaded = useConfirmation(token);
  const sending = useApiMutation((body: SubmitConfirmationT) => submitConfirmation(token, body), {
    onSuccess: () => window.scrollTo?.(0, 0),
  });
  const [f, setF] = useState<Fields>(EMPTY);
  const [missing, setMissing] = useState<Record<string, string>>({});
  const [rescheduling, setRescheduling] = useState(false);
  const [note, setNote] = useState('');
  const view = sending.data ?? loaded.data ?? null;
  const error = loaded.error ?? sending.error;
  const errorFor = (field: string) => missing[field] ?? sending.fieldErrors[field];

  const confirm = async () => {
    const gaps = missingOf(f);
    setMissing(gaps);
    if (Object.keys(gaps).length > 0) return;
    await sending.run({
      action: 'confirm',
      escortName: f.escortName.trim(),
      escortPhone: f.escortPhone.trim(),
      fastingConfirmed: true,
      noDrivingConfirmed: true,
    });
  };
  const reschedule = () =>
    sending.run({ action: 'reschedule', ...(note.trim() ? { note: note.trim() } : {}) });
  const set = (patch: Partial<Fields>) => {
    setF((s) => ({ ...s, ...patch }));
    setMissing((m) => Object.fromEntries(Object.entries(m).filter(([k]) => !(k in patch))));
  };

  const gone = error instanceof ApiError && (error.status === 410 || error.status === 404);
  return (
    <>
      <CrisisLine />
      <Box component="main" py="md" px="sm">
        <Container size={560} p={0}>
          {gone ? (
            <Unavailable error={error as ApiError} />
          ) : !view ? (
            error ? (
              <ErrorAlert error={error} title="Could not open your visit" />
            ) : (
              <LoadingState label="Loading your visit…" />
            )
          ) : view.confirmation.status !== 'unconfirmed' ? (
            <Done view={view} />
          ) : (
            <Stack gap="md">
              <div>
                <Text size="sm" c="dimmed">
                  {view.clinicName}
                </Text>
                <Title order={1} size="h2">
                  Hello {view.firstName}, please confirm your visit
                </Title>
              </div>
              <div>
                <Text fw={700} size="lg">
                  {view.startText}
                </Text>
                <Text>{view.typeLabel}</Text>
                {view.clinicAddress && <Text>{view.clinicAddress}</Text>}
                {view.clinicPhone && <Text size="sm">Clinic phone: {view.clinicPhone}</Text>}
              </div>
              {view.instructions.length > 0 && (
                <div>
                  <Title order={2} size="h4">
                    How to prepare
                  </Title>
                  <List spacing={4}>
                    {view.instructions.map((line) => (
                      <List.Item key={line}>{line}</List.Item>
                    ))}
                  </List>
                </div>
              )}
              {rescheduling ? (
                <Stack gap="sm">
                  <Title order={2} size="h4">
                    Ask for another time
                  </Title>
                  <Textarea
                    label="Note for the clinic (optional)"
                    description="For example, days and times that suit you."
                    value={note}
                    onChange={(e) => setNote(e.currentTarget.value)}
                    maxLength={1000}
                    error={sending.fieldErrors.note}
                    autosize
                    minRows={3}
                  />
                  <ErrorAlert error={sending.error} title="Your request was not sent" />
                  <Button size="md" fullWidth loading={sending.busy} onClick={reschedule}>
                    Ask to reschedule
                  </Button>
                  <Button variant="subtle" onClick={() => setRescheduling(false)}>
                    Back to confirming
                  </Button>
                </Stack>
              ) : (
                <Stack gap="sm">
                  <Title order={2} size="h4">
                    Your escort home
                  </Title>
                  <TextInput
                    label="Escort’s name"
                    autoComplete="off"
                    value={f.escortName}
                    onChange={(e) => set({ escortName: e.currentTarget.value })}
                    error={errorFor('escortName')}
                    maxLength={200}
                    required
                  />
                  <TextInput
                    label="Escort’s phone"
                    type="tel"
                    inputMode="tel"
                    autoComplete="off"
                    value={f.escortPhone}
                    onChange={(e) => set({ escortPhone: e.currentTarget.value })}
                    error={errorFor('escortPhone')}
                    maxLength={40}
                    required
                  />
                  <Divider />
                  <Checkbox
                    label={
                      view.fastingRule
                        ? `I will not eat or drink before the visit as the fasting rule says: ${view.fastingRule}`
                        : 'I will not eat or drink before the visit as the fasting instructions above say'
                    }
                    checked={f.fasting}
                    onChange={(e) => set({ fasting: e.currentTarget.checked })}
                    error={errorFor('fastingConfirmed')}
                  />
                  <Checkbox
                    label="I will not drive until the next day"
                    checked={f.noDriving}
                    onChange={(e) => set({ noDriving: e.currentTarget.checked })}
                    error={errorFor('noDrivingConfirmed')}
                  />
                  {Object.keys(missing).length > 0 && (
                    <Alert color="orange" variant="light" role="alert">
                      Some answers are missing. They are marked above.
                    </Alert>
                  )}
                  <ErrorAlert error={sending.error} title="Your confirmation was not sent" />
                  <Button size="md" fullWidth loading={sending.busy} onClick={confirm}>
                    Confirm my visit
                  </Button>
                  <Button variant="default" fullWidth onClick={() => setRescheduling(true)}>
                    I need to reschedule
                  </Button>
                </Stack>
              )}
            </Stack>
          )}
        </Container>
      </Box>
    </>
  );
}
