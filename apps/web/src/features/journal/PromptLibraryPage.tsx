import {
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import type { JournalPhase } from '@plasticity/contracts';
import { useState } from 'react';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { useProtocols } from '../plans/queries.ts';
import { createPrompt, type JournalPromptT, updatePrompt } from './api.ts';
import { PHASE_OPTIONS } from './labels.ts';
import { journalKeys, usePromptLibrary } from './queries.ts';

const ALL_PROTOCOLS = '';

/** The protocol lines of the clinic's library as choices (one per key, the current version's name). */
function useProtocolChoices(): { value: string; label: string }[] {
  const protocols = useProtocols();
  const seen = new Map<string, string>();
  for (const p of protocols.data ?? []) if (!seen.has(p.key)) seen.set(p.key, p.name);
  return [
    { value: ALL_PROTOCOLS, label: 'Every protocol' },
    ...[...seen].map(([value, label]) => ({ value, label })),
  ];
}

/**
 * Admin, therapist and prescriber: the clinic's journal-prompt library. Prompts are offered on the portal by
 * phase of the course (and protocol, when set); edits are audited, and a prompt is retired, never deleted.
 */
export function PromptLibraryPage() {
  const library = usePromptLibrary();
  const protocols = useProtocolChoices();
  const protocolName = (key: string | null) =>
    key === null ? 'Every protocol' : (protocols.find((p) => p.value === key)?.label ?? key);
  return (
    <Stack>
      <div>
        <Title order={1}>Journal prompts</Title>
        <Text size="sm" c="dimmed">
          Patients see the active prompts for where they are in their course: before a session, the evening
          after, the week after, or any time. Entries keep the words of the prompt they answered.
        </Text>
      </div>
      <AddPrompt protocols={protocols} />
      {library.error ? (
        <ErrorAlert error={library.error} title="Could not load the prompts" />
      ) : !library.data ? (
        <LoadingState label="Loading prompts…" />
      ) : (
        PHASE_OPTIONS.map(({ value: phase, label }) => {
          const rows = library.data.filter((p) => p.phase === phase);
          return (
            <Card key={phase} withBorder radius="md" component="section" aria-label={label}>
              <Title order={2} size="h4" mb="xs">
                {label}
              </Title>
              {rows.length === 0 ? (
                <Text size="sm" c="dimmed">
                  No prompts.
                </Text>
              ) : (
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Prompt</Table.Th>
                      <Table.Th>Protocol</Table.Th>
                      <Table.Th>Order</Table.Th>
                      <Table.Th>Status</Table.Th>
                      <Table.Th>
                        <VisuallyHidden>Actions</VisuallyHidden>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rows.map((p) => (
                      <PromptRow
                        key={p.id}
                        prompt={p}
                        protocolName={protocolName(p.protocolKey)}
                        protocols={protocols}
                      />
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Card>
          );
        })
      )}
    </Stack>
  );
}

function AddPrompt({ protocols }: { protocols: { value: string; label: string }[] }) {
  const [text, setText] = useState('');
  const [phase, setPhase] = useState<JournalPhase>('any');
  const [protocolKey, setProtocolKey] = useState(ALL_PROTOCOLS);
  const saving = useApiMutation(createPrompt, { invalidates: [journalKeys.prompts()] });
  const submit = async () => {
    const r = await saving.run({
      text,
      phase,
      protocolKey: protocolKey === ALL_PROTOCOLS ? null : protocolKey,
    });
    if (r.ok) setText('');
  };
  return (
    <Card withBorder radius="md" component="section" aria-labelledby="add-prompt-title">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4" id="add-prompt-title">
            Add a prompt
          </Title>
          <Textarea
            label="Prompt"
            autosize
            minRows={2}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={saving.fieldErrors.text}
            required
          />
          <Group grow align="flex-start">
            <Select
              label="When to offer it"
              data={PHASE_OPTIONS}
              value={phase}
              onChange={(v) => v && setPhase(v as JournalPhase)}
              allowDeselect={false}
              error={saving.fieldErrors.phase}
            />
            <Select
              label="Protocol"
              data={protocols}
              value={protocolKey}
              onChange={(v) => setProtocolKey(v ?? ALL_PROTOCOLS)}
              allowDeselect={false}
              error={saving.fieldErrors.protocolKey}
            />
          </Group>
          <ErrorAlert error={saving.error} title="The prompt was not added" />
          <Group>
            <Button type="submit" loading={saving.busy} disabled={text.trim() === ''}>
              Add prompt
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function PromptRow({
  prompt,
  protocolName,
  protocols,
}: {
  prompt: JournalPromptT;
  protocolName: string;
  protocols: { value: string; label: string }[];
}) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(prompt.text);
  const [phase, setPhase] = useState<JournalPhase>(prompt.phase);
  const [protocolKey, setProtocolKey] = useState(prompt.protocolKey ?? ALL_PROTOCOLS);
  const [sortOrder, setSortOrder] = useState<number>(prompt.sortOrder);
  const saving = useApiMutation((body: Parameters<typeof updatePrompt>[1]) => updatePrompt(prompt.id, body), {
    invalidates: [journalKeys.prompts()],
  });
  const save = async () => {
    const r = await saving.run({
      text,
      phase,
      protocolKey: protocolKey === ALL_PROTOCOLS ? null : protocolKey,
      sortOrder,
    });
    if (r.ok) setEditing(false);
  };
  if (editing)
    return (
      <Table.Tr>
        <Table.Td colSpan={5}>
          <Stack gap="xs">
            <Textarea
              label="Prompt"
              autosize
              minRows={2}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={saving.fieldErrors.text}
            />
            <Group grow align="flex-start">
              <Select
                label="When to offer it"
                data={PHASE_OPTIONS}
                value={phase}
                onChange={(v) => v && setPhase(v as JournalPhase)}
                allowDeselect={false}
              />
              <Select
                label="Protocol"
                data={protocols}
                value={protocolKey}
                onChange={(v) => setProtocolKey(v ?? ALL_PROTOCOLS)}
                allowDeselect={false}
                error={saving.fieldErrors.protocolKey}
              />
              <NumberInput
                label="Order"
                min={0}
                max={10_000}
                value={sortOrder}
                onChange={(v) => setSortOrder(typeof v === 'number' ? v : 0)}
                error={saving.fieldErrors.sortOrder}
              />
            </Group>
            <ErrorAlert error={saving.error} title="The prompt was not saved" />
            <Group>
              <Button size="compact-md" loading={saving.busy} onClick={() => void save()}>
                Save
              </Button>
              <Button size="compact-md" variant="default" onClick={() => setEditing(false)}>
                Cancel
              </Button>
            </Group>
          </Stack>
        </Table.Td>
      </Table.Tr>
    );
  return (
    <Table.Tr>
      <Table.Td>{prompt.text}</Table.Td>
      <Table.Td>{protocolName}</Table.Td>
      <Table.Td>{prompt.sortOrder}</Table.Td>
      <Table.Td>
        {prompt.active ? (
          <Badge variant="filled" color="teal.9" autoContrast>
            Active
          </Badge>
        ) : (
          <Badge variant="light" color="gray">
            Retired
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => setEditing(true)}
            aria-label={`Edit: ${prompt.text}`}
          >
            Edit
          </Button>
          <Button
            size="compact-sm"
            variant="subtle"
            c={prompt.active ? 'red.9' : undefined}
            loading={saving.busy}
            onClick={() => void saving.run({ active: !prompt.active })}
            aria-label={`${prompt.active ? 'Retire' : 'Restore'}: ${prompt.text}`}
          >
            {prompt.active ? 'Retire' : 'Restore'}
          </Button>
        </Group>
        <ErrorAlert error={saving.error} title="The prompt was not changed" />
      </Table.Td>
    </Table.Tr>
  );
}
