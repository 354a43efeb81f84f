/**
 * Vitals entry and the full vitals chart. Each entry is sent with an idempotency key that is
 * kept until the server confirms it, so a retry after a network error never stores the reading twice.
 * Readings a bedside monitor sent carry a "Device" badge; a nurse confirms them (one, or all waiting) before
 * they count for discharge.
 */
import { Badge, Button, Card, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { useClinicTime } from '../../ui/useClinicTime.ts';
import { confirmVitals, postVitals, type SessionRecord } from './api.ts';
import { sessionKeys } from './queries.ts';

const FIELDS = [
  ['sbp', 'Systolic'],
  ['dbp', 'Diastolic'],
  ['hr', 'Heart rate'],
  ['spo2', 'SpO₂ %'],
  ['rr', 'Resp. rate'],
] as const;

function VitalsChart({ s }: { s: SessionRecord }) {
  const { time } = useClinicTime();
  const data = s.vitals.map((v) => ({ t: time(v.at), ...v }));
  const spo2Below = s.protocol.alerts.spo2Below as number | undefined;
  if (data.length === 0) return <Text c="dimmed">No vitals yet.</Text>;
  return (
    <div style={{ width: '100%', height: 260 }} aria-label="Vitals over time" role="img">
      <ResponsiveContainer>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="t" />
          <YAxis domain={[0, 'auto']} />
          <Tooltip />
          <Legend />
          {spo2Below !== undefined && (
            <ReferenceLine y={spo2Below} stroke="#c92a2a" strokeDasharray="4 4" label="SpO₂ alert" />
          )}
          <Line
            type="monotone"
            dataKey="sbp"
            name="Systolic"
            stroke="#e8590c"
            dot
            connectNulls
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="dbp"
            name="Diastolic"
            stroke="#f59f00"
            dot
            connectNulls
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="hr"
            name="HR"
            stroke="#9c36b5"
            dot
            connectNulls
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="spo2"
            name="SpO₂"
            stroke="#1971c2"
            dot
            connectNulls
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="rr"
            name="RR"
            stroke="#2f9e44"
            dot
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

export function VitalsPanel({ s }: { s: SessionRecord }) {
  const { time } = useClinicTime();
  const [values, setValues] = useState<Record<string, number | string>>({});
  const [key, setKey] = useState(() => crypto.randomUUID());
  const posting = useApiMutation((body: Parameters<typeof postVitals>[1]) => postVitals(s.id, body), {
    invalidates: [sessionKeys.detail(s.id)],
  });
  const { error, busy } = posting;
  const confirming = useApiMutation((ids: string[]) => confirmVitals(s.id, ids), {
    invalidates: [sessionKeys.detail(s.id)],
  });
  const locked = Boolean(s.lockedAt);
  const unconfirmed = s.vitals
    .filter((v) => v.source === 'device' && v.confirmedAt === null)
    .map((v) => v.id);
  const submit = async () => {
    const reading: Parameters<typeof postVitals>[1]['readings'][number] = { at: new Date().toISOString() };
    for (const [f] of FIELDS) {
      const v = values[f];
      if (typeof v === 'number') reading[f] = v;
    }
    if (!(await posting.run({ idempotencyKey: key, readings: [reading] })).ok) return;
    setValues({});
    setKey(crypto.randomUUID());
  };
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        Vital signs
      </Title>
      <Stack gap="sm">
        {!locked && (
          <Group align="flex-end" gap="xs">
            {FIELDS.map(([f, label]) => (
              <NumberInput
                key={f}
                label={label}
                value={values[f] ?? ''}
                onChange={(v) => setValues((x) => ({ ...x, [f]: v }))}
                w={110}
                hideControls
              />
            ))}
            <Button onClick={submit} loading={busy}>
              Record vitals
            </Button>
          </Group>
        )}
        <ErrorAlert error={error} title="Vitals not saved" />
        {!locked && unconfirmed.length > 0 && (
          <Group gap="xs">
            <Text size="sm">
              {unconfirmed.length === 1
                ? '1 reading from the bedside monitor waits for your confirmation; it does not count for discharge until then.'
                : `${unconfirmed.length} readings from the bedside monitor wait for your confirmation; they do not count for discharge until then.`}
            </Text>
            <Button
              size="compact-sm"
              onClick={() => void confirming.run(unconfirmed)}
              loading={confirming.busy}
            >
              Confirm all from the monitor
            </Button>
          </Group>
        )}
        <ErrorAlert error={confirming.error} title="Readings not confirmed" />
        <VitalsChart s={s} />
        {s.vitals.length > 0 && (
          <Table striped withTableBorder fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Time</Table.Th>
                {FIELDS.map(([f, label]) => (
                  <Table.Th key={f}>{label}</Table.Th>
                ))}
                <Table.Th>Source</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...s.vitals]
                .reverse()
                .slice(0, 12)
                .map((v) => (
                  <Table.Tr key={v.id}>
                    <Table.Td>{time(v.at)}</Table.Td>
                    {FIELDS.map(([f]) => (
                      <Table.Td key={f}>{v[f] ?? '–'}</Table.Td>
                    ))}
                    <Table.Td>
                      {v.source === 'device' ? (
                        <Group gap={6} wrap="nowrap">
                          <Badge color="blue.9" size="sm">
                            Device
                          </Badge>
                          {v.confirmedAt !== null ? (
                            <Text size="xs">Confirmed</Text>
                          ) : locked ? (
                            <Text size="xs">Not confirmed</Text>
                          ) : (
                            <Button
                              size="compact-xs"
                              variant="light"
                              aria-label={`Confirm the reading of ${time(v.at)}`}
                              onClick={() => void confirming.run([v.id])}
                              loading={confirming.busy}
                            >
                              Confirm
                            </Button>
                          )}
                        </Group>
                      ) : (
                        <Text size="xs">Typed</Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Card>
  );
}
