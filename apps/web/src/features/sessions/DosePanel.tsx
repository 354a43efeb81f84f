/**
 * The administration record (issue 6 §3): each dose with lot and expiry and, when drawn from the
 * controlled-substance register, what was drawn, given and wasted (and who witnessed the waste), with the
 * session's register entries; the dose form (`DoseForm.tsx`); plus a quick MOAA/S entry. Esketamine
 * protocols accept only the label's doses (server-checked).
 */
import { Button, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useMe } from '../../app/auth.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useClinicTime } from '../../ui/useClinicTime.ts';
import { type AdministrationRegister, postObservation, type SessionRecord } from './api.ts';
import { DoseForm } from './DoseForm.tsx';
import { SessionLedger } from './SessionLedger.tsx';

const REGISTER_READERS = ['prescriber', 'nurse', 'admin'];
const DOSERS = ['prescriber', 'nurse'];

function registerSummary(r: AdministrationRegister): string {
  const u = r.unit ?? '';
  const parts = [`drawn ${r.drawn ?? '–'} ${u}`, `given ${r.given ?? '–'} ${u}`];
  if (r.wasted) parts.push(`wasted ${r.wasted} ${u} (witness ${r.wasteWitnessName ?? 'recorded'})`);
  return `Register: ${parts.join(' · ')}`;
}

export function DosePanel({ s, onChange }: { s: SessionRecord; onChange: (s?: SessionRecord) => void }) {
  const me = useMe();
  const { time } = useClinicTime();
  const [moaas, setMoaas] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const canDose = ['dosing', 'monitoring'].includes(s.status) && DOSERS.includes(me.role);
  const fromRegister = s.administrations.some((a) => a.register);
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
                  <Table.Td>
                    {a.register ? registerSummary(a.register) : 'not drawn from the register'}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {fromRegister && REGISTER_READERS.includes(me.role) && (
          <SessionLedger sessionId={s.id} version={s.administrations.map((a) => a.id).join(',')} />
        )}
        {canDose && !s.lockedAt && <DoseForm s={s} onChange={onChange} />}
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
