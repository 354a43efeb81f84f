import { Alert, Stack, Text, Title } from '@mantine/core';
import { useMe } from '../../app/auth.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { PatientDetails } from '../patients/PatientDetails.tsx';
import { usePatientQuery } from '../patients/queries.ts';

/** Portal "My record": the patient's own details, read-only, laid out for a phone. */
export function MyRecordPage() {
  const me = useMe();
  const patientId = me.patientId;
  const { data: patient, error } = usePatientQuery(patientId ?? '', Boolean(patientId));

  return (
    <Stack gap="md">
      <div>
        <Title order={1}>My record</Title>
        <Text size="sm" c="dimmed">
          The details {me.clinic.name} holds about you. To correct anything, contact the clinic.
        </Text>
      </div>
      {!patientId ? (
        <Alert color="indigo" variant="light">
          Your account is not linked to a patient record yet. Please contact the clinic.
        </Alert>
      ) : error ? (
        <ErrorAlert error={error} title="Could not load your record" />
      ) : !patient ? (
        <LoadingState label="Loading your record…" />
      ) : (
        <PatientDetails patient={patient} />
      )}
    </Stack>
  );
}
