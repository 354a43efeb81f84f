import { useMe } from '../../app/auth.tsx';
import type { ChartTabProps } from '../../app/registry.ts';
import { ConsentsView } from './ConsentsView.tsx';

/**
 * Chart tab "Consents": what the patient signed (and withdrew), with the signed PDFs. Patients sign in the
 * portal, or here on a clinic device a clinician hands them when the clinic allows it.
 */
export function ConsentsTab({ patient }: ChartTabProps) {
  const me = useMe();
  return (
    <ConsentsView
      patientId={patient.id}
      mode="staff"
      canWithdraw={['prescriber', 'nurse', 'therapist'].includes(me.role)}
      canHandDevice={me.clinic.clinicDeviceConsent && ['prescriber', 'nurse', 'therapist'].includes(me.role)}
    />
  );
}
