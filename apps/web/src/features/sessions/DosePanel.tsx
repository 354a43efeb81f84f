/**
 * The administration record: each dose with its mg/kg, lot and expiry and, when
 * drawn from the controlled-substance register, what was drawn, given and wasted (and who witnessed the
 * waste), with the session's register entries; the reasons given (override, change from the plan, not
 * from the register); an infusion's progress and its steps (`InfusionControls.tsx`); a prescriber's
 * "entered in error" (`EnteredInErrorForm.tsx`); the dose form (`DoseForm.tsx`); plus a quick MOAA/S entry.
 * Every dose limit is checked by the server with the dose calculator's rules.
 */
import { Badge, Button, Card, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useMe } from '../../app/auth.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { useClinicTime } from '../../ui/useClinicTime.ts';
import {
  type Administration,
  type AdministrationRegister,
  postObservation,
  type SessionRecord,
} from './api.ts';
import { DoseForm } from './DoseForm.tsx';
import { EnteredInErrorForm } from './EnteredInErrorForm.tsx';
import { InfusionControls } from './InfusionControls.tsx';
import { sessionKeys } from './queries.ts';
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
  const observing = useApiMutation(
    (score: number) => postObservation(s.id, { kind: 'moaas', at: new Date().toISOString(), score }),
    { invalidates: [sessionKeys.detail(s.id)] },
  );
  const error = observing.error;
  const canDose = ['dosing', 'monitoring'].includes(s.status) && DOSERS.includes(me.role);
  const fromRegister = s.administrations.some((a) => a.register);
  const saveMoaas = async () => {
    if ((await observing.run(Number(moaas))).ok) setMoaas(null);
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
                <AdministrationRow key={a.id} s={s} a={a} role={me.role} onChange={onChange} />
              ))}
            </Table.Tbody>
          </Table>
        )}
        {fromRegister && REGISTER_READERS.includes(me.role) && <SessionLedger sessionId={s.id} />}
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
            <Button variant="light" onClick={saveMoaas} disabled={moaas === null} loading={observing.busy}>
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

function AdministrationRow({
  s,
  a,
  role,
  onChange,
}: {
  s: SessionRecord;
  a: Administration;
  role: string;
  onChange: (s?: SessionRecord) => void;
}) {
  const { time } = useClinicTime();
  const perKg = a.doseCheck?.mgPerKg ? ` (${a.doseCheck.mgPerKg} mg/kg)` : '';
  const open = !s.lockedAt && !a.enteredInError;
  const reasons = [
    a.overrideReason ? `Override of the protocol maximum: ${a.overrideReason}` : null,
    a.doseChangeReason ? `Changed from the plan: ${a.doseChangeReason}` : null,
  ].filter((x): x is string => x !== null);
  return (
    <Table.Tr data-testid="administration">
      <Table.Td>{time(a.startedAt)}</Table.Td>
      <Table.Td>
        <Text size="sm" td={a.enteredInError ? 'line-through' : undefined}>
          {a.drug} {a.route} {a.doseMg} mg{perKg}
        </Text>
        {a.enteredInError && (
          <Badge color="red.9" variant="light" size="sm">
            Entered in error{a.enteredInErrorReason ? `: ${a.enteredInErrorReason}` : ''}
          </Badge>
        )}
        {reasons.map((r) => (
          <Text key={r} size="xs" c="dimmed">
            {r}
          </Text>
        ))}
      </Table.Td>
      <Table.Td>
        lot {a.lot ?? '–'} exp {a.expiry ?? '–'}
      </Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <Text size="sm">
            {a.register
              ? registerSummary(a.register)
              : `Not from the register${a.notFromRegisterReason ? `: ${a.notFromRegisterReason}` : ''}`}
          </Text>
          {a.route === 'iv' && !a.enteredInError && (
            <InfusionControls s={s} a={a} canAct={open && DOSERS.includes(role)} onChange={onChange} />
          )}
          {open && role === 'prescriber' && <EnteredInErrorForm s={s} a={a} onChange={onChange} />}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
