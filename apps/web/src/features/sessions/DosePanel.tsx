/**
 * The administration record (issue 6 §3): dose, lot and expiry (or the register container), verifier, start
 * time; plus a quick MOAA/S entry. Esketamine protocols accept only the label's doses (server-checked).
 */
import {
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { postObservation, recordDose, type SessionRecord } from './api.ts';
import { time } from './format.ts';

export function DosePanel({ s, onChange }: { s: SessionRecord; onChange: (s?: SessionRecord) => void }) {
  const [doseMg, setDoseMg] = useState<number | string>(s.protocol.drug === 'esketamine' ? 56 : '');
  const [lot, setLot] = useState('');
  const [expiry, setExpiry] = useState('');
  const [moaas, setMoaas] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const canDose = ['dosing', 'monitoring'].includes(s.status);
  const save = async () => {
    setError(null);
    try {
      onChange(
        await recordDose(s.id, {
          doseMg: Number(doseMg),
          startedAt: new Date().toISOString(),
          ...(lot.trim() ? { lot: lot.trim() } : {}),
          ...(expiry ? { expiry } : {}),
        }),
      );
    } catch (e) {
      setError(e);
    }
  };
  const saveMoaas = async () => {
    setError(null);
    try {
      await postObservation(s.id, { kind: 'moaas', at: new Date().toISOString(), score: Number(moaas) });
      setMoaas(null);
      onChange();
    } catch (e) {
      setError(e);
    }
  };
  const lastMoaas = [...s.observations].reverse().find((o) => o.kind === 'moaas');
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        Administration
      </Title>
      <Stack gap="xs">
        {s.administrations.length > 0 && (
          <Table withTableBorder fz="sm">
            <Table.Tbody>
              {s.administrations.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{time(a.startedAt)}</Table.Td>
                  <Table.Td>
                    {a.drug} {a.route} {a.doseMg} mg
                  </Table.Td>
                  <Table.Td>
                    lot {a.lot ?? '–'} exp {a.expiry ?? '–'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {canDose && !s.lockedAt && (
          <Group align="flex-end">
            <NumberInput label="Dose (mg)" value={doseMg} onChange={setDoseMg} w={120} hideControls />
            <TextInput label="Lot" value={lot} onChange={(e) => setLot(e.currentTarget.value)} w={140} />
            <TextInput
              label="Expiry"
              type="date"
              value={expiry}
              onChange={(e) => setExpiry(e.currentTarget.value)}
              w={160}
            />
            <Button onClick={save} disabled={doseMg === ''}>
              Record dose
            </Button>
          </Group>
        )}
        {!s.lockedAt && ['dosing', 'monitoring', 'recovery'].includes(s.status) && (
          <Group align="flex-end">
            <Select
              label="MOAA/S"
              data={['5', '4', '3', '2', '1', '0']}
              value={moaas}
              onChange={setMoaas}
              w={120}
            />
            <Button variant="light" onClick={saveMoaas} disabled={moaas === null}>
              Record MOAA/S
            </Button>
            <Text size="sm" c="dimmed">
              {lastMoaas ? `last ${String(lastMoaas.data.score)} at ${time(lastMoaas.at)}` : 'none yet'}
            </Text>
          </Group>
        )}
        <ErrorAlert error={error} title="Not saved" />
      </Stack>
    </Card>
  );
}
