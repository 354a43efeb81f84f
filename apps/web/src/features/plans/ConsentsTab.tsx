import { Stack } from '@mantine/core';
import { useMe } from '../../app/auth.tsx';
import type { ChartTabProps } from '../../app/registry.ts';
import { Part2ConsentsCard } from '../part2/Part2ConsentsCard.tsx';
import { ConsentsView } from './ConsentsView.tsx';

/**
 * Chart tab "Consents": what the patient signed (and withdrew), with the signed PDFs. Patients sign in the
 * portal, or here on a clinic device a clinician hands them when the clinic allows it. Below them, the patient's
 * 42 CFR Part 2 disclosure consents (features/part2).
 */
export function ConsentsTab({ patient }: ChartTabProps) {
  const me = useMe();
  return (
    <Stack gap="md">
      <ConsentsView
        patientId={patient.id}
        mode="staff"
        canWithdraw={['prescriber', 'nurse', 'therapist'].includes(me.role)}
        canHandDevice={
          me.clinic.clinicDeviceConsent && ['prescriber', 'nurse', 'therapist'].includes(me.role)
        }
      />
      <Part2ConsentsCard patientId={patient.id} />
    </Stack>
  );
}
