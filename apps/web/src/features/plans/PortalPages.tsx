import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useMe } from '../../app/auth.tsx';
import { ConsentsView } from './ConsentsView.tsx';
import { IntakeForm } from './IntakeForm.tsx';

/** Portal: the patient completes (or updates) their intake. */
export function PortalIntake() {
  const me = useMe();
  const [saved, setSaved] = useState(false);
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>My intake</Title>
        <Text size="sm" c="dimmed">
          Your answers help your prescriber decide whether ketamine treatment is safe for you. Your care team
          will go through them with you.
        </Text>
      </div>
      {!me.patientId ? (
        <Alert color="indigo">
          Your account is not linked to a patient record yet. Please contact the clinic.
        </Alert>
      ) : saved ? (
        <Stack>
          <Alert color="green" title="Thank you">
            Your intake was sent to {me.clinic.name}.
          </Alert>
          <Button variant="default" w="fit-content" onClick={() => setSaved(false)}>
            Update my answers
          </Button>
        </Stack>
      ) : (
        <IntakeForm patientId={me.patientId} portal onSaved={() => setSaved(true)} />
      )}
    </Stack>
  );
}

/** Portal: read each consent document in full and sign it; withdraw later if wished. */
export function PortalConsents() {
  const me = useMe();
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>My consents</Title>
        <Text size="sm" c="dimmed">
          Read each document in full before signing. You can withdraw a consent at any time.
        </Text>
      </div>
      {me.patientId ? (
        <ConsentsView patientId={me.patientId} mode="patient" canWithdraw />
      ) : (
        <Alert color="indigo">Your account is not linked to a patient record yet.</Alert>
      )}
    </Stack>
  );
}
