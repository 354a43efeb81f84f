import { DataList, SimpleGrid, Title } from '@mantine/core';
import type { Patient } from '@plasticity/contracts';
import { sexLabel } from '../../ui/format.ts';

const dash = (value: string | null | undefined) => (value && value.trim() !== '' ? value : '—');

function formatAddress(a: Patient['address']): string {
  if (!a) return '—';
  return [a.line1, a.line2, `${a.city}, ${a.state} ${a.postalCode}`, a.country].filter(Boolean).join('\n');
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <DataList.Item>
      <DataList.ItemLabel>{label}</DataList.ItemLabel>
      <DataList.ItemValue style={{ whiteSpace: 'pre-line' }}>{value}</DataList.ItemValue>
    </DataList.Item>
  );
}

/** Read-only demographics, shared by the staff chart and the patient portal. */
export function PatientDetails({ patient, headingLevel = 2 }: { patient: Patient; headingLevel?: 2 | 3 }) {
  const ec = patient.emergencyContact;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <section>
        <Title order={headingLevel} mb="xs">
          Personal details
        </Title>
        <DataList size="sm" gap={6} labelWidth="140px">
          <Row label="First name" value={patient.firstName} />
          <Row label="Last name" value={patient.lastName} />
          <Row label="Date of birth" value={patient.dateOfBirth} />
          <Row label="Sex" value={sexLabel(patient.sex)} />
          <Row label="MRN" value={patient.mrn} />
        </DataList>
      </section>
      <section>
        <Title order={headingLevel} mb="xs">
          Contact
        </Title>
        <DataList size="sm" gap={6} labelWidth="140px">
          <Row label="Phone" value={dash(patient.phone)} />
          <Row label="Email" value={dash(patient.email)} />
          <Row label="Address" value={formatAddress(patient.address)} />
          <Row
            label="Emergency contact"
            value={ec ? [ec.name, ec.relationship, ec.phone].filter(Boolean).join('\n') : '—'}
          />
        </DataList>
      </section>
    </SimpleGrid>
  );
}
