/**
 * Admin: the clinic's chairs and rooms (name, kind, monitoring-device identifier, active) and the settings
 * of its appointment types. Compact rows, each saved on its own; a chair is never deleted, only made inactive.
 */
import { Button, Group, Select, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import {
  CHAIR_KIND_LABELS,
  CHAIR_KINDS,
  type Chair,
  type ChairKind,
  DEVICE_ID_MAX,
} from '@plasticity/contracts';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { AppointmentTypesPanel } from './AppointmentTypesPanel.tsx';
import { createChair, updateChair } from './api.ts';
import { scheduleKeys, useChairs } from './queries.ts';

const KIND_OPTIONS = CHAIR_KINDS.map((k) => ({ value: k, label: CHAIR_KIND_LABELS[k] }));

function ChairRow({ chair }: { chair: Chair }) {
  const [name, setName] = useState(chair.name);
  const [kind, setKind] = useState<ChairKind>(chair.kind);
  const [deviceId, setDeviceId] = useState(chair.deviceId ?? '');
  const [active, setActive] = useState(chair.active);
  const saving = useApiMutation(() => updateChair(chair.id, changes()), {
    invalidates: [scheduleKeys.resources()],
  });
  const changes = () => ({
    ...(name.trim() !== chair.name ? { name: name.trim() } : {}),
    ...(kind !== chair.kind ? { kind } : {}),
    ...(deviceId.trim() !== (chair.deviceId ?? '') ? { deviceId: deviceId.trim() || null } : {}),
    ...(active !== chair.active ? { active } : {}),
  });
  const changed = Object.keys(changes()).length > 0;
  return (
    <Table.Tr>
      <Table.Td>
        <TextInput
          size="xs"
          aria-label={`Name of ${chair.name}`}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={saving.fieldErrors.name}
        />
      </Table.Td>
      <Table.Td>
        <Select
          size="xs"
          aria-label={`Kind of ${chair.name}`}
          data={KIND_OPTIONS}
          value={kind}
          onChange={(v) => v && setKind(v as ChairKind)}
          allowDeselect={false}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          size="xs"
          aria-label={`Monitoring device of ${chair.name}`}
          maxLength={DEVICE_ID_MAX}
          value={deviceId}
          onChange={(e) => setDeviceId(e.currentTarget.value)}
          error={saving.fieldErrors.deviceId}
        />
      </Table.Td>
      <Table.Td>
        <Switch
          aria-label={`${chair.name} in use`}
          checked={active}
          onChange={(e) => setActive(e.currentTarget.checked)}
        />
      </Table.Td>
      <Table.Td>
        <Button
          size="compact-sm"
          onClick={() => void saving.run(undefined)}
          loading={saving.busy}
          disabled={!changed}
        >
          Save
        </Button>
        <ErrorAlert error={saving.error} title="Not saved" />
      </Table.Td>
    </Table.Tr>
  );
}

function AddChair() {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ChairKind>('infusion_chair');
  const [deviceId, setDeviceId] = useState('');
  const adding = useApiMutation(createChair, { invalidates: [scheduleKeys.resources()] });
  const submit = async () => {
    const result = await adding.run({
      name: name.trim(),
      kind,
      ...(deviceId.trim() ? { deviceId: deviceId.trim() } : {}),
    });
    if (result.ok) {
      setName('');
      setDeviceId('');
    }
  };
  return (
    <Stack gap={4}>
      <Group align="flex-end" gap="xs">
        <TextInput
          label="New chair or room"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={adding.fieldErrors.name}
        />
        <Select
          label="Kind"
          data={KIND_OPTIONS}
          value={kind}
          onChange={(v) => v && setKind(v as ChairKind)}
          allowDeselect={false}
        />
        <TextInput
          label="Monitoring device (optional)"
          maxLength={DEVICE_ID_MAX}
          value={deviceId}
          onChange={(e) => setDeviceId(e.currentTarget.value)}
          error={adding.fieldErrors.deviceId}
        />
        <Button onClick={submit} loading={adding.busy} disabled={!name.trim()}>
          Add
        </Button>
      </Group>
      <ErrorAlert
        error={adding.error}
        title="The chair was not added"
        extra={adding.unplaced(['name', 'deviceId'])}
      />
    </Stack>
  );
}

export function ChairsPage() {
  const chairs = useChairs(true);
  return (
    <Stack gap="sm">
      <Title order={1} size="h3">
        Chairs and rooms
      </Title>
      <Text size="sm" c="dimmed">
        Dosing visits and the live board use these. A chair no longer used is made inactive; its history
        stays.
      </Text>
      <Text size="sm" c="dimmed">
        Monitoring device: the identifier the chair’s bedside monitor sends with its readings (usually its
        EUI-64, 16 characters, or the bed label the monitor is set to). Readings from that monitor go to the
        session in this chair; a nurse confirms them on the session page. Leave it empty for no monitor.
      </Text>
      <ErrorAlert error={chairs.error} title="Could not load the chairs" />
      <Table verticalSpacing={4} fz="sm" aria-label="Chairs and rooms">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Kind</Table.Th>
            <Table.Th>Monitoring device</Table.Th>
            <Table.Th>In use</Table.Th>
            <Table.Th>Save</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(chairs.data ?? []).map((c) => (
            <ChairRow key={`${c.id}-${c.name}-${c.kind}-${c.active}-${c.deviceId}`} chair={c} />
          ))}
        </Table.Tbody>
      </Table>
      <AddChair />
      <AppointmentTypesPanel />
    </Stack>
  );
}
