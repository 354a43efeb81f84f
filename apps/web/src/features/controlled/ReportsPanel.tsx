import { Anchor, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useClinicTime } from '../../ui/useClinicTime.ts';
import { reportUrl } from './api.ts';
import { Choice } from './Choice.tsx';
import { useRegisterPatients } from './queries.ts';

/** Inspector-ready downloads: inventory, dispensing/administration log, per-patient history (PDF and CSV). */
export function ReportsPanel() {
  const { date } = useClinicTime();
  const today = Date.now();
  const [from, setFrom] = useState(() => date(new Date(today - 30 * 86_400_000).toISOString()));
  const [to, setTo] = useState(() => date(new Date(today).toISOString()));
  const [patientId, setPatientId] = useState<string | null>(null);
  const patients = useRegisterPatients();
  const links = (pdf: string, csv: string) => (
    <Group gap="md">
      <Anchor href={pdf} download>
        PDF
      </Anchor>
      <Anchor href={csv} download>
        CSV
      </Anchor>
    </Group>
  );
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }}>
      <Card withBorder>
        <Stack gap="xs">
          <Title order={2} size="h4">
            Inventory (21 CFR 1304.11)
          </Title>
          <Text size="sm">Everything on hand now; opened Schedule III containers may be estimated.</Text>
          <Text size="sm" fw={500}>
            Initial inventory
          </Text>
          {links(reportUrl.inventory('initial', 'pdf'), reportUrl.inventory('initial', 'csv'))}
          <Text size="sm" fw={500}>
            Biennial inventory
          </Text>
          {links(reportUrl.inventory('biennial', 'pdf'), reportUrl.inventory('biennial', 'csv'))}
        </Stack>
      </Card>
      <Card withBorder>
        <Stack gap="xs">
          <Title order={2} size="h4">
            Dispensing and administration log
          </Title>
          <Group grow>
            <TextInput
              label="From"
              type="date"
              value={from}
              onChange={(e) => setFrom(e.currentTarget.value)}
            />
            <TextInput label="To" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
          </Group>
          {from &&
            to &&
            links(reportUrl.administrations(from, to, 'pdf'), reportUrl.administrations(from, to, 'csv'))}
        </Stack>
      </Card>
      <Card withBorder>
        <Stack gap="xs">
          <Title order={2} size="h4">
            Patient administration history
          </Title>
          <Choice
            label="Patient"
            data={(patients.data ?? []).map((p) => ({
              value: p.id,
              label: `${p.lastName}, ${p.firstName} (${p.mrn})`,
            }))}
            value={patientId}
            onChange={setPatientId}
          />
          {patientId && links(reportUrl.patient(patientId, 'pdf'), reportUrl.patient(patientId, 'csv'))}
        </Stack>
      </Card>
    </SimpleGrid>
  );
}
