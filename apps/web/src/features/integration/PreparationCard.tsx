/**
 * The preparation visit on the Treatment plan tab: the record in force, earlier records, and (for therapists,
 * prescribers and nurses) a form to record it. A correction is a new record; nothing is overwritten.
 */
import { Button, Card, Group, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useMe } from '../../app/auth.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { recordPreparation } from './api.ts';
import { PreparationDetails } from './PreparationSummary.tsx';
import { integrationKeys, usePreparation } from './queries.ts';

const WRITERS = new Set(['therapist', 'prescriber', 'nurse']);

function PreparationForm({
  patientId,
  planId,
  onDone,
}: {
  patientId: string;
  planId: string | null;
  onDone: () => void;
}) {
  const [intentions, setIntentions] = useState('');
  const [name, setName] = useState('');
  const [relationship, setRelationship] = useState('');
  const [phone, setPhone] = useState('');
  const saving = useApiMutation(
    (body: Parameters<typeof recordPreparation>[1]) => recordPreparation(patientId, body),
    {
      invalidates: [integrationKeys.preparation(patientId)],
    },
  );
  const field = (f: string) => saving.fieldErrors[f];
  const save = async () => {
    const r = await saving.run({
      intentions,
      supportPerson: { name, relationship, phone },
      ...(planId ? { planId } : {}),
    });
    if (r.ok) onDone();
  };
  return (
    <Stack gap="xs">
      <Textarea
        label="Intentions for the course"
        description="In the patient's words where possible"
        autosize
        minRows={3}
        value={intentions}
        onChange={(e) => setIntentions(e.currentTarget.value)}
        error={field('intentions')}
      />
      <Group grow align="start">
        <TextInput
          label="Support person"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={field('supportPerson.name')}
        />
        <TextInput
          label="Relationship"
          value={relationship}
          onChange={(e) => setRelationship(e.currentTarget.value)}
          error={field('supportPerson.relationship')}
        />
        <TextInput
          label="Phone"
          type="tel"
          value={phone}
          onChange={(e) => setPhone(e.currentTarget.value)}
          error={field('supportPerson.phone')}
        />
      </Group>
      <ErrorAlert
        error={saving.error}
        title="The preparation was not saved"
        extra={saving.unplaced([
          'intentions',
          'supportPerson.name',
          'supportPerson.relationship',
          'supportPerson.phone',
        ])}
      />
      <Group>
        <Button onClick={save} loading={saving.busy}>
          Save preparation
        </Button>
      </Group>
    </Stack>
  );
}

export function PreparationCard({ patientId, planId }: { patientId: string; planId: string | null }) {
  const me = useMe();
  const q = usePreparation(patientId);
  const [editing, setEditing] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const canWrite = WRITERS.has(me.role);
  if (q.error) return <ErrorAlert error={q.error} title="Could not load the preparation" />;
  if (!q.data) return <LoadingState />;
  const { current, items } = q.data;
  const earlier = items.slice(1);
  return (
    <Card withBorder component="section" aria-label="Preparation visit">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h4">
          Preparation visit
        </Title>
        {canWrite && !editing && (
          <Button variant="light" size="xs" onClick={() => setEditing(true)}>
            {current ? 'Record a correction' : 'Record preparation'}
          </Button>
        )}
      </Group>
      <Stack gap="sm">
        {current ? (
          <PreparationDetails record={current} />
        ) : (
          <Text size="sm" c="dimmed">
            No preparation visit recorded yet.
          </Text>
        )}
        {editing && (
          <PreparationForm patientId={patientId} planId={planId} onDone={() => setEditing(false)} />
        )}
        {earlier.length > 0 && (
          <>
            <Button variant="subtle" size="xs" w="fit-content" onClick={() => setShowHistory((v) => !v)}>
              {showHistory ? 'Hide earlier records' : `Earlier records (${earlier.length})`}
            </Button>
            {showHistory && (
              <Stack gap="sm">
                {earlier.map((r) => (
                  <PreparationDetails key={r.id} record={r} />
                ))}
              </Stack>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
