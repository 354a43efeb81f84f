/** Downloads the superbill (PDF) for a range of dates of service; defaults to the last three months. */
import { Button, Card, Group, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../../ui/ErrorAlert.tsx';
import { useClinicTime } from '../../../ui/useClinicTime.ts';
import { downloadSuperbill } from './api.ts';

const monthsBefore = (date: string, months: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
};

export function SuperbillCard({ patientId }: { patientId: string }) {
  const t = useClinicTime();
  const today = t.date(new Date().toISOString());
  const [from, setFrom] = useState(monthsBefore(today, 3));
  const [to, setTo] = useState(today);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      await downloadSuperbill(patientId, from, to);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder component="section" aria-label="Superbill">
      <Title order={3} size="h4" mb="xs">
        Superbill
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        A statement the patient can send to their insurer for out-of-network reimbursement.
      </Text>
      <Group align="end">
        <TextInput label="From" type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput label="To" type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        <Button onClick={download} loading={busy}>
          Download superbill
        </Button>
      </Group>
      <ErrorAlert error={error} title="The superbill could not be downloaded" />
    </Card>
  );
}
