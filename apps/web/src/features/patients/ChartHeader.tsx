import { Group, Paper, Text, Title } from '@mantine/core';
import type { Patient } from '@plasticity/contracts';
import { useMe } from '../../app/auth.tsx';
import { ageFrom, sexLabel } from '../../ui/format.ts';
import { ChartGlance } from './ChartGlance.tsx';
import { PortalInviteButton } from './PortalInviteButton.tsx';

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Text size="sm" component="span">
      <Text span c="dimmed" size="sm">
        {label}{' '}
      </Text>
      <Text span fw={600} size="sm">
        {value}
      </Text>
    </Text>
  );
}

export function ChartHeader({ patient }: { patient: Patient }) {
  const me = useMe();
  const age = ageFrom(patient.dateOfBirth);
  return (
    <Paper withBorder p="sm" radius="sm">
      <Group justify="space-between" align="flex-start" gap="sm">
        <div>
          <Title order={1}>
            {patient.lastName}, {patient.firstName}
          </Title>
          <Group gap="lg" mt={4} component="p" style={{ margin: 0 }}>
            <Fact label="Age" value={age === null ? '—' : `${age}`} />
            <Fact label="DOB" value={patient.dateOfBirth} />
            <Fact label="Sex" value={sexLabel(patient.sex)} />
            <Fact label="MRN" value={patient.mrn} />
          </Group>
          <ChartGlance patientId={patient.id} />
        </div>
        {me.role !== 'patient' && <PortalInviteButton patient={patient} />}
      </Group>
    </Paper>
  );
}
