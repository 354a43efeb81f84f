import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  JsonInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { ProtocolItem } from '@plasticity/contracts';
import { useState } from 'react';
import { describeFieldError } from '../../api/errors.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { drugLabel, routeLabel, statusLabel } from '../../ui/labels.ts';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { ProtocolTemplatesPanel } from '../integration/ProtocolTemplatesPanel.tsx';
import { saveProtocol } from './api.ts';
import { DoseCalculatorPanel } from './DoseCalculatorPanel.tsx';
import { ProtocolSafetyFields } from './ProtocolSafetyFields.tsx';
import { prepareNextVersion } from './protocolUpgrade.ts';
import { planKeys, useProtocols } from './queries.ts';

/**
 * The protocol library (admin, prescriber): one active default per route, each with its cited sources. An edit
 * saves a new version (plans and dose results keep the version they used); the server validates the data.
 */
export function ProtocolsPage() {
  const [history, setHistory] = useState(false);
  const data = useProtocols(history);
  const [editing, setEditing] = useState<ProtocolItem | null>(null);
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>Protocol library</Title>
        <Text size="sm" c="dimmed">
          Defaults cite their sources. The medical director adapts them; each edit is a new version, and
          versions already used keep their values.
        </Text>
      </div>
      <Checkbox
        label="Show earlier versions"
        checked={history}
        onChange={(e) => setHistory(e.currentTarget.checked)}
      />
      {data.error ? (
        <ErrorAlert error={data.error} />
      ) : !data.data ? (
        <LoadingState />
      ) : (
        <Table striped aria-label="Protocols">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Route</Table.Th>
              <Table.Th>Drug</Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th>Version</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.data.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{routeLabel(p.route)}</Table.Td>
                <Table.Td>{drugLabel(p.drug)}</Table.Td>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>v{p.version}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {p.isDefault && (
                      <Badge color="green.9" variant="filled">
                        Default
                      </Badge>
                    )}
                    {!p.current && (
                      <Badge color="gray.7" variant="filled">
                        Superseded
                      </Badge>
                    )}
                    {p.current && !p.active && (
                      <Badge color="yellow.4" variant="filled" autoContrast>
                        {statusLabel(p.status)}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {p.current && (
                    <Button size="xs" variant="default" onClick={() => setEditing(p)}>
                      Edit
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <ProtocolEditor key={editing.id} item={editing} onDone={() => setEditing(null)} />}
      <ProtocolTemplatesPanel />
      {data.data && <DoseCalculatorPanel protocols={data.data.filter((p) => p.active)} />}
    </Stack>
  );
}

function ProtocolEditor({ item, onDone }: { item: ProtocolItem; onDone: () => void }) {
  const [prepared] = useState(() => prepareNextVersion(item.protocol));
  const [json, setJson] = useState(() => JSON.stringify(prepared.protocol, null, 2));
  let parsedNow: Record<string, unknown> | null = null;
  try {
    const v: unknown = JSON.parse(json);
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) parsedNow = v as Record<string, unknown>;
  } catch {
    parsedNow = null;
  }
  const [note, setNote] = useState('');
  const [notJson, setNotJson] = useState<unknown>(null);
  // Every protocol list (current and with history) and the plans that show protocol names refetch.
  const saving = useApiMutation((parsed: unknown) => saveProtocol(item.id, parsed, note), {
    invalidates: [planKeys.protocols()],
  });
  const failure = notJson ?? saving.error;
  const busy = saving.busy;
  const save = async () => {
    setNotJson(null);
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch {
      setNotJson(new Error('not JSON'));
      return;
    }
    if ((await saving.run(parsed)).ok) onDone();
  };
  const details =
    failure && typeof failure === 'object' && 'details' in failure
      ? ((failure as { details: Array<{ field?: string; message: string }> }).details ?? []).map((d) =>
          d.field ? describeFieldError(d.field, d.message) : d.message,
        )
      : [];
  return (
    <Card withBorder>
      <Title order={2} size="h3">
        Edit {item.name} (v{item.version} → v{item.version + 1})
      </Title>
      {prepared.changes.length > 0 && (
        <Text size="sm" mt="xs" data-testid="protocol-upgrade-changes">
          Filled in for the new version: {prepared.changes.join('; ')}.
        </Text>
      )}
      {parsedNow && (
        <ProtocolSafetyFields
          protocol={parsedNow}
          onChange={(next) => setJson(JSON.stringify(next, null, 2))}
          errors={saving.fieldErrors}
        />
      )}
      {/* The advanced view of the raw protocol data: the one place codes may show. */}
      <JsonInput
        data-allow-codes
        mt="sm"
        label="Protocol data (advanced)"
        value={json}
        onChange={setJson}
        autosize
        minRows={12}
        maxRows={30}
        validationError="Not valid JSON"
        formatOnBlur
      />
      <TextInput
        label="What changed and why (change note)"
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        mt="sm"
      />
      <Group mt="sm">
        <Button onClick={save} loading={busy} disabled={!note.trim()}>
          Save new version
        </Button>
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
      </Group>
      <ErrorAlert error={failure} title="The protocol was not saved" extra={details} />
    </Card>
  );
}
