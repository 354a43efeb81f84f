import { Alert, Button, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useMe } from '../../app/auth.tsx';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { roleLabel } from '../../ui/format.ts';
import { useApiMutation } from '../../ui/useApiMutation.ts';
import { handOver } from './api.ts';
import { noteKeys, useCustody } from './queries.ts';

/**
 * Account page, therapists and prescribers: hand every psychotherapy note you hold to a named successor (for
 * instance when you leave the clinic). The successor becomes their only reader; the handover is recorded.
 */
export function HandoverCard() {
  const me = useMe();
  const holds = me.role === 'therapist' || me.role === 'prescriber';
  const { data, error } = useCustody(holds);
  const [successor, setSuccessor] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const moving = useApiMutation(handOver, {
    invalidates: [noteKeys.all],
    onSuccess: () => {
      setConfirming(false);
      setSuccessor(null);
    },
  });
  if (!holds) return null;
  const name = data?.successors.find((s) => s.id === successor)?.displayName;

  return (
    <Paper withBorder p="md">
      <Title order={2} mb="xs">
        Psychotherapy notes
      </Title>
      <ErrorAlert error={error} title="Could not load your psychotherapy notes" />
      {moving.data && (
        <Alert color="green" variant="light" role="status" mb="sm">
          {moving.data.count} {moving.data.count === 1 ? 'note was' : 'notes were'} handed to{' '}
          {moving.data.successorName}.
        </Alert>
      )}
      {data && (
        <Stack gap="sm">
          <Text size="sm">
            You hold {data.count} psychotherapy {data.count === 1 ? 'note' : 'notes'}. Only you can read them.
            If you leave the clinic, hand them to a named successor, who will then be their only reader.
          </Text>
          {data.count > 0 && (
            <Group align="end">
              <Select
                label="Successor"
                placeholder="Choose a therapist or prescriber"
                data={data.successors.map((s) => ({
                  value: s.id,
                  label: `${s.displayName} (${roleLabel(s.role)})`,
                }))}
                value={successor}
                onChange={(v) => {
                  setSuccessor(v);
                  setConfirming(false);
                }}
                error={moving.fieldErrors.successorId}
                w={320}
              />
              {!confirming ? (
                <Button disabled={!successor} onClick={() => setConfirming(true)}>
                  Hand over
                </Button>
              ) : (
                <Button
                  color="red.9"
                  loading={moving.busy}
                  onClick={() => successor && void moving.run(successor)}
                >
                  Hand all {data.count} to {name}
                </Button>
              )}
            </Group>
          )}
          <ErrorAlert error={moving.error} title="The notes were not handed over" />
        </Stack>
      )}
    </Paper>
  );
}
