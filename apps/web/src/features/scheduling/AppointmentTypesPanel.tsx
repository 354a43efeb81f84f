/** Admin: the clinic's appointment types — length, turnover buffer, self-booking and the cancellation notice. */
import { Button, Checkbox, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import type { AppointmentTypeView, UpdateAppointmentTypeRequest } from '@plasticity/contracts';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { updateAppointmentType } from './api.ts';
import { scheduleKeys, useAppointmentTypes } from './queries.ts';

const num = (v: number | string, fallback: number): number => (typeof v === 'number' ? v : fallback);

function TypeRow({ t }: { t: AppointmentTypeView }) {
  const [duration, setDuration] = useState<number | string>(t.durationMin ?? '');
  const [buffer, setBuffer] = useState<number | string>(t.bufferMin);
  const [notice, setNotice] = useState<number | string>(t.cancelNoticeHours);
  const [selfBookable, setSelfBookable] = useState(t.selfBookable);
  const changes = (): UpdateAppointmentTypeRequest => ({
    ...(t.durationMin !== null && num(duration, t.durationMin) !== t.durationMin
      ? { durationMin: num(duration, t.durationMin) }
      : {}),
    ...(num(buffer, t.bufferMin) !== t.bufferMin ? { bufferMin: num(buffer, t.bufferMin) } : {}),
    ...(num(notice, t.cancelNoticeHours) !== t.cancelNoticeHours
      ? { cancelNoticeHours: num(notice, t.cancelNoticeHours) }
      : {}),
    ...(selfBookable !== t.selfBookable ? { selfBookable } : {}),
  });
  const saving = useApiMutation(() => updateAppointmentType(t.type, changes()), {
    invalidates: [scheduleKeys.types()],
  });
  return (
    <Table.Tr>
      <Table.Td>{t.label}</Table.Td>
      <Table.Td>
        {t.durationMin === null ? (
          <Text size="xs">From the protocol</Text>
        ) : (
          <NumberInput
            size="xs"
            w={90}
            aria-label={`${t.label}: minutes`}
            value={duration}
            onChange={setDuration}
            min={5}
            max={600}
            step={5}
          />
        )}
      </Table.Td>
      <Table.Td>
        <NumberInput
          size="xs"
          w={80}
          aria-label={`${t.label}: buffer minutes`}
          value={buffer}
          onChange={setBuffer}
          min={0}
          max={120}
          step={5}
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          size="xs"
          w={80}
          aria-label={`${t.label}: cancellation notice hours`}
          value={notice}
          onChange={setNotice}
          min={0}
          max={336}
        />
      </Table.Td>
      <Table.Td>
        <Checkbox
          aria-label={`${t.label}: patients may book it on the portal`}
          checked={selfBookable}
          onChange={(e) => setSelfBookable(e.currentTarget.checked)}
        />
      </Table.Td>
      <Table.Td>
        <Button
          size="compact-sm"
          onClick={() => void saving.run(undefined)}
          loading={saving.busy}
          disabled={Object.keys(changes()).length === 0}
        >
          Save
        </Button>
        <ErrorAlert error={saving.error} title="Not saved" />
      </Table.Td>
    </Table.Tr>
  );
}

export function AppointmentTypesPanel() {
  const types = useAppointmentTypes();
  return (
    <Stack gap="xs" component="section" aria-label="Appointment types">
      <Title order={2} size="h4">
        Appointment types
      </Title>
      <ErrorAlert error={types.error} title="Could not load the appointment types" />
      <Table verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Type</Table.Th>
            <Table.Th>Minutes</Table.Th>
            <Table.Th>Buffer (min)</Table.Th>
            <Table.Th>Cancel notice (h)</Table.Th>
            <Table.Th>Portal booking</Table.Th>
            <Table.Th>Save</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(types.data ?? []).map((t) => (
            <TypeRow key={JSON.stringify(t)} t={t} />
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
